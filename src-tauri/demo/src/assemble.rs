//! Multipart uploads on the embedded server, stored so that Complete writes no data again. s3s-fs kept each
//! part in a file of its own and, at Complete, read, hashed and wrote every byte once more: a 1 GiB upload
//! wrote 2 GiB, and the second gigabyte (3.6–5.6 s here, throttled by writeback) cost more than sending.
//! Here a part of length L is written into the upload's slot file for that length at offset (N−1)·L, so
//! parts of one size (every client sends all but the last at one size) already lie in order in one file:
//! Complete moves the last part into place (at most one part copied), truncates and renames. Parts of
//! mixed sizes are joined by copying, as before. MD5 (the part's ETag) and length are recorded per part in
//! `.upload_id-ID.parts.json`, so ListParts and Complete need not read the data, also after a restart.
//! s3s-fs's Abort removes every `.upload_id-ID*` file, these included.

use base64::Engine;
use futures::StreamExt;
use md5::Digest as _;
use s3s::dto::*;
use s3s::{s3_error, S3Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const MIN_PART: u64 = 5 * 1024 * 1024;

/// One stored part: its length (which slot file holds it) and MD5 (hex).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Stored {
    pub len: u64,
    pub md5: String,
}

/// The parts of the uploads in progress, on disk beside s3s-fs's own files.
#[derive(Default)]
pub struct PartStore {
    /// Serialises the read-modify-write of the records files (parts arrive in parallel).
    records: Mutex<()>,
}

/// An upload id as s3s-fs makes them (a UUID): anything else could name another file.
pub fn valid_upload_id(id: &str) -> bool {
    id.len() == 36 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

fn slot_file(root: &Path, upload_id: &str, len: u64) -> PathBuf {
    root.join(format!(".upload_id-{upload_id}.slots-{len}"))
}

fn records_file(root: &Path, upload_id: &str) -> PathBuf {
    root.join(format!(".upload_id-{upload_id}.parts.json"))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn io(what: &str, e: std::io::Error) -> s3s::S3Error {
    s3_error!(InternalError, "{what}: {e}")
}

/// Copies `len` bytes at `from_at` in `from` to `to_at` in `to`.
fn copy_range(from: &mut std::fs::File, from_at: u64, to: &mut std::fs::File, to_at: u64, len: u64) -> std::io::Result<()> {
    from.seek(SeekFrom::Start(from_at))?;
    to.seek(SeekFrom::Start(to_at))?;
    let copied = std::io::copy(&mut from.take(len), to)?;
    if copied != len {
        return Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "a part is shorter than recorded",
        ));
    }
    Ok(())
}

impl PartStore {
    /// The upload's recorded parts, by number.
    pub fn parts(&self, root: &Path, upload_id: &str) -> S3Result<BTreeMap<i32, Stored>> {
        match std::fs::read(records_file(root, upload_id)) {
            Ok(b) => serde_json::from_slice(&b).map_err(|e| s3_error!(InternalError, "the parts record: {e}")),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(io("reading the parts record", e)),
        }
    }

