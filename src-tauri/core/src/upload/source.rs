//! The file being uploaded, opened once: every part is read from the same handle at its offset, and before
//! each part and before completing, the file is compared with what it was at the start (size, modification
//! time and, on Unix, device and inode), so a file rewritten or replaced mid-upload is never stored torn.

use crate::error::{Error, Result};
use base64::Engine;
use bytes::Bytes;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// What identifies a file's content without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// Device and inode (Unix); `None` elsewhere, where size and time decide alone.
    pub node: Option<(u64, u64)>,
}

impl Identity {
    pub fn of(meta: &std::fs::Metadata) -> Self {
        #[cfg(unix)]
        let node = {
            use std::os::unix::fs::MetadataExt;
            Some((meta.dev(), meta.ino()))
        };
        #[cfg(not(unix))]
        let node = None;
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            node,
        }
    }
}

/// The open file and its identity at the start.
#[derive(Clone)]
pub struct Source {
    file: Arc<std::fs::File>,
    pub path: PathBuf,
    pub identity: Identity,
}

fn read_error(path: &Path, e: std::io::Error) -> Error {
    Error::io(&format!("reading {}", path.display()), e)
}

/// The error of an upload whose file changed under it.
pub fn changed(path: &Path, what: &str) -> Error {
    Error::FileChanged(crate::error::Detail::msg(format!(
        "{} changed while uploading ({what}); nothing was stored. Upload it again when it is no longer being written.",
        path.display()
    )))
}

#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

impl Source {
    /// Opens a regular file (a FIFO or a device is refused before it could block or never end).
    pub async fn open(path: &Path) -> Result<Self> {
        let p = path.to_owned();
        tokio::task::spawn_blocking(move || {
            let meta = std::fs::metadata(&p).map_err(|e| read_error(&p, e))?;
            if meta.is_dir() {
                return Err(Error::invalid_input(format!("{} is a folder", p.display())));
            }
            if !meta.is_file() {
                return Err(Error::invalid_input(format!(
                    "{} is not a regular file (a FIFO, socket or device); only files can be uploaded",
                    p.display()
                )));
            }
            let file = std::fs::File::open(&p).map_err(|e| read_error(&p, e))?;
            let identity = Identity::of(&file.metadata().map_err(|e| read_error(&p, e))?);
            Ok(Self {
                file: Arc::new(file),
                // Absolute, so a journal entry still names the file from another working directory.
                path: std::path::absolute(&p).unwrap_or(p),
                identity,
            })
        })
        .await
        .map_err(|e| Error::internal(e.to_string()))?
    }

    /// Fails with "changed while uploading" when the open file or the file now at the path differs from
    /// the start (rewritten in place, truncated, appended to, or replaced by another file).
    pub fn check(&self) -> Result<()> {
        let handle = Identity::of(&self.file.metadata().map_err(|e| read_error(&self.path, e))?);
        if handle.len != self.identity.len {
            return Err(changed(&self.path, &format!("{} bytes, then {}", self.identity.len, handle.len)));
        }
        if handle.modified != self.identity.modified {
            return Err(changed(&self.path, "it was written to"));
        }
        match std::fs::metadata(&self.path) {
            Ok(now) if Identity::of(&now) == self.identity => Ok(()),
            Ok(_) => Err(changed(&self.path, "another file took its place")),
            Err(e) => Err(changed(&self.path, &format!("it can no longer be read: {e}"))),
        }
    }

    /// Reads `len` bytes at `offset` in chunks of at most `chunk`, calling `each` for every chunk (off the
    /// async threads). A file that ends early is an error.
    fn read_range(&self, offset: u64, len: u64, chunk: usize, mut each: impl FnMut(&[u8])) -> Result<()> {
        let mut buf = vec![0u8; chunk.min(len as usize).max(1)];
        let mut done = 0u64;
        while done < len {
            let want = buf.len().min((len - done) as usize);
            let n = read_at(&self.file, &mut buf[..want], offset + done).map_err(|e| read_error(&self.path, e))?;
            if n == 0 {
                return Err(changed(&self.path, "it became shorter"));
            }
            each(&buf[..n]);
            done += n as u64;
        }
        Ok(())
    }

    /// `len` bytes at `offset`, read whole (for a file's first bytes).
    pub async fn read(&self, offset: u64, len: u64) -> Result<Vec<u8>> {
        let me = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut out = Vec::with_capacity(len as usize);
            me.read_range(offset, len, len as usize, |b| out.extend_from_slice(b))?;
            Ok(out)
        })
        .await
        .map_err(|e| Error::internal(e.to_string()))?
    }

    /// The base64 CRC32C of `len` bytes at `offset`, as `x-amz-checksum-crc32c` carries it.
    pub async fn crc32c(&self, offset: u64, len: u64) -> Result<String> {
        let me = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut crc = 0u32;
            me.read_range(offset, len, 1024 * 1024, |b| crc = crc32c::crc32c_append(crc, b))?;
            Ok(base64::engine::general_purpose::STANDARD.encode(crc.to_be_bytes()))
        })
        .await
        .map_err(|e| Error::internal(e.to_string()))?
    }

    /// `len` bytes at `offset` as a stream of chunks, read from the one handle as the request consumes them.
    pub fn stream(&self, offset: u64, len: u64) -> impl futures::Stream<Item = std::io::Result<Bytes>> + Send + 'static {
        const CHUNK: u64 = 256 * 1024;
        let me = self.clone();
        futures::stream::try_unfold(0u64, move |done| {
            let me = me.clone();
            async move {
                if done >= len {
                    return Ok(None);
                }
                let want = CHUNK.min(len - done);
                let bytes = tokio::task::spawn_blocking(move || {
                    let mut out = Vec::with_capacity(want as usize);
                    me.read_range(offset + done, want, want as usize, |b| out.extend_from_slice(b))
                        .map(|()| Bytes::from(out))
                })
                .await
                .map_err(std::io::Error::other)?
                .map_err(|e| std::io::Error::other(e.to_string()))?;
                let next = done + bytes.len() as u64;
                Ok(Some((bytes, next)))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::TryStreamExt;

    #[tokio::test]
    async fn a_rewritten_or_replaced_file_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.bin");
        std::fs::write(&path, vec![7u8; 1000]).unwrap();
        let s = Source::open(&path).await.unwrap();
        s.check().unwrap();
        let streamed: Vec<Bytes> = s.stream(10, 900).try_collect().await.unwrap();
        assert_eq!(streamed.iter().map(|b| b.len()).sum::<usize>(), 900);
        assert_eq!(s.crc32c(0, 1000).await.unwrap(), s.crc32c(0, 1000).await.unwrap());

        // Same size, new bytes, a later time: written in place.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, vec![8u8; 1000]).unwrap();
        assert!(s.check().unwrap_err().message().contains("changed while uploading"));

        // Replaced by another file (a new inode) of the same size.
        let s = Source::open(&path).await.unwrap();
        let other = dir.path().join("g.bin");
        std::fs::write(&other, vec![8u8; 1000]).unwrap();
        std::fs::rename(&other, &path).unwrap();
        assert!(s.check().unwrap_err().message().contains("another file took its place"));

        // Truncated.
        let s = Source::open(&path).await.unwrap();
        std::fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(10).unwrap();
        assert!(s.check().is_err());
        assert!(s.crc32c(0, 1000).await.unwrap_err().message().contains("shorter"));
    }
}
