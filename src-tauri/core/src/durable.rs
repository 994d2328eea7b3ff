//! Files the app keeps for itself (settings, places, the record of issued links): written whole or not at
//! all (a unique temporary file, fsync, rename, fsync of the folder) and one writer at a time across threads
//! and running instances (an advisory lock file beside them), so a reader never sees half a file.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Holds `dir/name` locked until dropped; waits for the other holders. `None` when the folder can't be made
/// or the file can't be locked (then the caller writes unlocked rather than not at all).
pub fn lock(dir: &Path, name: &str) -> Option<std::fs::File> {
    std::fs::create_dir_all(dir).ok()?;
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(name))
        .ok()?;
    f.lock().ok()?;
    Some(f)
}

/// Replaces `path` with `bytes` atomically; the folder is created if missing.
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().ok_or_else(|| std::io::Error::other("the path has no folder"))?;
    std::fs::create_dir_all(dir)?;
    let base = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(
        ".{base}.{}.{}.tmp",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Moves a file that can't be used aside, under a name no earlier backup has (`NAME.broken-STAMP[-N].bak`);
/// returns where it went. Call with the lock held.
pub fn set_aside(path: &Path) -> Option<std::path::PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let name = path.file_name()?.to_str()?.to_owned();
    let backup = (1..)
        .map(|n| {
            let suffix = if n == 1 { String::new() } else { format!("-{n}") };
            path.with_file_name(format!("{name}.broken-{stamp}{suffix}.bak"))
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())?;
    std::fs::rename(path, &backup).ok().map(|_| backup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_is_whole_and_no_temporary_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub").join("x.json");
        replace(&p, b"one").unwrap();
        replace(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("x.json")]);
    }

    #[test]
    fn set_aside_never_overwrites_an_earlier_backup() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("places.json");
        std::fs::write(&p, "first").unwrap();
        let a = set_aside(&p).unwrap();
        std::fs::write(&p, "second").unwrap();
        let b = set_aside(&p).unwrap();
        assert_ne!(a, b);
        assert_eq!(
            (std::fs::read_to_string(a).unwrap(), std::fs::read_to_string(b).unwrap()),
            ("first".into(), "second".into())
        );
        assert!(!p.exists());
    }
}
