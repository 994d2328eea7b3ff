//! Turns dropped or picked paths into upload items: folders expanded (hidden files skipped), keys built
//! under the current prefix in NFC, each file's real type checked against the allow-list up front.

use super::naming::normalize_key;
use crate::mime::{self, Detected};
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScanItem {
    pub path: String,
    pub key: String,
    #[ts(type = "number")]
    pub size: u64,
    pub detected: Detected,
    /// False when the type is not in the allow-list (the item is shown refused, not sent).
    pub allowed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScanResult {
    pub items: Vec<ScanItem>,
    /// How many of the given paths were folders (the UI asks before uploading a folder).
    pub folders: u32,
    #[ts(type = "number")]
    pub total_bytes: u64,
    pub skipped_hidden: u32,
    /// Paths that could not be read, with the reason.
    pub unreadable: Vec<Unreadable>,
}

/// A dropped or picked path that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Unreadable {
    pub path: String,
    pub reason: String,
}

impl Unreadable {
    fn new(path: &Path, e: std::io::Error) -> Self {
        Self {
            path: path.display().to_string(),
            reason: e.to_string(),
        }
    }
}

fn hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

fn head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(mime::SNIFF_LEN);
    std::fs::File::open(path)?.take(mime::SNIFF_LEN as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

fn add_file(out: &mut ScanResult, path: &Path, key: String, allow: &[String]) {
    let read = std::fs::metadata(path).and_then(|m| head(path).map(|h| (m.len(), h)));
    match read {
        Ok((size, h)) => {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let detected = mime::detect(&h, &name);
            let allowed = allow.is_empty() || mime::allowed(&detected.mime, allow);
            out.total_bytes += size;
            out.items.push(ScanItem {
                path: path.display().to_string(),
                key: normalize_key(&key),
                size,
                detected,
                allowed,
            });
        }
        Err(e) => out.unreadable.push(Unreadable::new(path, e)),
    }
}

fn walk(out: &mut ScanResult, dir: &Path, key_prefix: &str, allow: &[String]) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => return out.unreadable.push(Unreadable::new(dir, e)),
    };
    entries.sort();
    for p in entries {
        if hidden(&p) {
            out.skipped_hidden += 1;
            continue;
        }
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if p.is_dir() {
            walk(out, &p, &format!("{key_prefix}{name}/"), allow);
        } else {
            add_file(out, &p, format!("{key_prefix}{name}"), allow);
        }
    }
}

/// Expands `paths` into items whose keys start with `prefix` (a folder keeps its own name as a folder).
pub fn scan(paths: &[PathBuf], prefix: &str, allow: &[String]) -> ScanResult {
    let mut out = ScanResult::default();
    for p in paths {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if p.is_dir() {
            out.folders += 1;
            walk(&mut out, p, &format!("{prefix}{name}/"), allow);
        } else if hidden(p) {
            out.skipped_hidden += 1;
        } else {
            add_file(&mut out, p, format!("{prefix}{name}"), allow);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_expand_hidden_files_are_skipped_types_are_checked() {
        let d = tempfile::tempdir().unwrap();
        let album = d.path().join("album");
        std::fs::create_dir_all(album.join("nested")).unwrap();
        std::fs::write(album.join("a.png"), bucketlens_demo::test_samples::png()).unwrap();
        std::fs::write(album.join(".DS_Store"), b"x").unwrap();
        std::fs::write(album.join("nested/b.pdf"), bucketlens_demo::test_samples::pdf()).unwrap();
        std::fs::write(d.path().join("notes.sh"), b"#!/bin/sh\n").unwrap();
        let allow = crate::settings::UploadSettings::default().allowed_types;
        let r = scan(
            &[album.clone(), d.path().join("notes.sh"), d.path().join("missing.png")],
            "up/",
            &allow,
        );
        let keys: Vec<(&str, bool)> = r.items.iter().map(|i| (i.key.as_str(), i.allowed)).collect();
        assert_eq!(
            keys,
            [("up/album/a.png", true), ("up/album/nested/b.pdf", true), ("up/notes.sh", false)]
        );
        assert_eq!((r.folders, r.skipped_hidden, r.unreadable.len()), (1, 1, 1));
        assert_eq!(r.total_bytes, r.items.iter().map(|i| i.size).sum::<u64>());
    }
}
