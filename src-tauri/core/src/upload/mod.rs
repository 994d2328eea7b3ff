//! Uploads one file through presigned requests, sending exactly the signed headers; never replaces silently.

mod journal;
pub mod lifetime;
mod multipart;
mod naming;
mod parts;
mod queue;
mod resume;
mod scan;
mod send;
mod source;

pub use journal::{DonePart, Entry, EntryState, Journal};
pub use multipart::part_size;
pub use naming::{ascii_safe, normalize_key, numbered, os_user};
pub use queue::{Sink, UploadQueue};
pub use resume::{discard, resume, sweep};
pub use scan::{scan, ScanItem, ScanResult, SkipReason, Skipped, MAX_DEPTH, MAX_FILES};
pub use send::{retryable, ATTEMPTS};
pub use source::{Identity, Source};

use crate::client::Connection;
use crate::error::{Detail, Error, Result};
use crate::mime::{self, Detected};
use crate::presign::{presign_put, PutSpec};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tokio_util::sync::CancellationToken;
use ts_rs::TS;

/// What to do when the key already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Conflict {
    /// Stop with `AlreadyExists` so the user can choose.
    #[default]
    Ask,
    Replace,
    /// Upload as `name (1).ext`, `name (2).ext` … whichever is free.
    KeepBoth,
    Skip,
}

/// One upload to do.
#[derive(Debug, Clone)]
pub struct UploadJob {
    pub path: PathBuf,
    pub bucket: String,
    pub key: String,
    /// Stored as `x-amz-meta-uploaded-by` (made ASCII-safe).
    pub uploaded_by: String,
    /// Empty means any type.
    pub allowed_types: Vec<String>,
    pub conflict: Conflict,
    pub expires_secs: u64,
    /// Files at least this large go multipart (always above 5 GiB, S3's single-PUT limit).
    pub multipart_threshold: u64,
    /// Smallest part size for multipart (8 MiB by default; tests use 5 MiB).
    pub min_part_size: u64,
    /// Parts in flight at once.
    pub parallel_parts: usize,
    /// Where multipart uploads are recorded so they can be resumed (none: not recorded).
    pub journal: Option<Journal>,
    /// The journal entry's id, chosen up front so whoever queued the job can follow it there.
    pub journal_id: String,
    /// Set before cancelling to pause instead: the multipart upload stays on the server and in the journal.
    pub pause: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl UploadJob {
    pub fn new(path: impl Into<PathBuf>, bucket: &str, key: &str) -> Self {
        Self {
            path: path.into(),
            bucket: bucket.to_owned(),
            key: key.to_owned(),
            uploaded_by: os_user(),
            allowed_types: vec![],
            conflict: Conflict::Ask,
            expires_secs: 1800,
            multipart_threshold: 100 * 1024 * 1024,
            min_part_size: 8 * 1024 * 1024,
            parallel_parts: 4,
            journal: None,
            journal_id: Journal::new_id(),
            pause: Default::default(),
        }
    }
}

impl UploadJob {
    /// The job the settings describe, the same for the app and the CLI: who uploads (the display name, else
    /// the OS user), which types are allowed, link lifetime, multipart threshold, and the journal in
    /// `data_dir` so an interrupted multipart upload can be resumed.
    pub fn from_settings(path: impl Into<PathBuf>, bucket: &str, key: &str, s: &crate::settings::Settings, data_dir: &Path) -> Self {
        let mut job = Self::new(path, bucket, key);
        if !s.uploads.display_name.is_empty() {
            job.uploaded_by = s.uploads.display_name.clone();
        }
        job.allowed_types = s.uploads.allowed_types.clone();
        job.expires_secs = s.expiry.upload_secs;
        job.multipart_threshold = s.uploads.multipart_threshold_mib * 1024 * 1024;
        job.journal = Some(Journal::new(data_dir));
        job
    }
}

/// What was stored (or that it was skipped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadOutcome {
    pub bucket: String,
    pub key: String,
    #[ts(type = "number")]
    pub size: u64,
    pub detected: Detected,
    pub etag: Option<String>,
    /// Base64 CRC32C the single PUT signed (the server checked it); none for multipart uploads.
    pub checksum_crc32c: Option<String>,
    pub multipart: bool,
    pub skipped: bool,
}

const SINGLE_PUT_LIMIT: u64 = 5 * 1024 * 1024 * 1024;

/// The first bytes (for the type) and, when `hash` is set, the CRC32C of the whole file a single PUT
/// signs (`x-amz-checksum-crc32c`, hardware-accelerated: 0.25 s per GiB here, reading included, where
/// SHA-256 took about 0.7 s). Multipart parts are checksummed one by one as they are sent.
async fn sniff(source: &Source, hash: bool) -> Result<(Vec<u8>, Option<String>)> {
    let len = source.identity.len;
    let head_len = len.min(mime::SNIFF_LEN as u64);
    let head = source.read(0, head_len).await?;
    let crc = if hash { Some(source.crc32c(0, len).await?) } else { None };
    Ok((head, crc))
}

