//! Where BucketLens keeps settings, data (demo bucket) and logs on each platform.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppPaths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    pub log_dir: PathBuf,
}

impl AppPaths {
    /// The platform folders (`~/.config/bucketlens`, `~/.local/share/bucketlens` on Linux), unless
    /// `BUCKETLENS_CONFIG_DIR` / `BUCKETLENS_DATA_DIR` name others (tests and fresh E2E runs use them).
    pub fn resolve() -> Self {
        let dirs = directories::ProjectDirs::from("dev", "bucketlens", "BucketLens");
        let fallback = std::env::temp_dir().join("bucketlens");
        let config_dir = std::env::var_os("BUCKETLENS_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs.as_ref().map(|d| d.config_dir().to_owned()))
            .unwrap_or_else(|| fallback.join("config"));
        let data_dir = std::env::var_os("BUCKETLENS_DATA_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs.as_ref().map(|d| d.data_dir().to_owned()))
            .unwrap_or_else(|| fallback.join("data"));
        let log_dir = data_dir.join("logs");
        Self {
            config_dir,
            data_dir,
            log_dir,
        }
    }

    pub fn demo_dir(&self) -> PathBuf {
        self.data_dir.join("demo-s3")
    }
}

/// The bundle identifier (`tauri.conf.json`): the webview's data and the window's saved size live in folders
/// named after it.
pub const IDENTIFIER: &str = "dev.bucketlens.desktop";
/// The identifier before: it ended in `.app`, which macOS takes for an application bundle.
pub const OLD_IDENTIFIER: &str = "dev.bucketlens.app";

/// The platform's roots that hold folders named after the identifier (data, local data, config, cache).
pub fn identifier_roots() -> Vec<PathBuf> {
    let Some(b) = directories::BaseDirs::new() else { return vec![] };
    let mut roots = vec![
        b.data_dir().to_owned(),
        b.data_local_dir().to_owned(),
        b.config_dir().to_owned(),
        b.cache_dir().to_owned(),
    ];
    roots.dedup();
    roots
}

/// Moves each `root/OLD_IDENTIFIER` folder to `root/IDENTIFIER` where the new one does not exist yet (so it
/// runs once, and never mixes two folders). Returns what moved; a folder that cannot be moved is logged
/// and left where it is.
pub fn migrate_identifier(roots: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    let mut moved = Vec::new();
    for root in roots {
        let (old, new) = (root.join(OLD_IDENTIFIER), root.join(IDENTIFIER));
        if !old.is_dir() || new.exists() {
            continue;
        }
        match std::fs::rename(&old, &new) {
            Ok(()) => moved.push((old, new)),
            Err(e) => tracing::warn!(from = %old.display(), error = %e, "could not move the old identifier's folder"),
        }
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_old_identifiers_folders_move_once_and_never_over_new_ones() {
        let d = tempfile::tempdir().unwrap();
        let (a, b, c) = (d.path().join("data"), d.path().join("config"), d.path().join("cache"));
        // data: only the old folder (webview storage) → moved with its content.
        std::fs::create_dir_all(a.join(OLD_IDENTIFIER).join("localstorage")).unwrap();
        std::fs::write(a.join(OLD_IDENTIFIER).join("localstorage/x"), b"kept").unwrap();
        // config: both exist → the new one stays as it is, the old one is left alone.
        std::fs::create_dir_all(b.join(OLD_IDENTIFIER)).unwrap();
        std::fs::create_dir_all(b.join(IDENTIFIER)).unwrap();
        std::fs::write(b.join(IDENTIFIER).join(".window-state.json"), b"new").unwrap();
        // cache: nothing.
        std::fs::create_dir_all(&c).unwrap();
        let moved = migrate_identifier(&[a.clone(), b.clone(), c.clone()]);
        assert_eq!(moved, vec![(a.join(OLD_IDENTIFIER), a.join(IDENTIFIER))]);
        assert_eq!(std::fs::read(a.join(IDENTIFIER).join("localstorage/x")).unwrap(), b"kept");
        assert!(!a.join(OLD_IDENTIFIER).exists());
        assert_eq!(std::fs::read(b.join(IDENTIFIER).join(".window-state.json")).unwrap(), b"new");
        assert!(b.join(OLD_IDENTIFIER).exists());
        assert!(migrate_identifier(&[a, b, c]).is_empty(), "a second start moves nothing");
    }

    #[test]
    fn the_identifier_is_the_one_the_bundle_declares() {
        let conf: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tauri.conf.json")).unwrap()).unwrap();
        assert_eq!(conf["identifier"], IDENTIFIER);
        assert!(!IDENTIFIER.ends_with(".app"));
    }
}
