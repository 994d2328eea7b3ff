//! Turns dropped or picked paths into upload items: folders expanded, keys built under the current prefix in
//! NFC, each file's real type checked against the allow-list and its name against the key rules up front.
//! Hostile trees are safe: links are never followed (no loops, nothing outside the folder), only regular
//! files are read (never a FIFO or a device), depth and count are capped, and a scan can be cancelled.
//! What is left out is listed with the reason.

use super::naming::normalize_key;
use crate::mime::{self, Detected};
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use ts_rs::TS;

/// Folders deeper than this below a dropped folder are not entered.
pub const MAX_DEPTH: usize = 32;
/// At most this many files come out of one scan.
pub const MAX_FILES: usize = 10_000;

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
    /// Why the key can't be used (a control or direction character, a `..` folder…), when it can't.
    pub name_problem: Option<String>,
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
    /// Paths left out, each with the reason.
    pub skipped: Vec<Skipped>,
    /// True when the scan was cancelled (a newer one started); the result is then partial.
    pub cancelled: bool,
}

/// Why a path was left out of a scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SkipReason {
    /// It could not be read (permissions, vanished…); `detail` has the system's words.
    Unreadable,
    /// A symbolic link: never followed, so no loop and nothing outside the dropped folder.
    Link,
    /// Not a regular file: a FIFO, socket or device.
    Special,
    /// A folder deeper than `MAX_DEPTH`.
    TooDeep,
    /// The scan reached `MAX_FILES`; this folder and the rest were not scanned.
    TooMany,
}

/// A dropped or picked path that was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub path: String,
    pub reason: SkipReason,
    pub detail: String,
}

impl Skipped {
    fn new(path: &Path, reason: SkipReason, detail: impl Into<String>) -> Self {
        Self {
            path: path.display().to_string(),
            reason,
            detail: detail.into(),
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

struct Scan<'a> {
    out: ScanResult,
    allow: &'a [String],
    cancel: &'a AtomicBool,
}

impl Scan<'_> {
    fn stop(&mut self) -> bool {
        if self.cancel.load(Ordering::Relaxed) {
            self.out.cancelled = true;
        }
        self.out.cancelled
    }

    /// One path of any kind, with its key (a folder's gets its `/` here); `depth` counts folders below the
    /// dropped one, 0 for a dropped path itself. The path is looked at once, without following a link.
    fn visit(&mut self, path: &Path, key: String, depth: usize) {
        if self.stop() {
            return;
        }
        let meta = match std::fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(_) if depth == 0 && hidden(path) => {
                self.out.skipped_hidden += 1;
                return;
            }
            Err(e) => return self.out.skipped.push(Skipped::new(path, SkipReason::Unreadable, e.to_string())),
        };
        let kind = meta.file_type();
        if depth == 0 && kind.is_dir() {
            self.out.folders += 1;
        } else if depth == 0 && hidden(path) {
            self.out.skipped_hidden += 1;
            return;
        }
        if kind.is_symlink() {
            let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
            self.out.skipped.push(Skipped::new(path, SkipReason::Link, target));
        } else if kind.is_dir() {
            self.folder(path, &format!("{key}/"), depth);
        } else if !kind.is_file() {
            self.out.skipped.push(Skipped::new(path, SkipReason::Special, ""));
        } else if self.out.items.len() >= MAX_FILES {
            self.out
                .skipped
                .push(Skipped::new(path, SkipReason::TooMany, MAX_FILES.to_string()));
        } else {
            self.file(path, key, meta.len());
        }
    }

    fn folder(&mut self, dir: &Path, key: &str, depth: usize) {
        if depth > MAX_DEPTH {
            return self.out.skipped.push(Skipped::new(dir, SkipReason::TooDeep, MAX_DEPTH.to_string()));
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return self.out.skipped.push(Skipped::new(dir, SkipReason::Unreadable, e.to_string())),
        };
        entries.sort();
        for p in entries {
            if self.out.items.len() >= MAX_FILES {
                return self.out.skipped.push(Skipped::new(dir, SkipReason::TooMany, MAX_FILES.to_string()));
            }
            if hidden(&p) {
                self.out.skipped_hidden += 1;
                continue;
            }
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            self.visit(&p, format!("{key}{name}"), depth + 1);
        }
    }

    fn file(&mut self, path: &Path, key: String, size: u64) {
        match head(path) {
            Ok(h) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let detected = mime::detect(&h, &name);
                let allowed = self.allow.is_empty() || mime::allowed(&detected.mime, self.allow);
                let key = normalize_key(&key);
                let name_problem = crate::keys::check_new_key(&key).err().map(|e| e.message().to_owned());
                self.out.total_bytes += size;
                self.out.items.push(ScanItem {
                    path: path.display().to_string(),
                    key,
                    size,
                    detected,
                    allowed,
                    name_problem,
                });
            }
            Err(e) => self.out.skipped.push(Skipped::new(path, SkipReason::Unreadable, e.to_string())),
        }
    }
}

