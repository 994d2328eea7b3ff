//! The app's settings: what they hold, their defaults and their validation. `store.rs` keeps them on disk;
//! `owner.rs` is the one place a running app changes them.

mod owner;
mod salvage;
mod store;
pub use owner::SettingsOwner;
pub use store::SettingsStore;

use crate::client::{validate_endpoint, Overrides};
use crate::presign::{MAX_EXPIRY_SECS, MIN_EXPIRY_SECS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Language {
    #[default]
    System,
    Ja,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Per-profile settings kept in the app (never written into `~/.aws`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ProfileSettings {
    #[serde(flatten)]
    pub overrides: Overrides,
    pub default_bucket: Option<String>,
    pub default_prefix: Option<String>,
    /// Shown beside the profile and along the top of the window while it is active.
    pub color: Option<ProfileColor>,
    /// Uploads and deletes through this profile ask first, naming it and the bucket (a production guard).
    pub confirm_changes: bool,
}

/// The colours a profile can carry (a closed list: each has a light and a dark theme variant).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProfileColor {
    Red,
    Orange,
    Yellow,
    Green,
    Blue,
    Purple,
    Gray,
}

/// Default lifetimes of presigned URLs, in seconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ExpirySettings {
    #[ts(type = "number")]
    pub preview_secs: u64,
    #[ts(type = "number")]
    pub share_secs: u64,
    #[ts(type = "number")]
    pub upload_secs: u64,
    #[ts(type = "number")]
    pub delete_secs: u64,
}

impl Default for ExpirySettings {
    fn default() -> Self {
        Self {
            preview_secs: 300,
            share_secs: 3600,
            upload_secs: 1800,
            delete_secs: 300,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct UploadSettings {
    pub allowed_types: Vec<String>,
    /// Stored as `x-amz-meta-uploaded-by`; empty means the OS user name.
    pub display_name: String,
    pub parallel: u32,
    #[ts(type = "number")]
    pub multipart_threshold_mib: u64,
    pub ask_before_replace: bool,
}

impl Default for UploadSettings {
    fn default() -> Self {
        Self {
            allowed_types: [
                "image/jpeg",
                "image/png",
                "image/webp",
                "image/gif",
                "image/heic",
                "application/pdf",
            ]
            .map(String::from)
            .to_vec(),
            display_name: String::new(),
            parallel: 3,
            multipart_threshold_mib: 100,
            ask_before_replace: true,
        }
    }
}

/// How far a search may go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SearchSettings {
    /// Keys one search reads at most before it stops with "stopped at the limit".
    #[ts(type = "number")]
    pub scan_limit: u64,
}

impl Default for SearchSettings {
    fn default() -> Self {
        Self {
            scan_limit: crate::search::DEFAULT_SCAN_LIMIT,
        }
    }
}

/// The gallery: how much disk its thumbnails may use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct GallerySettings {
    /// MB of thumbnails kept in the data folder; the least recently used go first.
    pub cache_mb: u32,
}

impl Default for GallerySettings {
    fn default() -> Self {
        Self { cache_mb: 500 }
    }
}

/// The smallest and largest thumbnail cache, in MB.
pub const GALLERY_CACHE_MB: std::ops::RangeInclusive<u32> = 5..=20_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub schema_version: u32,
    pub active_profile: Option<String>,
    pub profiles: BTreeMap<String, ProfileSettings>,
    pub expiry: ExpirySettings,
    pub uploads: UploadSettings,
    pub search: SearchSettings,
    pub gallery: GallerySettings,
    pub language: Language,
    pub theme: Theme,
    pub log_level: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            active_profile: None,
            profiles: BTreeMap::new(),
            expiry: ExpirySettings::default(),
            uploads: UploadSettings::default(),
            search: SearchSettings::default(),
            gallery: GallerySettings::default(),
            language: Language::System,
            theme: Theme::System,
            log_level: "info".to_owned(),
        }
    }
}

/// One refused field, named by its path in the settings (e.g. `expiry.previewSecs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

fn check_expiry(field: &str, v: u64, out: &mut Vec<FieldError>) {
    if !(MIN_EXPIRY_SECS..=MAX_EXPIRY_SECS).contains(&v) {
        out.push(FieldError {
            field: field.into(),
            message: format!("must be between 1 second and 7 days (604800 s), not {v}"),
        });
    }
}

