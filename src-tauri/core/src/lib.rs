//! BucketLens core: everything the app does with AWS profiles and S3, with no window attached.

pub mod ahead;
pub mod client;
pub mod columns;
pub mod durable;
pub mod error;
pub mod error_map;
pub mod file_kind;
pub mod http;
pub mod ipc;
pub mod keys;
pub mod listing;
pub mod logging;
pub mod memory;
pub mod mfa;
pub mod mime;
pub mod objects;
pub mod paths;
pub mod places;
pub mod presign;
pub mod preview;
pub mod profile_writer;
pub mod profiles;
pub mod s3url;
pub mod search;
pub mod session;
pub mod settings;
pub mod share;
pub mod sigv4;
pub mod sso_accounts;
pub mod sso_device;
pub mod thumbs;
pub mod upload;

#[cfg(test)]
mod bindings;

pub use error::{Error, ErrorKind, Result};
