//! The app's settings: defaults, validation, atomic saving, and recovery from a broken file.

use crate::client::{validate_endpoint, Overrides};
use crate::error::{Error, Result};
use crate::presign::{MAX_EXPIRY_SECS, MIN_EXPIRY_SECS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub schema_version: u32,
    pub active_profile: Option<String>,
    pub profiles: BTreeMap<String, ProfileSettings>,
    pub expiry: ExpirySettings,
    pub uploads: UploadSettings,
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
        if self.uploads.allowed_types.iter().any(|t| !t.contains('/')) {
            out.push(FieldError {
                field: "uploads.allowedTypes".into(),
                message: "each entry must be a MIME type such as image/png".into(),
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
}

/// Something the UI should tell the user once (for example, that settings were recovered).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub key: NoticeKey,
    pub message: String,
    pub path: Option<String>,
}

/// Which notice: also the window's message key for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub enum NoticeKey {
    #[serde(rename = "notice.settingsRecovered")]
    SettingsRecovered,
}

/// Reads and writes `settings.json` in one folder.
#[derive(Debug, Clone)]
pub struct SettingsStore {
    path: PathBuf,
}

impl SettingsStore {
    pub fn new(dir: &Path) -> Self {
        Self {
            path: dir.join("settings.json"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Loads the settings. A missing file gives defaults; a broken one is moved aside and reported.
    pub fn load(&self) -> (Settings, Option<Notice>) {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Settings::default(), None),
            Err(e) => return (Settings::default(), Some(self.set_aside(&format!("could not be read: {e}")))),
        };
        match serde_json::from_str::<Settings>(&text) {
            Ok(s) if s.validate().is_empty() => (s, None),
            Ok(s) => {
                let problems: Vec<String> = s.validate().into_iter().map(|f| format!("{}: {}", f.field, f.message)).collect();
                (Settings::default(), Some(self.set_aside(&problems.join("; "))))
            }
            Err(e) => (Settings::default(), Some(self.set_aside(&e.to_string()))),
        }
    }

    fn set_aside(&self, why: &str) -> Notice {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let backup = self.path.with_file_name(format!("settings.json.broken-{stamp}.bak"));
        let moved = std::fs::rename(&self.path, &backup).is_ok();
        tracing::warn!(path = %self.path.display(), backup = %backup.display(), "settings file was broken ({why}); defaults in use");
        Notice {
            key: NoticeKey::SettingsRecovered,
            message: format!("The settings file was broken ({why}). Defaults are in use."),
            path: moved.then(|| backup.display().to_string()),
        }
    }

    /// Validates, then writes atomically: a temp file in the same folder, fsync, rename.
    pub fn save(&self, s: &Settings) -> Result<()> {
        let problems = s.validate();
        if let Some(first) = problems.first() {
            return Err(Error::invalid_input(format!("{}: {}", first.field, first.message)));
        }
        let dir = self.path.parent().ok_or_else(|| Error::internal("settings path has no folder"))?;
        std::fs::create_dir_all(dir).map_err(|e| Error::io("creating the settings folder", e))?;
        let tmp = dir.join(format!(".settings.json.{}.tmp", std::process::id()));
        let json = serde_json::to_vec_pretty(s).map_err(|e| Error::internal(e.to_string()))?;
        let mut f = std::fs::File::create(&tmp).map_err(|e| Error::io("writing settings", e))?;
        f.write_all(&json)
            .and_then(|_| f.sync_all())
            .map_err(|e| Error::io("writing settings", e))?;
        drop(f);
        std::fs::rename(&tmp, &self.path).map_err(|e| Error::io("replacing settings", e))?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_defaults_for_missing_fields() {
        let dir = tempfile::tempdir().unwrap();
        let store = SettingsStore::new(dir.path());
        assert_eq!(store.load(), (Settings::default(), None));
        let mut s = Settings {
            language: Language::Ja,
            ..Settings::default()
        };
        s.profiles.insert(
            "dev".into(),
            ProfileSettings {
                overrides: Overrides {
                    region: Some("ap-northeast-1".into()),
                    ..Default::default()
                },
                ..Default::default()
            },
        );
        store.save(&s).unwrap();
        assert_eq!(store.load(), (s, None));
        std::fs::write(store.path(), r#"{"language":"en"}"#).unwrap();
        let (loaded, notice) = store.load();
        assert_eq!(notice, None);
        assert_eq!(loaded.language, Language::En);
        assert_eq!(loaded.expiry.preview_secs, 300);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn corrupt_file_is_moved_aside_with_a_notice() {
        let dir = tempfile::tempdir().unwrap();
        let store = SettingsStore::new(dir.path());
        std::fs::write(store.path(), "{ not json").unwrap();
        let (s, notice) = store.load();
        assert_eq!(s, Settings::default());
        let notice = notice.expect("a notice");
        let backup = PathBuf::from(notice.path.expect("a backup path"));
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), "{ not json");
        assert!(!store.path().exists());
        assert_eq!(notice.key, NoticeKey::SettingsRecovered);
    }

    #[test]
    fn invalid_values_are_refused_and_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let store = SettingsStore::new(dir.path());
        let mut s = Settings::default();
        s.expiry.share_secs = 604_801;
        s.profiles.insert(
            "x".into(),
            ProfileSettings {
                overrides: Overrides {
                    region: Some("eu west".into()),
                    endpoint_url: Some("ftp://host".into()),
                    path_style: None,
                },
                ..Default::default()
            },
        );
        let fields: Vec<String> = s.validate().into_iter().map(|f| f.field).collect();
        assert_eq!(fields, ["expiry.shareSecs", "profiles.x.region", "profiles.x.endpointUrl"]);
        assert_eq!(store.save(&s).unwrap_err().kind(), crate::ErrorKind::InvalidInput);
        assert!(!store.path().exists());
    }
}