impl Settings {
    /// Every problem at once, so the form can mark each field.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        check_expiry("expiry.previewSecs", self.expiry.preview_secs, &mut out);
        check_expiry("expiry.shareSecs", self.expiry.share_secs, &mut out);
        check_expiry("expiry.uploadSecs", self.expiry.upload_secs, &mut out);
        check_expiry("expiry.deleteSecs", self.expiry.delete_secs, &mut out);
        for (name, p) in &self.profiles {
            if let Some(r) = &p.overrides.region {
                if r.is_empty() || !r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    out.push(FieldError {
                        field: format!("profiles.{name}.region"),
                        message: format!("{r:?} is not a region name"),
                    });
                }
            }
            if let Some(e) = &p.overrides.endpoint_url {
                if let Err(err) = validate_endpoint(e) {
                    out.push(FieldError {
                        field: format!("profiles.{name}.endpointUrl"),
                        message: err.message().to_owned(),
                    });
                }
            }
        }
        if !(1..=16).contains(&self.uploads.parallel) {
            out.push(FieldError {
                field: "uploads.parallel".into(),
                message: "must be between 1 and 16".into(),
            });
        }
        if !(5..=5 * 1024).contains(&self.uploads.multipart_threshold_mib) {
            out.push(FieldError {
                field: "uploads.multipartThresholdMib".into(),
                message: "must be between 5 MiB and 5 GiB".into(),
            });
        }
        if !(1..=crate::search::MAX_SCAN_LIMIT).contains(&self.search.scan_limit) {
            out.push(FieldError {
                field: "search.scanLimit".into(),
                message: format!("must be between 1 and {} keys", crate::search::MAX_SCAN_LIMIT),
            });
        }
        if !GALLERY_CACHE_MB.contains(&self.gallery.cache_mb) {
            out.push(FieldError {
                field: "gallery.cacheMb".into(),
                message: format!("must be between {} and {} MB", GALLERY_CACHE_MB.start(), GALLERY_CACHE_MB.end()),
            });
        }
        if self.uploads.allowed_types.iter().any(|t| !t.contains('/')) {
            out.push(FieldError {
                field: "uploads.allowedTypes".into(),
                message: "each entry must be a MIME type such as image/png".into(),
            });
        }
        if let Err(message) = crate::logging::validate_level(&self.log_level) {
            out.push(FieldError {
                field: "logLevel".into(),
                message,
            });
        }
        if !self.uploads.display_name.chars().all(|c| (' '..='~').contains(&c)) {
            out.push(FieldError {
                field: "uploads.displayName".into(),
                message: "must be printable ASCII (it is stored as S3 metadata)".into(),
            });
        }
        out
    }

    pub fn profile(&self, name: &str) -> ProfileSettings {
        self.profiles.get(name).cloned().unwrap_or_default()
    }

    /// A change (upload, delete) through `profile` in `bucket` may go ahead: the profile is not guarded, or
    /// the window says the person confirmed it for this very profile.
    pub fn guard(&self, profile: &str, bucket: &str, confirmed_for: Option<&str>) -> crate::Result<()> {
        if !self.profile(profile).confirm_changes || confirmed_for == Some(profile) {
            return Ok(());
        }
        Err(crate::Error::invalid_input(format!(
            "profile {profile:?} asks for a confirmation before anything in {bucket:?} changes; nothing was changed"
        )))
    }
}

/// The operating system's language tag (e.g. `ja-JP`), for the "System" language: read through `sys-locale`,
/// since GUI apps on macOS and Windows usually have no `LANG`.
pub fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

/// Something the UI should tell the user once (for example, that settings were recovered).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub key: NoticeKey,
    pub message: String,
    pub path: Option<String>,
    /// The settings that went back to their defaults (`notice.settingsRepaired`).
    pub fields: Vec<String>,
}

/// Which notice: also the window's message key for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub enum NoticeKey {
    #[serde(rename = "notice.settingsRecovered")]
    SettingsRecovered,
    #[serde(rename = "notice.settingsRepaired")]
    SettingsRepaired,
}

#[cfg(test)]
mod guard_tests {
    use super::*;

    #[test]
    fn colour_and_guard_travel_as_the_window_sends_them() {
        let json = r#"{"region":null,"endpointUrl":null,"pathStyle":null,"defaultBucket":null,"defaultPrefix":null,
            "color":"red","confirmChanges":true}"#;
        let p: ProfileSettings = serde_json::from_str(json).unwrap();
        assert_eq!((p.color, p.confirm_changes), (Some(ProfileColor::Red), true));
        let back = serde_json::to_value(&p).unwrap();
        assert_eq!(
            (back["color"].as_str(), back["confirmChanges"].as_bool()),
            (Some("red"), Some(true))
        );
    }

    #[test]
    fn a_guarded_profile_changes_nothing_without_a_confirmation_naming_it() {
        let mut s = Settings::default();
        s.profiles.entry("prod".into()).or_default().confirm_changes = true;
        assert!(s.guard("prod", "ledger", None).is_err());
        let e = s.guard("prod", "ledger", Some("staging")).unwrap_err();
        assert!(e.message().contains("\"prod\"") && e.message().contains("\"ledger\""), "{e}");
        assert!(s.guard("prod", "ledger", Some("prod")).is_ok());
        assert!(s.guard("staging", "ledger", None).is_ok(), "unguarded profiles need nothing");
    }
}
