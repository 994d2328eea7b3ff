//! Shapes that exist only to cross the app's IPC boundary (the rest are the core's own types): the
//! requests of the commands declared in `contract.rs`, and the events the shell sends to the window.

mod contract;
mod requests;
pub use requests::*;

use crate::client::ConnectionInfo;
use crate::error::Error;
use crate::profiles::ProfileList;
use crate::settings::{Notice, Settings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything the window needs to draw its first frame.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Bootstrap {
    pub version: String,
    pub profiles: ProfileList,
    /// Why the AWS files could not be read, if they could not.
    #[ts(type = "ErrorPayload | null")]
    pub profiles_error: Option<Error>,
    pub active: Option<ConnectionInfo>,
    /// Why the remembered profile could not be selected at start, if it could not.
    #[ts(type = "ErrorPayload | null")]
    pub active_error: Option<Error>,
    pub settings: Settings,
    pub notices: Vec<Notice>,
    pub demo: bool,
    pub log_dir: String,
    /// The operating system's language (e.g. `ja-JP`) for the "System" setting; the webview's own
    /// `navigator.language` need not follow it.
    pub system_locale: Option<String>,
    /// The remembered place's first page, when start-up listed it in time (`crate::ahead`); the window shows
    /// it in its first frame and lists the rest with `afterFirstPage`.
    pub first_page: Option<crate::columns::ColumnPage>,
    /// The place the app was launched to open (an `s3://` or `bucketlens://` argument), as `MenuAction::OpenLocation`.
    pub launch: Option<MenuAction>,
}

/// The answer of Settings → Test connection.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionTest {
    pub operation: TestOperation,
    pub bucket_count: Option<u32>,
    pub region: String,
    pub endpoint_url: Option<String>,
}

/// What Settings → Test connection tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub enum TestOperation {
    ListBuckets,
    HeadBucket,
}

/// A click in the native menu (or a second launch's request), sent to the window as the `menu` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "action")]
pub enum MenuAction {
    Settings,
    Refresh,
    /// Focus the location box (Ctrl/⌘+L).
    FocusLocation,
    /// Focus the folder filter (Ctrl/⌘+F).
    FocusFilter,
    /// Pick files to upload into the open folder (Ctrl/⌘+U).
    Upload,
    ReloadProfiles,
    About,
    /// Ask the release feed for a newer version (Help → Check for updates…).
    CheckUpdates,
    SelectProfile {
        profile: String,
    },
    /// A launch named a place (`s3://bucket/prefix/`, or an app link `bucketlens://open?url=…&profile=…`): the
    /// window goes there, through `profile` when the link names one (the window asks when it is not one the
    /// person has), and shows `key` when the link is to a file.
    OpenLocation {
        bucket: String,
        prefix: String,
        key: Option<String>,
        profile: Option<String>,
        /// An app link (which says whose place it is), not an `s3://` address (opened with the active profile).
        link: bool,
    },
}

impl MenuAction {
    /// The window's event name for menu clicks.
    pub const EVENT: &'static str = "menu";
}

/// Where one queued upload stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum UploadState {
    Queued,
    Uploading,
    Done,
    Failed,
    Skipped,
    Cancelled,
    /// Stopped by an expired sign-in; it continues by itself after the next sign-in (or is cancelled).
    Paused,
}

/// Progress and outcome of one upload, sent over the upload channel.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadEvent {
    /// The row id the window gave the upload.
    pub id: String,
    pub state: UploadState,
    #[ts(type = "number")]
    pub sent: u64,
    #[ts(type = "number")]
    pub total: u64,
    /// Bytes per second over the last moments.
    pub rate: f64,
    /// The key actually written (Keep both may change it).
    pub key: String,
    pub content_type: Option<String>,
    #[ts(type = "ErrorPayload | null")]
    pub error: Option<Error>,
}

/// A newer signed release the update feed offers (`check_update`); installed by `install_update`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateInfo {
    /// The version offered, e.g. "0.2.0".
    pub version: String,
    /// The version running now.
    pub current: String,
    /// When it was published (RFC 3339), if the feed says.
    pub date: Option<String>,
    /// The release notes, as the feed gives them (plain text).
    pub notes: Option<String>,
}