/// The base64 CRC32C of a file, as the uploader signs it in `x-amz-checksum-crc32c`.
pub async fn file_crc32c(path: &Path) -> Result<String> {
    let source = Source::open(path).await?;
    source.crc32c(0, source.identity.len).await
}

fn exists_error(bucket: &str, key: &str) -> Error {
    Error::AlreadyExists(Detail::msg(format!("s3://{bucket}/{key} already exists")).bucket(bucket).key(key))
}

/// Picks the key to write according to `conflict`; `None` means skip.
async fn resolve_key(conn: &Connection, bucket: &str, key: &str, conflict: Conflict) -> Result<Option<String>> {
    if conflict == Conflict::Replace || !crate::objects::exists(conn, bucket, key).await? {
        return Ok(Some(key.to_owned()));
    }
    match conflict {
        Conflict::Skip => Ok(None),
        Conflict::KeepBoth => {
            for n in 1..1000 {
                let candidate = numbered(key, n);
                if !crate::objects::exists(conn, bucket, &candidate).await? {
                    return Ok(Some(candidate));
                }
            }
            Err(exists_error(bucket, key))
        }
        _ => Err(exists_error(bucket, key)),
    }
}

/// Uploads `job`, reporting `(sent, total)` bytes. The type comes from the bytes; an existing key is
/// handled by `job.conflict` (checked with HEAD, and signed `If-None-Match: *` unless replacing).
pub async fn upload_file(
    conn: &Connection,
    job: &UploadJob,
    cancel: &CancellationToken,
    progress: &(dyn Fn(u64, u64) + Send + Sync),
) -> Result<UploadOutcome> {
    let wanted = normalize_key(&job.key);
    crate::keys::check_new_key(&wanted)?;
    // One handle for the whole upload; a FIFO or a device is refused here (it would block or never end).
    let source = Source::open(&job.path).await?;
    let size = source.identity.len;
    let multipart = size >= job.multipart_threshold.min(SINGLE_PUT_LIMIT) && size > 0;
    let (head, checksum) = sniff(&source, !multipart).await?;
    let name = job.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let detected = mime::detect(&head, &name);
    if !job.allowed_types.is_empty() && !mime::allowed(&detected.mime, &job.allowed_types) {
        return Err(Error::UnsupportedType(Detail::msg(format!(
            "{name} is {}; allowed: {}",
            detected.mime,
            job.allowed_types.join(", ")
        ))));
    }
    let outcome = |key: String, etag, multipart, skipped| UploadOutcome {
        bucket: job.bucket.clone(),
        key,
        size,
        detected: detected.clone(),
        etag,
        checksum_crc32c: checksum.clone(),
        multipart,
        skipped,
    };
    let Some(key) = resolve_key(conn, &job.bucket, &wanted, job.conflict).await? else {
        return Ok(outcome(wanted, None, false, true));
    };
    let mut metadata = BTreeMap::new();
    metadata.insert("uploaded-by".to_owned(), ascii_safe(&job.uploaded_by));
    progress(0, size);
    let report = |n: u64| progress(n, size);
    if multipart {
        let spec = multipart::Spec {
            bucket: &job.bucket,
            key: &key,
            content_type: &detected.mime,
            metadata: &metadata,
            part_size: part_size(size, job.min_part_size),
            parallel: job.parallel_parts.max(1),
            expires_secs: job.expires_secs,
            replace: job.conflict == Conflict::Replace,
        };
        let control = (cancel, job.pause.as_ref());
        let etag = multipart::upload(
            conn,
            &spec,
            &source,
            control,
            &report,
            job.journal.as_ref().map(|j| (j, job.journal_id.as_str())),
        )
        .await?;
        return Ok(outcome(key, etag, true, false));
    }
    let spec = PutSpec {
        content_type: detected.mime.clone(),
        metadata,
        if_none_match: job.conflict != Conflict::Replace,
        checksum_sha256: None,
        checksum_crc32c: checksum.clone(),
    };
    let result = send::with_retries(send::ATTEMPTS, cancel, |attempt| {
        let (source, spec, key, checksum) = (&source, &spec, &key, &checksum);
        async move {
            source.check()?;
            let signed = presign_put(conn, &job.bucket, key, spec, job.expires_secs).await?;
            match send::put_range(&signed, source, 0, size, cancel, &report).await {
                // A retry refused by If-None-Match: our earlier attempt may have stored it, its answer lost.
                Err(e) if attempt > 0 && e.kind() == crate::ErrorKind::PreconditionFailed => {
                    match crate::objects::stored_identity(conn, &job.bucket, key).await? {
                        Some(stored) if stored.crc32c.is_some() && stored.crc32c == *checksum => {
                            tracing::info!(key, "a retry found our own earlier attempt stored");
                            Ok(stored.etag)
                        }
                        _ => Err(e),
                    }
                }
                r => r,
            }
        }
    })
    .await;
    match result {
        Ok(etag) => Ok(outcome(key, etag, false, false)),
        // A server that honours If-None-Match caught a write that raced our HEAD.
        Err(e) if e.kind() == crate::ErrorKind::PreconditionFailed => Err(exists_error(&job.bucket, &key)),
        Err(e) => Err(e.about(&job.bucket, Some(&key))),
    }
}
