//! What the window was handed this session, so commands trust nothing else it says: the paths it may scan
//! (dropped on the window or picked in the file dialog), the files it may upload (those a scan returned),
//! and the links it may open in the system browser (those minted here).

use bucketlens_core::{Error, Result};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;

/// Links kept at most; older ones are forgotten (they have expired long before).
const MAX_LINKS: usize = 10_000;

#[derive(Debug, Default)]
pub struct Grants {
    dropped: Mutex<HashSet<PathBuf>>,
    scanned: Mutex<HashSet<String>>,
    minted: Mutex<HashSet<String>>,
}

impl Grants {
    /// Paths the person dropped or picked: the window may scan them.
    pub fn allow_scan(&self, paths: impl IntoIterator<Item = PathBuf>) {
        self.dropped.lock().unwrap().extend(paths);
    }

    /// Refuses a scan of anything the person did not drop or pick.
    pub fn check_scan(&self, paths: &[PathBuf]) -> Result<()> {
        let dropped = self.dropped.lock().unwrap();
        match paths.iter().find(|p| !dropped.contains(*p)) {
            Some(p) => Err(Error::invalid_input(format!(
                "{} was not dropped on the window or picked in this session",
                p.display()
            ))),
            None => Ok(()),
        }
    }

    /// Files a scan returned: the window may upload them.
    pub fn allow_upload(&self, paths: impl IntoIterator<Item = String>) {
        self.scanned.lock().unwrap().extend(paths);
    }

    /// Refuses an upload of a file no scan returned.
    pub fn check_upload<'a>(&self, mut paths: impl Iterator<Item = &'a str>) -> Result<()> {
        let scanned = self.scanned.lock().unwrap();
        match paths.find(|p| !scanned.contains(*p)) {
            Some(p) => Err(Error::invalid_input(format!(
                "{p} was not dropped, picked or scanned in this session"
            ))),
            None => Ok(()),
        }
    }

    /// A link minted here: the window may open it.
    pub fn allow_link(&self, url: &str) {
        let mut minted = self.minted.lock().unwrap();
        if minted.len() >= MAX_LINKS {
            minted.clear();
        }
        minted.insert(url.to_owned());
    }

    /// Refuses to open a link this session did not mint.
    pub fn check_link(&self, url: &str) -> Result<()> {
        if self.minted.lock().unwrap().contains(url) {
            Ok(())
        } else {
            Err(Error::invalid_input(
                "only links that BucketLens made in this session can be opened",
            ))
        }
    }
}
