//! The thumbnails' disk cache in the data folder: one file per bucket + key + ETag, least recently used
//! removed first once the total passes the cap (the gallery setting, 500 MB by default). Use is recorded in
//! each file's modification time, so the order survives a restart.

use super::{NoThumb, Thumb};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::SystemTime;

struct Entry {
    bytes: u64,
    used: SystemTime,
}

pub struct ThumbCache {
    dir: PathBuf,
    cap: AtomicU64,
    index: Mutex<(u64, HashMap<String, Entry>)>,
}

const ICON_SUFFIX: &str = ".icon-";
const REASONS: [NoThumb; 3] = [NoThumb::TooLarge, NoThumb::Undecodable, NoThumb::Empty];
/// What an icon's empty file counts for against the cap (the file system spends at least that on it).
const ICON_BYTES: u64 = 512;

fn file_id(name: &str) -> Option<&str> {
    name.strip_suffix(".jpg").or_else(|| name.split_once(ICON_SUFFIX).map(|(id, _)| id))
}

impl ThumbCache {
    /// Opens (creating) the cache in `dir`, reading what is there; `cap_bytes` is enforced on the next write.
    pub fn open(dir: &Path, cap_bytes: u64) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let mut entries = HashMap::new();
        let mut total = 0;
        for e in std::fs::read_dir(dir)?.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let (Some(id), Ok(meta)) = (file_id(&name), e.metadata()) else {
                // A temporary file left by a crash.
                let _ = std::fs::remove_file(e.path());
                continue;
            };
            let bytes = meta.len().max(ICON_BYTES);
            total += bytes;
            let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            entries.insert(id.to_owned(), Entry { bytes, used });
        }
        Ok(Self {
            dir: dir.to_owned(),
            cap: AtomicU64::new(cap_bytes),
            index: Mutex::new((total, entries)),
        })
    }

    /// The cache's name for one version of an object.
    pub fn id(bucket: &str, key: &str, etag: &str, size: i64) -> String {
        let digest = Sha256::digest(format!("{bucket}\n{key}\n{etag}\n{size}").as_bytes());
        digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
    }

    pub fn set_cap(&self, cap_bytes: u64) {
        self.cap.store(cap_bytes, Ordering::Relaxed);
        self.evict();
    }

    /// Bytes held now.
    pub fn total(&self) -> u64 {
        self.index.lock().map(|i| i.0).unwrap_or(0)
    }

    /// Every file name one entry may have: its thumbnail or an icon's reason.
    fn names(id: &str) -> impl Iterator<Item = String> + '_ {
        std::iter::once(format!("{id}.jpg")).chain(REASONS.iter().map(move |r| format!("{id}{ICON_SUFFIX}{}", r.as_str())))
    }

    pub fn get(&self, id: &str) -> Option<Thumb> {
        let now = SystemTime::now();
        let path = self.dir.join(format!("{id}.jpg"));
        let found = match std::fs::read(&path) {
            Ok(bytes) => Some((path, Ok(bytes))),
            Err(_) => REASONS
                .into_iter()
                .map(|r| (self.dir.join(format!("{id}{ICON_SUFFIX}{}", r.as_str())), r))
                .find(|(p, _)| p.exists())
                .map(|(p, r)| (p, Err(r))),
        };
        let (path, thumb) = found?;
        if let Ok(f) = std::fs::File::options().write(true).open(&path) {
            let _ = f.set_modified(now);
        }
        if let Ok(mut index) = self.index.lock() {
            if let Some(e) = index.1.get_mut(id) {
                e.used = now;
            }
        }
        Some(thumb)
    }

    /// Keeps `thumb` (written whole, then renamed into place) and removes the least recently used past the cap.
    pub fn put(&self, id: &str, thumb: &Thumb) {
        let (name, bytes): (String, &[u8]) = match thumb {
            Ok(b) => (format!("{id}.jpg"), b),
            Err(r) => (format!("{id}{ICON_SUFFIX}{}", r.as_str()), &[]),
        };
        let tmp = self.dir.join(format!(".{id}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, bytes)
            .and_then(|_| std::fs::rename(&tmp, self.dir.join(&name)))
            .is_err()
        {
            let _ = std::fs::remove_file(&tmp);
            return;
        }
        if let Ok(mut index) = self.index.lock() {
            let size = (bytes.len() as u64).max(ICON_BYTES);
            let old = index.1.insert(
                id.to_owned(),
                Entry {
                    bytes: size,
                    used: SystemTime::now(),
                },
            );
            index.0 = index.0 + size - old.map_or(0, |o| o.bytes);
        }
        self.evict();
    }

    fn evict(&self) {
        let cap = self.cap.load(Ordering::Relaxed);
        let Ok(mut index) = self.index.lock() else { return };
        if index.0 <= cap {
            return;
        }
        // Down to nine tenths of the cap, so a full cache is not sorted again on every write.
        let mut order: Vec<(SystemTime, String, u64)> = index.1.iter().map(|(id, e)| (e.used, id.clone(), e.bytes)).collect();
        order.sort();
        for (_, id, bytes) in order {
            if index.0 <= cap / 10 * 9 {
                break;
            }
            for name in Self::names(&id) {
                let _ = std::fs::remove_file(self.dir.join(name));
            }
            index.1.remove(&id);
            index.0 = index.0.saturating_sub(bytes);
        }
    }
}
