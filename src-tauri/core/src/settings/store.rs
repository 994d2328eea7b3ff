//! Keeps the settings on disk: one writer at a time (a lock file), a unique temporary file, fsync and an
//! atomic replace, so readers never see half a file; a broken file is moved aside (never over an earlier
//! backup) and reported. `peek` reads without touching anything, for read-only users such as the CLI.

use super::salvage::salvage;
use super::{Notice, NoticeKey, Settings};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

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

    /// Loads the settings. A missing file gives defaults. A file with bad fields keeps its good ones: the bad
    /// ones go back to their defaults, the old file is kept as a backup and the notice names the fields. A
    /// file that is not JSON at all is moved aside whole and reported.
    pub fn load(&self) -> (Settings, Option<Notice>) {
        let why = match self.read() {
            Ok(s) => return (s, None),
            Err(why) => why,
        };
        let _lock = self.lock();
        // Another instance may have mended or moved the file while we waited for the lock.
        let why_now = match self.read() {
            Ok(s) => return (s, None),
            Err(_) if std::fs::metadata(&self.path).is_err() => return (Settings::default(), Some(self.gone_notice(&why))),
            Err(why_now) => why_now,
        };
        let salvaged = std::fs::read_to_string(&self.path).ok().and_then(|t| salvage(&t));
        match salvaged {
            Some((s, reset)) if !reset.is_empty() => {
                let mut notice = self.set_aside(&why_now);
                notice.key = NoticeKey::SettingsRepaired;
                notice.message = format!("Some settings were invalid and are back to their defaults: {}.", reset.join(", "));
                notice.fields = reset;
                if let Err(e) = self.write(&s) {
                    tracing::warn!(error = %e, "could not save the repaired settings");
                }
                (s, Some(notice))
            }
            _ => (Settings::default(), Some(self.set_aside(&why_now))),
        }
    }

    /// Reads the settings without changing anything on disk, for read-only users (the CLI) which must never
    /// move the app's file: bad fields read as their defaults, a file that is not JSON as all defaults.
    pub fn peek(&self) -> Settings {
        self.read().unwrap_or_else(|why| {
            tracing::warn!(path = %self.path.display(), "settings partly or wholly not used ({why})");
            std::fs::read_to_string(&self.path)
                .ok()
                .and_then(|t| salvage(&t))
                .map(|(s, _)| s)
                .unwrap_or_default()
        })
    }

    /// The file's settings; `Err` says why they can't be used as they are. A missing file is the defaults.
    fn read(&self) -> std::result::Result<Settings, String> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(e) => return Err(format!("could not be read: {e}")),
        };
        let s = serde_json::from_str::<Settings>(&text).map_err(|e| e.to_string())?;
        let problems: Vec<String> = s.validate().into_iter().map(|f| format!("{}: {}", f.field, f.message)).collect();
        if problems.is_empty() {
            Ok(s)
        } else {
            Err(problems.join("; "))
        }
    }

    /// Waits for the other writers (this process's threads and other instances) and holds them off.
    fn lock(&self) -> Option<std::fs::File> {
        crate::durable::lock(self.path.parent()?, "settings.lock")
    }

    fn gone_notice(&self, why: &str) -> Notice {
        Notice {
            key: NoticeKey::SettingsRecovered,
            message: format!("The settings file was broken ({why}). Defaults are in use."),
            path: None,
            fields: Vec::new(),
        }
    }

    /// Moves the broken file to a backup name no earlier backup has (call with the lock held).
    fn set_aside(&self, why: &str) -> Notice {
        let backup = crate::durable::set_aside(&self.path);
        tracing::warn!(path = %self.path.display(), backup = ?backup, "settings file was broken ({why}); defaults in use");
        Notice {
            path: backup.map(|b| b.display().to_string()),
            ..self.gone_notice(why)
        }
    }

    /// Validates, then writes atomically under the lock: a temporary file of its own in the same folder,
    /// fsync, rename over the old file, fsync of the folder.
    pub fn save(&self, s: &Settings) -> Result<()> {
        let problems = s.validate();
        if let Some(first) = problems.first() {
            return Err(Error::invalid_input(format!("{}: {}", first.field, first.message)));
        }
        let _lock = self.lock();
        self.write(s)
    }

    /// Writes `s` atomically; the caller holds the lock.
    fn write(&self, s: &Settings) -> Result<()> {
        let json = serde_json::to_vec_pretty(s).map_err(|e| Error::internal(e.to_string()))?;
        crate::durable::replace(&self.path, &json).map_err(|e| Error::io("saving settings", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Overrides;
    use crate::settings::{Language, ProfileSettings};

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

    #[test]
    fn two_recoveries_in_one_second_keep_both_backups() {
        let dir = tempfile::tempdir().unwrap();
        let store = SettingsStore::new(dir.path());
        std::fs::write(store.path(), "{ first").unwrap();
        let a = store.load().1.unwrap().path.unwrap();
        std::fs::write(store.path(), "{ second").unwrap();
        let b = store.load().1.unwrap().path.unwrap();
        assert_ne!(a, b);
        assert_eq!(std::fs::read_to_string(a).unwrap(), "{ first");
        assert_eq!(std::fs::read_to_string(b).unwrap(), "{ second");
    }

    #[test]
    fn peek_never_moves_a_broken_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = SettingsStore::new(dir.path());
        std::fs::write(store.path(), "{ broken").unwrap();
        assert_eq!(store.peek(), Settings::default());
        assert_eq!(std::fs::read_to_string(store.path()).unwrap(), "{ broken");
        let entries = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(entries, 1, "nothing was added or moved");
    }

    #[test]
    fn a_bad_field_is_reset_and_the_rest_kept_with_a_notice() {
        let dir = tempfile::tempdir().unwrap();
        let store = SettingsStore::new(dir.path());
        let text = r#"{"language": "ja", "expiry": {"previewSecs": 0, "shareSecs": 120}}"#;
        std::fs::write(store.path(), text).unwrap();
        let (s, notice) = store.load();
        assert_eq!((s.language, s.expiry.preview_secs, s.expiry.share_secs), (Language::Ja, 300, 120));
        let notice = notice.unwrap();
        assert_eq!(
            (notice.key, notice.fields.clone()),
            (NoticeKey::SettingsRepaired, vec!["expiry.previewSecs".to_owned()])
        );
        assert_eq!(std::fs::read_to_string(notice.path.unwrap()).unwrap(), text, "the old file is kept");
        assert_eq!(store.load(), (s.clone(), None), "the repaired file is saved");
        std::fs::write(store.path(), text).unwrap();
        assert_eq!(store.peek(), s, "the CLI reads the same repair without writing");
        assert_eq!(std::fs::read_to_string(store.path()).unwrap(), text);
    }
}
