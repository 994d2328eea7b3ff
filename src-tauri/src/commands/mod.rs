//! The IPC commands, one file per feature: each parses its request, calls the core and returns data or the
//! core's `Error`. Which commands exist, and their request and response types, is declared once in
//! `bucketlens_core::with_commands!`; the handler list (`crate::handlers`) and `build.rs` follow from it.

mod browse;
mod places;
mod profiles;
mod search;
mod settings;
mod share;
mod system;
mod uploads;

pub use browse::*;
pub use places::*;
pub use profiles::*;
pub use search::*;
pub use settings::*;
pub use share::*;
pub use system::*;
pub use uploads::*;
