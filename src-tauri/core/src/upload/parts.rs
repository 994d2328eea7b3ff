//! The parts of one multipart upload: each checked against the file, checksummed from disk, signed and
//! streamed, a few at a time; retried as a whole, so a part refused as damaged is read from disk again.

use super::send::{cancelled, put_range, with_retries, Progress, ATTEMPTS};
use super::source::Source;
use crate::client::Connection;
use crate::error::Result;
use crate::presign::PartToSign;
use aws_sdk_s3::types::CompletedPart;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio_util::sync::CancellationToken;

/// One multipart upload: where, as what, in which parts, how many at once.
pub struct Spec<'a> {
    pub bucket: &'a str,
    pub key: &'a str,
    pub content_type: &'a str,
    pub metadata: &'a BTreeMap<String, String>,
    pub part_size: u64,
    pub expires_secs: u64,
    /// Parts in flight at once.
    pub parallel: usize,
    /// The person chose Replace: no `If-None-Match`, no last HEAD.
    pub replace: bool,
}

/// What every part of one upload shares.
pub(super) struct Parts<'a> {
    pub conn: &'a Connection,
    pub spec: &'a Spec<'a>,
    pub upload_id: &'a str,
    pub source: &'a Source,
    pub with_crc: bool,
    pub cancel: &'a CancellationToken,
}

impl Parts<'_> {
    /// Sends one part: checks the file, checksums the part from disk, signs, streams. Retried as a whole, so
    /// a part the server rejected as damaged is read from disk again. `progress(n)` reports bytes of this
    /// attempt; `undo()` takes back what a failed attempt reported.
    async fn send(
        &self,
        (number, offset, len): (i32, u64, u64),
        progress: Progress<'_>,
        undo: &(dyn Fn() + Send + Sync),
    ) -> Result<CompletedPart> {
        with_retries(ATTEMPTS, self.cancel, |_| async {
            self.source.check()?;
            let crc = if self.with_crc {
                Some(self.source.crc32c(offset, len).await?)
            } else {
                None
            };
            let part = PartToSign {
                upload_id: self.upload_id,
                number,
                len,
                checksum_crc32c: crc.as_deref(),
            };
            let (bucket, key) = (self.spec.bucket, self.spec.key);
            let signed = crate::presign::presign_part(self.conn, bucket, key, &part, self.spec.expires_secs).await?;
            let r = put_range(&signed, self.source, offset, len, self.cancel, progress).await;
            if r.is_err() {
                undo();
            }
            Ok(CompletedPart::builder()
                .part_number(number)
                .set_e_tag(r?)
                .set_checksum_crc32_c(crc)
                .build())
        })
        .await
    }

    /// Sends every part not in `already` (parts a resumed upload has on the server), calling `on_done` as
    /// each is acknowledged; returns all parts in order, each with its CRC32C when the upload has them.
    pub async fn send_all(
        &self,
        already: Vec<CompletedPart>,
        progress: Progress<'_>,
        on_done: &(dyn Fn(&CompletedPart) + Send + Sync),
    ) -> Result<Vec<CompletedPart>> {
        use futures::StreamExt;
        use std::sync::atomic::AtomicBool;
        let total = self.source.identity.len;
        let size = self.spec.part_size;
        let have: std::collections::BTreeSet<i32> = already.iter().filter_map(|p| p.part_number()).collect();
        let len_of = |i: u64| size.min(total - i * size);
        let base: u64 = (0..total.div_ceil(size))
            .filter(|i| have.contains(&((i + 1) as i32)))
            .map(len_of)
            .sum();
        // Bytes acknowledged across parts; each part adds what it sends and takes it back if it is retried.
        let sent = AtomicU64::new(base);
        // After a failure or a cancel no new part starts, and the parts in flight are awaited (not dropped),
        // so the abort that follows comes after every part the server might still store.
        let stop = AtomicBool::new(false);
        let count = total.div_ceil(size).max(1);
        let missing = (0..count).filter(|i| !have.contains(&((i + 1) as i32)));
        let results: Vec<Result<CompletedPart>> = futures::stream::iter(missing)
            .map(|i| {
                let (sent, stop) = (&sent, &stop);
                async move {
                    if stop.load(Ordering::SeqCst) || self.cancel.is_cancelled() {
                        return Err(cancelled());
                    }
                    let offset = i * size;
                    let mine = AtomicU64::new(0);
                    let report = |n: u64| {
                        let d = n.saturating_sub(mine.swap(n, Ordering::SeqCst));
                        progress(sent.fetch_add(d, Ordering::SeqCst) + d);
                    };
                    let undo = || {
                        sent.fetch_sub(mine.swap(0, Ordering::SeqCst), Ordering::SeqCst);
                    };
                    let part = ((i + 1) as i32, offset, len_of(i));
                    let r = self.send(part, &report, &undo).await;
                    match &r {
                        Ok(p) => on_done(p),
                        Err(_) => stop.store(true, Ordering::SeqCst),
                    }
                    r
                }
            })
            .buffer_unordered(self.spec.parallel)
            .collect()
            .await;
        let (mut done, mut errors) = (already, Vec::new());
        for r in results {
            match r {
                Ok(p) => done.push(p),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            // The first real failure explains more than the cancellations it caused.
            let i = errors.iter().position(|e| e.kind() != crate::ErrorKind::Cancelled).unwrap_or(0);
            return Err(errors.swap_remove(i));
        }
        done.sort_by_key(|p| p.part_number());
        Ok(done)
    }
}
