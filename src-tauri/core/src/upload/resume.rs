//! What the journal makes possible after a crash, a kill or a quit: resume an upload (the server's list of
//! parts decides what is sent again), discard it (abort: nothing is left), and at start-up sweep away
//! uploads that were being created when the process died, before their id reached the journal.
//!
//! Uploads are not recognised by a tag: ListMultipartUploads does not return metadata. An entry is written
//! before CreateMultipartUpload, so an upload the journal never learned the id of is one of that key's
//! uploads initiated after the entry's start.

use super::journal::Tracked;
use super::journal::{Entry, EntryState, Journal};
use super::multipart::{abort, run, Spec};
use super::parts::Parts;
use super::source::{changed, Source};
use super::UploadOutcome;
use crate::client::Connection;
use crate::error::{Error, Result};
use crate::error_map::from_sdk;
use crate::mime::{Detected, TypeSource};
use aws_sdk_s3::types::CompletedPart;
use std::sync::atomic::AtomicBool;
use tokio_util::sync::CancellationToken;

/// The upload an entry describes, as the multipart code takes it.
fn spec_of(e: &Entry, expires_secs: u64, parallel: usize) -> Spec<'_> {
    Spec {
        bucket: &e.bucket,
        key: &e.key,
        content_type: &e.content_type,
        metadata: &e.metadata,
        part_size: e.part_size,
        expires_secs,
        parallel: parallel.max(1),
        replace: e.replace,
    }
}

fn not_found(id: &str) -> Error {
    Error::invalid_input(format!("there is no unfinished upload {id}"))
}

/// The parts the server holds for the entry's upload, keeping only those of the expected size.
async fn listed_parts(conn: &Connection, e: &Entry, upload_id: &str) -> Result<Vec<CompletedPart>> {
    let mut out = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let page = conn
            .client
            .list_parts()
            .bucket(&e.bucket)
            .key(&e.key)
            .upload_id(upload_id)
            .set_part_number_marker(marker.clone())
            .send()
            .await
            .map_err(|err| from_sdk(err).about(&e.bucket, Some(&e.key)))?;
        for p in page.parts() {
            let (Some(n), Some(etag)) = (p.part_number(), p.e_tag()) else {
                continue;
            };
            let want = e.part_size.min(e.size.saturating_sub((n as u64 - 1) * e.part_size));
            if n < 1 || p.size() != Some(want as i64) {
                continue;
            }
            let crc = p.checksum_crc32_c().map(str::to_owned).or_else(|| {
                e.parts
                    .iter()
                    .find(|d| d.number == n && d.etag == etag)
                    .and_then(|d| d.crc32c.clone())
            });
            let part = CompletedPart::builder().part_number(n).e_tag(etag).set_checksum_crc32_c(crc);
            out.push(part.build());
        }
        match (page.is_truncated(), page.next_part_number_marker()) {
            (Some(true), Some(m)) => marker = Some(m.to_owned()),
            _ => return Ok(out),
        }
    }
}