    fn record(&self, root: &Path, upload_id: &str, n: i32, part: Stored) -> S3Result<()> {
        let _one = self.records.lock().unwrap();
        let mut all = self.parts(root, upload_id)?;
        all.insert(n, part);
        let tmp = root.join(format!(".upload_id-{upload_id}.parts.json.tmp"));
        let bytes = serde_json::to_vec(&all).map_err(|e| s3_error!(InternalError, "{e}"))?;
        std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, records_file(root, upload_id)))
            .map_err(|e| io("saving the parts record", e))
    }

    /// Stores part `n` from `body` (already wrapped to check its declared checksums; an error from the
    /// stream records nothing). A new part of declared length goes straight into its slot; a part sent
    /// again with the length it had, or one of unknown length, goes through a temporary file first, so a
    /// failed resend leaves the earlier one intact.
    pub async fn upload_part(
        &self,
        root: &Path,
        upload_id: &str,
        n: i32,
        declared: Option<u64>,
        mut body: StreamingBlob,
    ) -> S3Result<String> {
        use tokio::io::{AsyncSeekExt, AsyncWriteExt};
        let resend = declared.is_some_and(|l| self.parts(root, upload_id).is_ok_and(|p| p.get(&n).is_some_and(|s| s.len == l)));
        let direct = declared.filter(|_| !resend);
        let tmp = root.join(format!(".upload_id-{upload_id}.incoming-{n}-{}", std::process::id()));
        let target = match direct {
            Some(len) => slot_file(root, upload_id, len),
            None => tmp.clone(),
        };
        let mut f = tokio::fs::OpenOptions::new()
            .create(true)
            .truncate(direct.is_none())
            .write(true)
            .open(&target)
            .await
            .map_err(|e| io("storing a part", e))?;
        if let Some(len) = direct {
            f.seek(SeekFrom::Start((n as u64 - 1) * len))
                .await
                .map_err(|e| io("storing a part", e))?;
        }
        let (mut md5, mut len) = (md5::Md5::new(), 0u64);
        let result: S3Result<()> = async {
            while let Some(chunk) = body.next().await {
                let chunk = chunk.map_err(|e| s3_error!(IncompleteBody, "{e}"))?;
                md5.update(&chunk);
                len += chunk.len() as u64;
                f.write_all(&chunk).await.map_err(|e| io("storing a part", e))?;
            }
            f.flush().await.map_err(|e| io("storing a part", e))?;
            if declared.is_some_and(|d| d != len) {
                return Err(s3_error!(IncompleteBody, "the body is not as long as Content-Length says"));
            }
            Ok(())
        }
        .await;
        drop(f);
        if let Err(e) = result {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        if direct.is_none() {
            // Into the slot for its length now that the length is known and the body is whole.
            let (root2, id) = (root.to_owned(), upload_id.to_owned());
            let tmp2 = tmp.clone();
            tokio::task::spawn_blocking(move || -> std::io::Result<()> {
                let mut from = std::fs::File::open(&tmp2)?;
                let mut to = std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(slot_file(&root2, &id, len))?;
                copy_range(&mut from, 0, &mut to, (n as u64 - 1) * len, len)
            })
            .await
            .map_err(|e| s3_error!(InternalError, "{e}"))?
            .map_err(|e| io("storing a part", e))?;
            let _ = std::fs::remove_file(&tmp);
        }
        let md5 = hex(&md5.finalize());
        self.record(root, upload_id, n, Stored { len, md5: md5.clone() })?;
        Ok(md5)
    }

    /// The parts as ListParts gives them, with their ETags, in order.
    pub fn list(&self, root: &Path, upload_id: &str) -> S3Result<Vec<Part>> {
        let when = std::fs::metadata(records_file(root, upload_id)).and_then(|m| m.modified()).ok();
        Ok(self
            .parts(root, upload_id)?
            .into_iter()
            .map(|(n, s)| Part {
                part_number: Some(n),
                size: Some(s.len as i64),
                e_tag: Some(ETag::Strong(s.md5)),
                last_modified: when.map(Timestamp::from),
                ..Default::default()
            })
            .collect())
    }
}

/// The listed parts after S3's checks (ascending numbers, every part but the last at least 5 MiB, each
/// ETag the stored part's), with their records.
fn checked(stored: &BTreeMap<i32, Stored>, parts: &[CompletedPart]) -> S3Result<Vec<(i32, Stored)>> {
    if parts.is_empty() {
        return Err(s3_error!(InvalidPart, "You must specify at least one part"));
    }
    let mut out: Vec<(i32, Stored)> = Vec::with_capacity(parts.len());
    for (i, p) in parts.iter().enumerate() {
        let n = p.part_number.ok_or_else(|| s3_error!(InvalidRequest, "missing part number"))?;
        if out.last().is_some_and(|(last, _)| n <= *last) {
            return Err(s3_error!(InvalidPartOrder, "parts must be listed in ascending order"));
        }
        let s = stored.get(&n).ok_or_else(|| s3_error!(InvalidPart, "part {n} was not uploaded"))?;
        if i + 1 < parts.len() && s.len < MIN_PART {
            return Err(s3_error!(EntityTooSmall));
        }
        if p.e_tag.as_ref().is_some_and(|e| e.value().trim_matches('"') != s.md5) {
            return Err(s3_error!(InvalidPart, "part {n}'s ETag does not match the stored part"));
        }
        out.push((n, s.clone()));
    }
    Ok(out)
}

/// Writes the object's file from the parts into `tmp`. Parts numbered 1..N with one length but the last
/// already lie in order in that length's slot file: it becomes the file, with the last part moved into
/// place; anything else is copied part by part.
fn join(root: &Path, upload_id: &str, parts: &[(i32, Stored)], tmp: &Path) -> std::io::Result<()> {
    let (last_n, last) = parts.last().expect("at least one part");
    let size = parts[0].1.len;
    let in_order = parts.iter().enumerate().all(|(i, (n, _))| *n == i as i32 + 1)
        && parts[..parts.len() - 1].iter().all(|(_, s)| s.len == size)
        && last.len <= size;
    if in_order {
        std::fs::rename(slot_file(root, upload_id, size), tmp)?;
        let mut out = std::fs::OpenOptions::new().read(true).write(true).open(tmp)?;
        if last.len != size {
            let mut from = std::fs::File::open(slot_file(root, upload_id, last.len))?;
            copy_range(
                &mut from,
                (*last_n as u64 - 1) * last.len,
                &mut out,
                (*last_n as u64 - 1) * size,
                last.len,
            )?;
        }
        return out.set_len((*last_n as u64 - 1) * size + last.len);
    }
    let mut out = std::fs::File::create(tmp)?;
    let mut at = 0;
    for (n, s) in parts {
        let mut from = std::fs::File::open(slot_file(root, upload_id, s.len))?;
        copy_range(&mut from, (*n as u64 - 1) * s.len, &mut out, at, s.len)?;
        at += s.len;
    }
    Ok(())
}

