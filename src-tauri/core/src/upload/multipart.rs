//! Large files: create the upload with the SDK, presign each UploadPart with its CRC32C, complete at the end
//! with `If-None-Match: *` unless replacing; abort on failure or cancel so no parts are left behind.
//!
//! What can still happen on a server that ignores `If-None-Match` on Complete (some S3-compatible ones do):
//! a colleague's object written between our last HEAD (just before Complete) and the Complete itself is
//! replaced. On S3 and servers that honour the header, the Complete fails and their object stays.

use super::journal::{DonePart, EntryState, Journal, Tracked};
use super::parts::Parts;
pub use super::parts::Spec;
use super::send::Progress;
use super::source::Source;
use crate::client::Connection;
use crate::error::{Detail, Error, Result};
use crate::error_map::from_sdk;
use aws_sdk_s3::types::{ChecksumAlgorithm, CompletedMultipartUpload, CompletedPart};
use base64::Engine;
use std::sync::atomic::{AtomicBool, Ordering};
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

fn already_exists(bucket: &str, key: &str) -> Error {
    Error::AlreadyExists(Detail::msg(format!("s3://{bucket}/{key} already exists")).bucket(bucket).key(key))
}

/// Creates the upload, with CRC32C per part unless this endpoint refused that before (then it is
/// remembered, logged, and the upload goes without).
async fn create(conn: &Connection, spec: &Spec<'_>) -> Result<(String, bool)> {
    let want_crc = !conn.refuses_part_checksums.load(Ordering::SeqCst);
    let send = |crc: bool| {
        conn.client
            .create_multipart_upload()
            .bucket(spec.bucket)
            .key(spec.key)
            .content_type(spec.content_type)
            .set_metadata(Some(spec.metadata.clone().into_iter().collect()))
            .set_checksum_algorithm(crc.then_some(ChecksumAlgorithm::Crc32C))
            .send()
    };
    let created = match send(want_crc).await {
        Ok(c) => (c, want_crc),
        Err(e) => {
            let e = from_sdk(e).about(spec.bucket, Some(spec.key));
            let refusal = matches!(e.detail().status(), Some(400 | 501)) && e.kind() != crate::ErrorKind::AccessDenied;
            if !want_crc || !refusal {
                return Err(e);
            }
            tracing::warn!(error = %e, "the server refused per-part checksums; multipart uploads to it go without");
            conn.refuses_part_checksums.store(true, Ordering::SeqCst);
            let c = send(false).await.map_err(|e| from_sdk(e).about(spec.bucket, Some(spec.key)))?;
            (c, false)
        }
    };
    Ok((created.0.upload_id().unwrap_or_default().to_owned(), created.1))
}

/// Uploads `source` in parts. With a journal, the upload is recorded before it is created on the server
/// and after every part, so a crash leaves something to resume; a cancel with `pause` set keeps it there.
pub async fn upload(
    conn: &Connection,
    spec: &Spec<'_>,
    source: &Source,
    (cancel, pause): (&CancellationToken, &AtomicBool),
    progress: Progress<'_>,
    journal: Option<(&Journal, &str)>,
) -> Result<Option<String>> {
    let tracked = journal.map(|(journal, id)| Tracked {
        journal,
        entry: std::sync::Mutex::new(Tracked::new_entry(id, conn, spec, source)),
    });
    if let Some(t) = &tracked {
        t.update(|_| {});
    }
    let (upload_id, with_crc) = match create(conn, spec).await {
        Ok(v) => v,
        Err(e) => {
            if let Some(t) = &tracked {
                t.remove();
            }
            return Err(e);
        }
    };
    if let Some(t) = &tracked {
        t.update(|e| {
            e.upload_id = Some(upload_id.clone());
            e.with_crc = with_crc;
        });
    }
    tracing::info!(
        key = spec.key,
        parts = source.identity.len.div_ceil(spec.part_size),
        with_crc,
        "multipart upload started"
    );
    let parts = Parts {
        conn,
        spec,
        upload_id: &upload_id,
        source,
        with_crc,
        cancel,
    };
    run(&parts, Vec::new(), progress, pause, tracked.as_ref()).await
}

/// Sends what is missing, checks the file and the key once more, completes; then forgets the upload, or
/// aborts it (a pause keeps it for later).
pub(super) async fn run(
    parts: &Parts<'_>,
    already: Vec<CompletedPart>,
    progress: Progress<'_>,
    pause: &AtomicBool,
    tracked: Option<&Tracked<'_>>,
) -> Result<Option<String>> {
    let (conn, spec) = (parts.conn, parts.spec);
    let on_done = |p: &CompletedPart| {
        if let Some(t) = tracked {
            t.update(|e| {
                e.parts.push(DonePart {
                    number: p.part_number().unwrap_or(0),
                    etag: p.e_tag().unwrap_or_default().to_owned(),
                    crc32c: p.checksum_crc32_c().map(str::to_owned),
                })
            });
        }
    };
    let result = async {
        let sent = parts.send_all(already, progress, &on_done).await?;
        // The file must still be what the parts were read from, and (unless replacing) the key still free.
        parts.source.check()?;
        if !spec.replace && crate::objects::exists(conn, spec.bucket, spec.key).await? {
            return Err(already_exists(spec.bucket, spec.key));
        }
        complete(conn, spec, parts.upload_id, sent).await
    }
    .await;
    let expired = matches!(&result, Err(e) if e.kind() == crate::ErrorKind::ExpiredToken);
    match (&result, tracked) {
        (Ok(_), Some(t)) => t.remove(),
        (Err(e), Some(t)) if expired || (e.kind() == crate::ErrorKind::Cancelled && pause.load(Ordering::SeqCst)) => {
            // Paused, not aborted: on a quit, and when the sign-in expired (an abort would need it too).
            t.update(|e| e.state = EntryState::Paused);
            tracing::info!(key = spec.key, expired, "multipart upload paused; it can be resumed");
            if expired {
                return Err(Error::ExpiredToken(
                    Detail::msg(format!(
                        "the sign-in expired while uploading s3://{}/{}; the upload is paused: sign in again to \
                         resume it",
                        spec.bucket, spec.key
                    ))
                    .bucket(spec.bucket)
                    .key(spec.key),
                ));
            }
        }
        (Err(_), _) => {
            abort(conn, spec.bucket, spec.key, parts.upload_id).await;
            if let Some(t) = tracked {
                t.remove();
            }
        }
        (Ok(_), None) => {}
    }
    result
}