/// Resumes the journal's upload `id`: the file must be unchanged since it started; parts the server holds
/// are kept, the rest are sent; then it completes under the same rules as a fresh upload.
pub async fn resume(
    conn: &Connection,
    journal: &Journal,
    id: &str,
    (expires_secs, parallel): (u64, usize),
    (cancel, pause): (&CancellationToken, &AtomicBool),
    progress: &(dyn Fn(u64, u64) + Send + Sync),
) -> Result<UploadOutcome> {
    let entry = journal.get(id).ok_or_else(|| not_found(id))?;
    let Some(upload_id) = entry.upload_id.clone() else {
        // It never reached the server: nothing to resume; the sweep removes any half-created upload.
        return Err(Error::invalid_input(format!(
            "the upload of {} never started on the server; upload the file again",
            entry.path.display()
        )));
    };
    let source = Source::open(&entry.path).await?;
    let same = source.identity.len == entry.size
        && source.identity.modified.map(crate::client::unix_ms) == entry.modified_ms
        && (entry.node.is_none() || source.identity.node == entry.node);
    if !same {
        return Err(changed(
            &entry.path,
            "since the upload was interrupted; discard it and upload again",
        ));
    }
    let mut already = match listed_parts(conn, &entry, &upload_id).await {
        Ok(parts) => parts,
        Err(e) if e.detail().code() == Some("NoSuchUpload") || e.kind() == crate::ErrorKind::NoSuchKey => {
            let _ = journal.remove(id);
            return Err(Error::invalid_input(format!(
                "the server no longer has the unfinished upload of s3://{}/{} (it expired or was aborted); \
                 upload the file again",
                entry.bucket, entry.key
            )));
        }
        Err(e) => return Err(e),
    };
    // A part the server holds but whose checksum neither it nor the journal kept: the file is unchanged,
    // so its checksum is read from disk.
    if entry.with_crc {
        for part in already.iter_mut().filter(|p| p.checksum_crc32_c().is_none()) {
            let n = part.part_number().unwrap_or(1) as u64;
            let offset = (n - 1) * entry.part_size;
            let c = source.crc32c(offset, entry.part_size.min(entry.size - offset)).await?;
            let etag = part.e_tag().map(str::to_owned);
            *part = CompletedPart::builder()
                .part_number(n as i32)
                .set_e_tag(etag)
                .checksum_crc32_c(c)
                .build();
        }
    }
    tracing::info!(key = entry.key, kept = already.len(), "resuming a multipart upload");
    let spec = spec_of(&entry, expires_secs, parallel);
    let parts = Parts {
        conn,
        spec: &spec,
        upload_id: &upload_id,
        source: &source,
        with_crc: entry.with_crc,
        cancel,
    };
    let mut fresh = entry.clone();
    fresh.state = EntryState::Running;
    fresh.parts.retain(|d| already.iter().any(|p| p.part_number() == Some(d.number)));
    let tracked = Tracked {
        journal,
        entry: std::sync::Mutex::new(fresh),
    };
    tracked.update(|_| {});
    let size = entry.size;
    progress(entry.done_bytes().min(size), size);
    let etag = run(&parts, already, &|n| progress(n, size), pause, Some(&tracked)).await?;
    Ok(UploadOutcome {
        bucket: entry.bucket.clone(),
        key: entry.key.clone(),
        size,
        detected: Detected {
            mime: entry.content_type.clone(),
            source: TypeSource::Bytes,
            extension_claims: None,
        },
        etag,
        checksum_crc32c: None,
        multipart: true,
        skipped: false,
    })
}

/// Gives up the journal's upload `id`: aborts it on the server (nothing is left) and forgets it.
pub async fn discard(conn: &Connection, journal: &Journal, id: &str) -> Result<()> {
    let entry = journal.get(id).ok_or_else(|| not_found(id))?;
    if let Some(upload_id) = &entry.upload_id {
        abort(conn, &entry.bucket, &entry.key, upload_id).await;
    }
    journal.remove(id)
}

/// At start-up, for the entries of `conn`'s profile that never learned their upload id: aborts that key's
/// uploads initiated since the entry was written, and forgets the entry. Returns how many were aborted.
pub async fn sweep(conn: &Connection, journal: &Journal) -> Result<usize> {
    let mut aborted = 0;
    for e in journal.list() {
        if e.upload_id.is_some() || e.profile != conn.target.label() {
            continue;
        }
        let listed = conn
            .client
            .list_multipart_uploads()
            .bucket(&e.bucket)
            .prefix(&e.key)
            .send()
            .await
            .map_err(|err| from_sdk(err).about(&e.bucket, Some(&e.key)))?;
        for u in listed.uploads() {
            let started = u.initiated().map(|t| t.to_millis().unwrap_or(0)).unwrap_or(0);
            if u.key() == Some(e.key.as_str()) && started >= e.started_ms - 1000 {
                if let Some(id) = u.upload_id() {
                    aborted += usize::from(abort(conn, &e.bucket, &e.key, id).await);
                }
            }
        }
        journal.remove(&e.id)?;
    }
    Ok(aborted)
}