fn enc(s: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
}

/// Completes: checks the listed parts, joins them into `bucket/key`, moves the upload's type and metadata
/// to the object (the replaced object's do not linger), records the multipart ETag and `checksum` (the
/// composite CRC32C, if any) as its only checksum, and removes the upload. The caller holds the key's write
/// lock and has checked the upload id and the credentials.
pub fn complete(
    store: &PartStore,
    root: &Path,
    (bucket, key, upload_id): (&str, &str, &str),
    parts: &[CompletedPart],
    if_none_match_any: bool,
    checksum: Option<String>,
) -> S3Result<String> {
    let object = root.join(bucket).join(key);
    if if_none_match_any && object.exists() {
        return Err(s3_error!(PreconditionFailed, "Object already exists"));
    }
    let listed = checked(&store.parts(root, upload_id)?, parts)?;
    let tmp = root.join(format!(".upload_id-{upload_id}.joined"));
    join(root, upload_id, &listed, &tmp)
        .and_then(|()| {
            if let Some(dir) = object.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::rename(&tmp, &object)
        })
        .map_err(|e| io("joining the parts", e))?;
    let mut all = md5::Md5::new();
    for (_, s) in &listed {
        let bin: Vec<u8> = (0..16)
            .filter_map(|j| u8::from_str_radix(s.md5.get(2 * j..2 * j + 2)?, 16).ok())
            .collect();
        all.update(&bin);
    }
    let etag = format!("{}-{}", hex(&all.finalize()), listed.len());

    let meta = |u: &str| root.join(format!(".bucket-{}.object-{}{u}.metadata.json", enc(bucket), enc(key)));
    match std::fs::rename(meta(&format!(".upload-{upload_id}")), meta("")) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let _ = std::fs::remove_file(meta(""));
        }
        r => r.map_err(|e| io("moving the upload's metadata", e))?,
    }
    let mut info = serde_json::Map::new();
    info.insert("e_tag".into(), etag.clone().into());
    if let Some(c) = checksum {
        info.insert("checksum_crc32c".into(), c.into());
    }
    let info_path = root.join(format!(".bucket-{}.object-{}.internal.json", enc(bucket), enc(key)));
    let bytes = serde_json::to_vec(&info).map_err(|e| s3_error!(InternalError, "{e}"))?;
    std::fs::write(info_path, bytes).map_err(|e| io("saving the object's checksums", e))?;
    remove_upload(root, upload_id);
    Ok(etag)
}

/// Removes every file of the upload (slots, records, s3s-fs's part files and its upload file).
fn remove_upload(root: &Path, upload_id: &str) {
    let prefix = format!(".upload_id-{upload_id}");
    if let Ok(dir) = std::fs::read_dir(root) {
        for e in dir.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let _ = std::fs::remove_file(root.join(format!(".upload-{upload_id}.json")));
}

/// S3's checksum of a multipart object: CRC32C over the parts' binary CRC32Cs, then `-N`.
pub fn composite_crc32c(parts: &[CompletedPart]) -> Option<String> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut crc = 0u32;
    for p in parts {
        crc = crc32c::crc32c_append(crc, &b64.decode(p.checksum_crc32c.as_deref()?).ok()?);
    }
    (!parts.is_empty()).then(|| format!("{}-{}", b64.encode(crc.to_be_bytes()), parts.len()))
}

/// Rewrites the checksums s3s-fs keeps beside an object (its `.internal.json`): all removed, then the
/// composite CRC32C set when there is one.
pub fn replace_checksums(root: &Path, bucket: &str, key: &str, crc32c: Option<String>) -> std::io::Result<()> {
    let path = root.join(format!(".bucket-{}.object-{}.internal.json", enc(bucket), enc(key)));
    let mut info: serde_json::Map<String, serde_json::Value> = match std::fs::read(&path) {
        Ok(b) => serde_json::from_slice(&b).map_err(std::io::Error::other)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
        Err(e) => return Err(e),
    };
    info.retain(|k, _| !k.starts_with("checksum_"));
    if let Some(c) = crc32c {
        info.insert("checksum_crc32c".into(), c.into());
    }
    std::fs::write(&path, serde_json::to_vec(&info).map_err(std::io::Error::other)?)
}