/// Completes; when the answer is an error that our own Complete may have caused (a lost response retried
/// into 412 or NoSuchUpload, a 500 after storing), the stored object decides: if it is ours, we are done.
async fn complete(conn: &Connection, spec: &Spec<'_>, upload_id: &str, parts: Vec<CompletedPart>) -> Result<Option<String>> {
    // What the stored object would show if it is ours, computed before the parts go into the request.
    let (etag, crc) = (expected(&parts), composite_crc32c(&parts));
    let done = conn
        .client
        .complete_multipart_upload()
        .bucket(spec.bucket)
        .key(spec.key)
        .upload_id(upload_id)
        .set_if_none_match((!spec.replace).then(|| "*".to_owned()))
        .multipart_upload(CompletedMultipartUpload::builder().set_parts(Some(parts)).build())
        .send()
        .await;
    let err = match done {
        Ok(out) => return Ok(out.e_tag().map(str::to_owned)),
        Err(e) => from_sdk(e).about(spec.bucket, Some(spec.key)),
    };
    match crate::objects::stored_identity(conn, spec.bucket, spec.key).await {
        Ok(Some(stored)) if stored.etag.as_deref().map(unquote) == Some(etag.as_str()) || (crc.is_some() && stored.crc32c == crc) => {
            tracing::info!(key = spec.key, error = %err, "Complete answered an error, but the stored object is ours");
            Ok(stored.etag)
        }
        Ok(Some(_)) if err.kind() == crate::ErrorKind::PreconditionFailed => Err(already_exists(spec.bucket, spec.key)),
        _ => Err(err),
    }
}

fn unquote(etag: &str) -> &str {
    etag.trim_matches('"')
}

/// The ETag S3 gives a multipart object: MD5 of the parts' binary MD5s, then `-` and the part count.
fn expected(parts: &[CompletedPart]) -> String {
    use md5::{Digest, Md5};
    let mut all = Md5::new();
    for p in parts {
        let hex = unquote(p.e_tag().unwrap_or_default());
        let bytes: Vec<u8> = (0..hex.len() / 2)
            .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
            .collect();
        all.update(&bytes);
    }
    let digest = all.finalize();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}-{}", parts.len())
}

/// Aborts the upload (its parts are deleted); a failure is logged. True when the server confirmed.
pub(super) async fn abort(conn: &Connection, bucket: &str, key: &str, upload_id: &str) -> bool {
    let r = conn
        .client
        .abort_multipart_upload()
        .bucket(bucket)
        .key(key)
        .upload_id(upload_id)
        .send()
        .await;
    match r {
        Ok(_) => {
            tracing::info!(key, "multipart upload aborted");
            true
        }
        Err(e) => {
            tracing::warn!(key, error = %from_sdk(e), "could not abort the multipart upload");
            false
        }
    }
}

/// The composite CRC32C S3 reports for a multipart object whose parts all carry one: CRC32C of the parts'
/// binary checksums, base64, then `-` and the part count.
fn composite_crc32c(parts: &[CompletedPart]) -> Option<String> {
    if parts.is_empty() {
        return None;
    }
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut crc = 0u32;
    for p in parts {
        crc = crc32c::crc32c_append(crc, &b64.decode(p.checksum_crc32_c()?).ok()?);
    }
    Some(format!("{}-{}", b64.encode(crc.to_be_bytes()), parts.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_sizes_respect_the_limits() {
        const MIB: u64 = 1024 * 1024;
        const GIB: u64 = 1024 * MIB;
        assert_eq!(part_size(12 * MIB, 5 * MIB), 5 * MIB);
        assert_eq!(part_size(200 * MIB, 8 * MIB), 8 * MIB);
        let five_tb = 5 * 1024 * GIB;
        let p = part_size(five_tb, 8 * MIB);
        assert!(five_tb.div_ceil(p) <= MAX_PARTS, "{p}");
        assert_eq!(p % MIB, 0);
        // 100 GiB: 8 MiB parts would be 12,800; the part grows to 11 MiB, 9,310 parts.
        let p = part_size(100 * GIB, 8 * MIB);
        assert_eq!((p, (100 * GIB).div_ceil(p)), (11 * MIB, 9_310));
    }

    #[test]
    fn the_expected_etag_is_the_md5_of_the_part_md5s() {
        // Two parts whose MD5s are those of "a" and "b"; S3's multipart ETag for them.
        let parts = vec![
            CompletedPart::builder()
                .part_number(1)
                .e_tag("\"0cc175b9c0f1b6a831c399e269772661\"")
                .build(),
            CompletedPart::builder()
                .part_number(2)
                .e_tag("\"92eb5ffee6ae2fec3ad71c777531578f\"")
                .build(),
        ];
        use md5::{Digest, Md5};
        let mut both = Vec::new();
        both.extend(Md5::digest(b"a"));
        both.extend(Md5::digest(b"b"));
        let want: String = Md5::digest(&both).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(expected(&parts), format!("{want}-2"));
        assert_eq!(composite_crc32c(&parts), None, "parts without checksums have no composite");
    }
}
