//! Keeps the settings on disk: one writer at a time (a lock file), a unique temporary file, fsync and an
//! atomic replace, so readers never see half a file; a broken file is moved aside (never over an earlier
//! backup) and reported. `peek` reads without touching anything, for read-only users such as the CLI.

use super::{Notice, NoticeKey, Settings};
use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

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
        match self.read() {
            Ok(s) => (s, None),
            Err(why) => {
                let _lock = self.lock();
                // Another instance may have mended or moved the file while we waited for the lock.
                match self.read() {
                    Ok(s) => (s, None),
                    Err(why_now) if std::fs::metadata(&self.path).is_ok() => (Settings::default(), Some(self.set_aside(&why_now))),
                    Err(_) => (Settings::default(), Some(self.gone_notice(&why))),
                }
            }
        }
    }

    /// Reads the settings without changing anything on disk: defaults when the file is missing or broken.
    /// For read-only users (the CLI), which must never move the app's file aside.
    pub fn peek(&self) -> Settings {
        self.read().unwrap_or_else(|why| {
            tracing::warn!(path = %self.path.display(), "settings not used ({why}); defaults in use");
            Settings::default()
        })
    }

    /// The file's settings; `Err` says why they can't be used. A missing file is the defaults.
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
        let dir = self.path.parent()?;
        std::fs::create_dir_all(dir).ok()?;
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("settings.lock"))
            .ok()?;
        f.lock().ok()?;
        Some(f)
    }

    fn gone_notice(&self, why: &str) -> Notice {
        Notice {
            key: NoticeKey::SettingsRecovered,
            message: format!("The settings file was broken ({why}). Defaults are in use."),
            path: None,
        }
    }

    /// Moves the broken file to a backup name no earlier backup has (call with the lock held).
    fn set_aside(&self, why: &str) -> Notice {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let backup = (1..)
            .map(|n| {
                let suffix = if n == 1 { String::new() } else { format!("-{n}") };
                self.path.with_file_name(format!("settings.json.broken-{stamp}{suffix}.bak"))
            })
            .find(|p| std::fs::symlink_metadata(p).is_err())
            .expect("some backup name is free");
        let moved = std::fs::rename(&self.path, &backup).is_ok();
        tracing::warn!(path = %self.path.display(), backup = %backup.display(), "settings file was broken ({why}); defaults in use");
        Notice {
            path: moved.then(|| backup.display().to_string()),
            ..self.gone_notice(why)
        }
    }

    /// Validates, then writes atomically under the lock: a temporary file of its own in the same folder,
    /// fsync, rename over the old file, fsync of the folder.
    pub fn save(&self, s: &Settings) -> Result<()> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let problems = s.validate();
        if let Some(first) = problems.first() {
            return Err(Error::invalid_input(format!("{}: {}", first.field, first.message)));
        }
        let dir = self.path.parent().ok_or_else(|| Error::internal("settings path has no folder"))?;
        std::fs::create_dir_all(dir).map_err(|e| Error::io("creating the settings folder", e))?;
        let json = serde_json::to_vec_pretty(s).map_err(|e| Error::internal(e.to_string()))?;
        let _lock = self.lock();
        let tmp = dir.join(format!(
            ".settings.json.{}.{}.tmp",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let written = write_synced(&tmp, &json).and_then(|_| std::fs::rename(&tmp, &self.path));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(Error::io("saving settings", e));
        }
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
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
    fn concurrent_writers_and_a_reader_see_only_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let store = SettingsStore::new(dir.path());
        store.save(&Settings::default()).unwrap();
        let done = std::sync::atomic::AtomicBool::new(false);
        let (errors, torn, reads) = (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0));
        std::thread::scope(|t| {
            let writers: Vec<_> = (0..4u64)
                .map(|w| {
                    let (store, errors) = (&store, &errors);
                    t.spawn(move || {
                        for i in 0..250u64 {
                            let mut s = Settings::default();
                            s.expiry.preview_secs = 1 + w * 1000 + i;
                            if store.save(&s).is_err() {
                                errors.fetch_add(1, Ordering::Relaxed);
                            }
                        }
                    })
                })
                .collect();
            t.spawn(|| {
                while !done.load(Ordering::Relaxed) {
                    let text = std::fs::read_to_string(store.path()).unwrap();
                    reads.fetch_add(1, Ordering::Relaxed);
                    if serde_json::from_str::<Settings>(&text).is_err() {
                        torn.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
            for w in writers {
                w.join().unwrap();
            }
            done.store(true, Ordering::Relaxed);
        });
        assert_eq!((errors.into_inner(), torn.into_inner()), (0, 0));
        assert!(reads.into_inner() > 0);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert_eq!(leftovers, Vec::<String>::new());
        let last = store.load().0.expiry.preview_secs;
        assert!([250, 1250, 2250, 3250].contains(&last), "{last}");
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
}
