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
