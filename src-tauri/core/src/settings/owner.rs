//! The one owner of a running app's settings: reads come from memory, and a change is validated, saved and
//! swapped in memory under one lock, so the file and what the app uses never disagree.

use super::{Notice, Settings, SettingsStore};
use crate::error::Result;
use std::sync::Mutex;

#[derive(Debug)]
pub struct SettingsOwner {
    store: SettingsStore,
    current: Mutex<Settings>,
}

impl SettingsOwner {
    /// Loads the settings of `dir` (a broken file is moved aside and reported once, in the notice).
    pub fn open(dir: &std::path::Path) -> (Self, Option<Notice>) {
        let store = SettingsStore::new(dir);
        let (settings, notice) = store.load();
        (
            Self {
                store,
                current: Mutex::new(settings),
            },
            notice,
        )
    }

    /// The settings in use.
    pub fn get(&self) -> Settings {
        self.current.lock().unwrap().clone()
    }

    /// Saves `s` and makes it the settings in use; nothing changes when it is invalid or can't be saved.
    pub fn replace(&self, s: Settings) -> Result<Settings> {
        self.update(|current| *current = s)
    }

    /// Applies `change` to the settings in use, saves the result and keeps it; on failure nothing changes.
    pub fn update(&self, change: impl FnOnce(&mut Settings)) -> Result<Settings> {
        let mut current = self.current.lock().unwrap();
        let mut next = current.clone();
        change(&mut next);
        if next != *current {
            self.store.save(&next)?;
            *current = next;
        }
        Ok(current.clone())
    }

    /// Changes the settings in use for this run only (not saved), such as the demo bucket as a default.
    pub fn update_unsaved(&self, change: impl FnOnce(&mut Settings)) {
        change(&mut self.current.lock().unwrap());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_change_leaves_memory_and_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (owner, notice) = SettingsOwner::open(dir.path());
        assert!(notice.is_none());
        let saved = owner.update(|s| s.expiry.preview_secs = 120).unwrap();
        assert_eq!(saved.expiry.preview_secs, 120);
        let err = owner.update(|s| s.expiry.preview_secs = 0).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert_eq!(owner.get().expiry.preview_secs, 120);
        assert_eq!(SettingsStore::new(dir.path()).peek().expiry.preview_secs, 120);
        owner.update_unsaved(|s| s.expiry.share_secs = 60);
        assert_eq!(owner.get().expiry.share_secs, 60);
        assert_eq!(SettingsStore::new(dir.path()).peek().expiry.share_secs, 3600);
    }

    #[test]
    fn concurrent_updates_all_land() {
        let dir = tempfile::tempdir().unwrap();
        let (owner, _) = SettingsOwner::open(dir.path());
        std::thread::scope(|t| {
            for _ in 0..4 {
                t.spawn(|| {
                    for _ in 0..25 {
                        owner.update(|s| s.expiry.preview_secs += 1).unwrap();
                    }
                });
            }
        });
        assert_eq!(owner.get().expiry.preview_secs, 300 + 100);
        assert_eq!(SettingsStore::new(dir.path()).peek().expiry.preview_secs, 400);
    }
}
