//! The journal of multipart uploads, so none is stranded by a crash, a kill or a quit: one JSON file per
//! upload in the data folder (`uploads/`), written before the upload is created on the server and after
//! every part, each time atomically (a unique temporary file, fsync, rename). An entry lives until the
//! upload is completed or aborted; what is left after a restart can be resumed or discarded.

use super::parts::Spec;
use super::source::Source;
use crate::client::Connection;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use ts_rs::TS;

/// One part the server acknowledged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DonePart {
    pub number: i32,
    pub etag: String,
    pub crc32c: Option<String>,
}

/// Why an entry is still here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EntryState {
    /// Being sent (found at start-up, it was interrupted by a crash or a kill).
    Running,
    /// Stopped on purpose (a normal quit): resume when asked.
    Paused,
}

/// Everything needed to resume or discard one multipart upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub id: String,
    /// The profile (connection label) it was started with.
    pub profile: String,
    pub bucket: String,
    pub key: String,
    #[ts(type = "string")]
    pub path: PathBuf,
    #[ts(type = "number")]
    pub size: u64,
    /// The file's modification time (Unix ms) and device/inode at the start.
    #[ts(type = "number | null")]
    pub modified_ms: Option<i64>,
    #[ts(skip)]
    pub node: Option<(u64, u64)>,
    pub content_type: String,
    pub metadata: BTreeMap<String, String>,
    #[ts(type = "number")]
    pub part_size: u64,
    pub with_crc: bool,
    pub replace: bool,
    /// `None` until CreateMultipartUpload answered.
    pub upload_id: Option<String>,
    pub parts: Vec<DonePart>,
    /// Unix ms.
    #[ts(type = "number")]
    pub started_ms: i64,
    pub state: EntryState,
}

impl Entry {
    /// Bytes the server already holds.
    pub fn done_bytes(&self) -> u64 {
        self.parts
            .iter()
            .map(|p| self.part_size.min(self.size.saturating_sub((p.number as u64 - 1) * self.part_size)))
            .sum()
    }
}

/// The folder of entries.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
}

fn journal_error(what: &str, e: std::io::Error) -> Error {
    Error::io(&format!("upload journal: {what}"), e)
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A name no other process or call can produce at the same time.
fn unique(prefix: &str) -> String {
    let ms = crate::client::unix_ms(std::time::SystemTime::now());
    format!("{prefix}{ms}-{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst))
}

impl Journal {
    /// The journal under `data_dir` (created on first write).
    pub fn new(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("uploads"),
        }
    }

    pub fn new_id() -> String {
        unique("up-")
    }

    fn file(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Writes `entry` atomically: readers see the old entry or the new one, never a torn file.
    pub fn save(&self, entry: &Entry) -> Result<()> {
        std::fs::create_dir_all(&self.dir).map_err(|e| journal_error("creating its folder", e))?;
        let tmp = self.dir.join(unique(".tmp-"));
        let bytes = serde_json::to_vec_pretty(entry).map_err(|e| Error::internal(e.to_string()))?;
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&bytes)?;
            f.sync_all()?;
            std::fs::rename(&tmp, self.file(&entry.id))
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            journal_error("saving an entry", e)
        })
    }

    pub fn remove(&self, id: &str) -> Result<()> {
        match std::fs::remove_file(self.file(id)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(journal_error("removing an entry", e)),
            _ => Ok(()),
        }
    }

    pub fn get(&self, id: &str) -> Option<Entry> {
        serde_json::from_slice(&std::fs::read(self.file(id)).ok()?).ok()
    }

    /// Every readable entry, oldest first. An unreadable file is logged and left for a person to look at.
    pub fn list(&self) -> Vec<Entry> {
        let Ok(dir) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Entry> = dir
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
            .filter_map(|e| match serde_json::from_slice(&std::fs::read(e.path()).ok()?) {
                Ok(entry) => Some(entry),
                Err(err) => {
                    tracing::warn!(file = %e.path().display(), error = %err, "unreadable upload journal entry");
                    None
                }
            })
            .collect();
        out.sort_by(|a, b| (a.started_ms, &a.id).cmp(&(b.started_ms, &b.id)));
        out
    }
}