/// Expands `paths` into items whose keys start with `prefix` (a folder keeps its own name as a folder).
/// Blocking file-system work: run it off the UI thread. Setting `cancel` stops it early.
pub fn scan(paths: &[PathBuf], prefix: &str, allow: &[String], cancel: &AtomicBool) -> ScanResult {
    let mut s = Scan {
        out: ScanResult::default(),
        allow,
        cancel,
    };
    for p in paths {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        s.visit(p, format!("{prefix}{name}"), 0);
    }
    s.out
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
            &AtomicBool::new(false),
        );
        let keys: Vec<(&str, bool)> = r.items.iter().map(|i| (i.key.as_str(), i.allowed)).collect();
        assert_eq!(
            keys,
            [("up/album/a.png", true), ("up/album/nested/b.pdf", true), ("up/notes.sh", false)]
        );
        assert_eq!((r.folders, r.skipped_hidden), (1, 1));
        assert_eq!(r.skipped.iter().map(|s| s.reason).collect::<Vec<_>>(), [SkipReason::Unreadable]);
        assert_eq!(r.total_bytes, r.items.iter().map(|i| i.size).sum::<u64>());
    }

    /// Loops, links out of the folder, a FIFO, a link to /dev/zero and hostile names: the scan returns at
    /// once, follows nothing, reads no special file, and names every name it can't use.
    #[cfg(unix)]
    #[test]
    fn a_hostile_folder_is_scanned_safely_and_quickly() {
        use std::os::unix::fs::symlink;
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("drop");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        symlink(&root, root.join("sub/loop-to-top")).unwrap();
        symlink("..", root.join("sub/loop-up")).unwrap();
        symlink("/etc", root.join("etc-link")).unwrap();
        symlink("/etc/passwd", root.join("tax-return.pdf")).unwrap();
        symlink("/dev/zero", root.join("zero.png")).unwrap();
        let fifo = root.join("pipe.png");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let png = bucketlens_demo::test_samples::png();
        for name in ["ok.png", "bell\u{7}.png", "esc\u{1b}[31m.png", "cr\r.png", "rtl-\u{202e}gnp.png"] {
            std::fs::write(root.join("sub").join(name), &png).unwrap();
        }
        let allow = crate::settings::UploadSettings::default().allowed_types;
        let started = std::time::Instant::now();
        let r = scan(&[root.clone(), fifo.clone()], "up/", &allow, &AtomicBool::new(false));
        assert!(started.elapsed() < std::time::Duration::from_secs(1), "{:?}", started.elapsed());
        let mut items: Vec<(String, bool)> = r.items.iter().map(|i| (i.key.clone(), i.name_problem.is_none())).collect();
        items.sort();
        assert_eq!(
            items,
            [
                ("up/drop/sub/bell\u{7}.png".to_owned(), false),
                ("up/drop/sub/cr\r.png".to_owned(), false),
                ("up/drop/sub/esc\u{1b}[31m.png".to_owned(), false),
                ("up/drop/sub/ok.png".to_owned(), true),
                ("up/drop/sub/rtl-\u{202e}gnp.png".to_owned(), false),
            ]
        );
        assert!(r.items.iter().filter_map(|i| i.name_problem.as_deref()).all(|m| m.contains("U+")));
        let mut skipped: Vec<(String, SkipReason)> = r
            .skipped
            .iter()
            .map(|s| (s.path.rsplit('/').next().unwrap().to_owned(), s.reason))
            .collect();
        skipped.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            skipped,
            [
                ("etc-link".to_owned(), SkipReason::Link),
                ("loop-to-top".to_owned(), SkipReason::Link),
                ("loop-up".to_owned(), SkipReason::Link),
                ("pipe.png".to_owned(), SkipReason::Special),
                ("pipe.png".to_owned(), SkipReason::Special),
                ("tax-return.pdf".to_owned(), SkipReason::Link),
                ("zero.png".to_owned(), SkipReason::Link),
            ]
        );
    }

    #[test]
    fn a_cancelled_scan_stops_and_says_so() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("a.png"), b"x").unwrap();
        let r = scan(&[d.path().to_owned()], "", &[], &AtomicBool::new(true));
        assert!(r.cancelled && r.items.is_empty());
    }

    #[test]
    fn depth_and_count_are_capped() {
        let d = tempfile::tempdir().unwrap();
        let mut deep = d.path().join("top");
        for i in 0..=MAX_DEPTH + 1 {
            deep = deep.join(format!("d{i}"));
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join("lost.png"), b"x").unwrap();
        let r = scan(&[d.path().join("top")], "", &[], &AtomicBool::new(false));
        assert!(r.items.is_empty());
        assert_eq!(r.skipped.iter().map(|s| s.reason).collect::<Vec<_>>(), [SkipReason::TooDeep]);
    }
}
