//! Large files: create the upload with the SDK, presign each UploadPart, complete at the end; abort on
//! failure or cancel so no parts are left behind.

use super::send::{cancelled, put_range, with_retries, Progress};
use crate::client::Connection;
use crate::error::Result;
use crate::error_map::from_sdk;
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio_util::sync::CancellationToken;

pub const MIN_PART: u64 = 5 * 1024 * 1024;
pub const MAX_PARTS: u64 = 10_000;

/// At least 8 MiB (or `min`), whole MiB, and few enough parts for S3's limit of 10,000.
pub fn part_size(total: u64, min: u64) -> u64 {
    const MIB: u64 = 1024 * 1024;
    let needed = total.div_ceil(MAX_PARTS);
    let size = needed.max(min).max(MIN_PART);
    size.div_ceil(MIB) * MIB
}

pub struct Spec<'a> {
    pub bucket: &'a str,
    pub key: &'a str,
    pub content_type: &'a str,
    pub metadata: &'a BTreeMap<String, String>,
    pub part_size: u64,
    pub expires_secs: u64,
    /// Parts in flight at once (each streams from its own file handle).
    pub parallel: usize,
}

pub async fn upload(
    conn: &Connection,
    spec: &Spec<'_>,
    path: &Path,
    total: u64,
    cancel: &CancellationToken,
    progress: Progress<'_>,
) -> Result<Option<String>> {
    let created = conn
        .client
        .create_multipart_upload()
        .bucket(spec.bucket)
        .key(spec.key)
        .content_type(spec.content_type)
        .set_metadata(Some(spec.metadata.clone().into_iter().collect()))
        .send()
        .await
        .map_err(|e| from_sdk(e).about(spec.bucket, Some(spec.key)))?;
    let upload_id = created.upload_id().unwrap_or_default().to_owned();
    tracing::info!(key = spec.key, parts = total.div_ceil(spec.part_size), "multipart upload started");
    match send_parts(conn, spec, &upload_id, path, total, cancel, progress).await {
        Ok(parts) => {
            let done = conn
                .client
                .complete_multipart_upload()
                .bucket(spec.bucket)
                .key(spec.key)
                .upload_id(&upload_id)
                .multipart_upload(CompletedMultipartUpload::builder().set_parts(Some(parts)).build())
                .send()
                .await;
            match done {
                Ok(out) => Ok(out.e_tag().map(str::to_owned)),
                Err(e) => {
                    abort(conn, spec, &upload_id).await;
                    Err(from_sdk(e).about(spec.bucket, Some(spec.key)))
                }
            }
        }
        Err(e) => {
            abort(conn, spec, &upload_id).await;
            Err(e)
        }
    }
}

async fn abort(conn: &Connection, spec: &Spec<'_>, upload_id: &str) {
    let r = conn
        .client
        .abort_multipart_upload()
        .bucket(spec.bucket)
        .key(spec.key)
        .upload_id(upload_id)
        .send()
        .await;
    match r {
        Ok(_) => tracing::info!(key = spec.key, "multipart upload aborted"),
        Err(e) => tracing::warn!(key = spec.key, error = %from_sdk(e), "could not abort the multipart upload"),
    }
}

async fn send_parts(
    conn: &Connection,
    spec: &Spec<'_>,
    upload_id: &str,
    path: &Path,
    total: u64,
    cancel: &CancellationToken,
    progress: Progress<'_>,
) -> Result<Vec<CompletedPart>> {
    use futures::StreamExt;
    use std::sync::atomic::AtomicBool;
    // Bytes acknowledged across parts; each part adds what it sends and takes it back if it is retried.
    let sent = AtomicU64::new(0);
    // After a failure or a cancel no new part starts, and the parts in flight are awaited (not dropped), so
    // the abort that follows comes after every part the server might still store.
    let stop = AtomicBool::new(false);
    let count = total.div_ceil(spec.part_size).max(1);
    let results: Vec<Result<CompletedPart>> = futures::stream::iter(0..count)
        .map(|i| {
            let (sent, stop) = (&sent, &stop);
            async move {
                if stop.load(Ordering::SeqCst) || cancel.is_cancelled() {
                    return Err(cancelled());
                }
                let offset = i * spec.part_size;
                let len = spec.part_size.min(total - offset);
                let number = (i + 1) as i32;
                let etag = with_retries(4, cancel, |_| async {
                    let signed =
                        crate::presign::presign_part(conn, spec.bucket, spec.key, upload_id, number, len, spec.expires_secs).await?;
                    let mine = AtomicU64::new(0);
                    let r = put_range(&signed, path, offset, len, cancel, &|n| {
                        let d = n.saturating_sub(mine.swap(n, Ordering::SeqCst));
                        progress(sent.fetch_add(d, Ordering::SeqCst) + d);
                    })
                    .await;
                    if r.is_err() {
                        sent.fetch_sub(mine.load(Ordering::SeqCst), Ordering::SeqCst);
                    }
                    r
                })
                .await;
                if etag.is_err() {
                    stop.store(true, Ordering::SeqCst);
                }
                Ok(CompletedPart::builder().part_number(number).set_e_tag(etag?).build())
            }
        })
        .buffer_unordered(spec.parallel)
        .collect()
        .await;
    let (mut parts, mut errors) = (Vec::with_capacity(results.len()), Vec::new());
    for r in results {
        match r {
            Ok(p) => parts.push(p),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        // The first real failure explains more than the cancellations it caused.
        let i = errors.iter().position(|e| e.kind() != crate::ErrorKind::Cancelled).unwrap_or(0);
        return Err(errors.swap_remove(i));
    }
    parts.sort_by_key(|p| p.part_number());
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_sizes_respect_the_limits() {
        const MIB: u64 = 1024 * 1024;
        assert_eq!(part_size(12 * MIB, 5 * MIB), 5 * MIB);
        assert_eq!(part_size(200 * MIB, 8 * MIB), 8 * MIB);
        let five_tb = 5 * 1024 * 1024 * MIB;
        let p = part_size(five_tb, 8 * MIB);
        assert!(five_tb.div_ceil(p) <= MAX_PARTS, "{p}");
        assert_eq!(p % MIB, 0);
    }
}