/// An upload's entry in the journal, saved on every change (a failed save is logged: the upload goes on,
/// only a later resume would be lost).
pub(crate) struct Tracked<'a> {
    pub journal: &'a Journal,
    pub entry: std::sync::Mutex<Entry>,
}

impl Tracked<'_> {
    pub fn update(&self, change: impl FnOnce(&mut Entry)) {
        let mut e = self.entry.lock().unwrap_or_else(|p| p.into_inner());
        change(&mut e);
        if let Err(err) = self.journal.save(&e) {
            tracing::warn!(error = %err, "could not update the upload journal");
        }
    }
    pub fn remove(&self) {
        let id = self.entry.lock().unwrap_or_else(|p| p.into_inner()).id.clone();
        if let Err(err) = self.journal.remove(&id) {
            tracing::warn!(error = %err, "could not remove a finished upload from the journal");
        }
    }

    /// A new entry for an upload about to be created.
    pub fn new_entry(id: &str, conn: &Connection, spec: &Spec<'_>, source: &Source) -> Entry {
        Entry {
            id: id.to_owned(),
            profile: conn.target.label().to_owned(),
            bucket: spec.bucket.to_owned(),
            key: spec.key.to_owned(),
            path: source.path.clone(),
            size: source.identity.len,
            modified_ms: source.identity.modified.map(crate::client::unix_ms),
            node: source.identity.node,
            content_type: spec.content_type.to_owned(),
            metadata: spec.metadata.clone(),
            part_size: spec.part_size,
            with_crc: false,
            replace: spec.replace,
            upload_id: None,
            parts: Vec::new(),
            started_ms: crate::client::unix_ms(std::time::SystemTime::now()),
            state: EntryState::Running,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> Entry {
        Entry {
            id: id.into(),
            profile: "p".into(),
            bucket: "b".into(),
            key: "k".into(),
            path: "/tmp/f".into(),
            size: 12,
            modified_ms: Some(1),
            node: Some((1, 2)),
            content_type: "image/png".into(),
            metadata: BTreeMap::new(),
            part_size: 5,
            with_crc: true,
            replace: false,
            upload_id: None,
            parts: vec![],
            started_ms: 5,
            state: EntryState::Running,
        }
    }

    #[test]
    fn entries_round_trip_and_concurrent_saves_never_tear() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::new(dir.path());
        let mut e = entry(&Journal::new_id());
        j.save(&e).unwrap();
        assert_eq!(j.list(), vec![e.clone()]);
        std::thread::scope(|s| {
            for t in 0..4 {
                let (j, mut e) = (j.clone(), e.clone());
                s.spawn(move || {
                    for n in 0..200 {
                        e.parts = vec![DonePart {
                            number: 1,
                            etag: format!("{t}-{n}"),
                            crc32c: None,
                        }];
                        j.save(&e).unwrap();
                    }
                });
            }
            s.spawn(|| {
                for _ in 0..500 {
                    assert_eq!(j.list().len(), 1, "always one readable entry");
                }
            });
        });
        e.parts = vec![DonePart {
            number: 2,
            etag: "x".into(),
            crc32c: None,
        }];
        assert_eq!(e.done_bytes(), 5);
        e.parts.push(DonePart {
            number: 3,
            etag: "y".into(),
            crc32c: None,
        });
        assert_eq!(e.done_bytes(), 7, "the last part is the short one");
        j.remove(&e.id).unwrap();
        j.remove(&e.id).unwrap();
        assert!(j.list().is_empty());
        assert!(
            std::fs::read_dir(dir.path().join("uploads")).unwrap().next().is_none(),
            "no temporary files left"
        );
    }
}
