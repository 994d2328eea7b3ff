//! The requests of the IPC commands (see `contract.rs`): what the window sends, checked by the compiler
//! on both sides because `bindings.ts` is generated from these.

use crate::client::Overrides;
use crate::upload::Conflict;
use serde::Deserialize;
use ts_rs::TS;

/// One object of one bucket.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectRef {
    pub bucket: String,
    pub key: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SelectProfileRequest {
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListPrefixRequest {
    pub bucket: String,
    pub prefix: String,
    /// The window shows this place's first page already (it came with `bootstrap`): list what follows it.
    #[serde(default)]
    pub after_first_page: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchRequest {
    pub bucket: String,
    pub prefix: String,
    pub query: crate::search::SearchQuery,
    /// Keys to read at most: 1 to 10,000,000; none means `search::DEFAULT_SCAN_LIMIT`.
    #[ts(type = "number | null")]
    pub limit: Option<u64>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PresignShareRequest {
    pub bucket: String,
    pub key: String,
    /// Defaults to the share setting; clamped to what S3 and the credentials allow.
    #[ts(type = "number | null")]
    pub expires_secs: Option<u64>,
    /// Download as a file (`attachment`) instead of opening in the browser.
    pub attachment: bool,
}

/// Several files of one folder to share at once.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShareObjectsRequest {
    pub bucket: String,
    pub keys: Vec<String>,
    /// Defaults to the share setting; clamped to what S3 and the credentials allow.
    #[ts(type = "number | null")]
    pub expires_secs: Option<u64>,
    /// Who the links are for, if the person typed it: kept in the local record of issued links.
    pub recipient: Option<String>,
}

/// A bucket, to find the profiles that can read it.
/// A PDF's first page as the window drew it, to keep as the object's thumbnail.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeepThumbnailRequest {
    pub bucket: String,
    pub key: String,
    /// The picture (JPEG), base64.
    pub image: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BucketRequest {
    pub bucket: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParseLocationRequest {
    pub input: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenUrlRequest {
    pub url: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CopyTextRequest {
    pub text: String,
    /// The same as HTML, for mail clients that paste it (the text stays the plain alternative).
    #[serde(default)]
    pub html: Option<String>,
}

/// Settings → Test connection with the overrides being edited (nothing is switched or saved).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TestConnectionRequest {
    pub name: String,
    pub overrides: Overrides,
    pub default_bucket: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SsoLoginRequest {
    pub profile: String,
}

/// Dropped or picked paths, to be expanded under `prefix`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScanPathsRequest {
    pub paths: Vec<String>,
    pub prefix: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckExistingRequest {
    pub bucket: String,
    pub keys: Vec<String>,
}

/// One file to upload, with what to do if its key exists.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadItem {
    /// The window's row id for this upload; its events carry it.
    pub id: String,
    pub path: String,
    pub key: String,
    pub conflict: Conflict,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartUploadRequest {
    pub bucket: String,
    pub items: Vec<UploadItem>,
    /// The profile the person confirmed these uploads for (needed when its settings ask for a confirmation).
    #[serde(default)]
    pub confirmed_for: Option<String>,
}

/// Deletes one object; `confirmed_for` as for uploads.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeleteObjectRequest {
    pub bucket: String,
    pub key: String,
    #[serde(default)]
    pub confirmed_for: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CancelUploadRequest {
    /// The row id.
    pub id: String,
}

/// One unfinished upload of the journal, by its id.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PendingUploadRequest {
    pub id: String,
}

/// Resume one unfinished upload of the journal (`id`) as the window's row `row`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResumeUploadRequest {
    pub id: String,
    pub row: String,
}

/// Uploads about to start: how many bytes in all.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckUploadTimeRequest {
    #[ts(type = "number")]
    pub bytes: u64,
}
