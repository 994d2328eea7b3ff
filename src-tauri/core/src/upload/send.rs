//! Sends bytes to presigned URLs: one streamed PUT, with progress and cancellation; and when to try again.

use super::source::Source;
use crate::error::{Detail, Error, Result};
use crate::http::http_client;
use crate::presign::Presigned;
use futures::StreamExt;
use tokio_util::sync::CancellationToken;

/// Reports bytes sent so far within the current request.
pub type Progress<'a> = &'a (dyn Fn(u64) + Send + Sync);

/// PUTs `len` bytes of `source` starting at `offset` to `signed`, sending exactly its headers plus
/// Content-Length. Returns the ETag. The file is streamed from its one open handle, never read whole.
pub async fn put_range(
    signed: &Presigned,
    source: &Source,
    offset: u64,
    len: u64,
    cancel: &CancellationToken,
    progress: Progress<'_>,
) -> Result<Option<String>> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u64>();
    let mut sent = 0u64;
    let stream = source.stream(offset, len).map(move |chunk| {
        if let Ok(c) = &chunk {
            sent += c.len() as u64;
            let _ = tx.send(sent);
        }
        chunk
    });
    let mut req = http_client().put(&signed.url).body(reqwest::Body::wrap_stream(stream));
    for h in &signed.headers {
        req = req.header(&h.name, &h.value);
    }
    let send = req.header(reqwest::header::CONTENT_LENGTH, len).send();
    tokio::pin!(send);
    let mut streamed = 0u64;
    let resp = loop {
        tokio::select! {
            r = &mut send => break r?,
            Some(n) = rx.recv() => {
                streamed = n;
                progress(n);
            }
            () = cancel.cancelled() => {
                while let Ok(n) = rx.try_recv() {
                    streamed = n;
                }
                // A body already sent in full may still be stored: wait (briefly) for the server's answer so
                // an abort that follows cannot overtake it and leave the part behind.
                if streamed == len {
                    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), &mut send).await;
                }
                return Err(cancelled());
            }
        }
    };
    let status = resp.status().as_u16();
    let etag = resp.headers().get("etag").and_then(|v| v.to_str().ok()).map(str::to_owned);
    if !(200..300).contains(&status) {
        let body = resp.text().await.unwrap_or_default();
        return Err(crate::error_map::from_http(status, &body));
    }
    progress(len);
    Ok(etag)
}

/// The error every cancelled upload step ends with.
pub fn cancelled() -> Error {
    Error::Cancelled(Detail::msg("the upload was cancelled"))
}

/// Attempts per request: the first and three retries (after about 0.5 s, 1 s and 2 s).
pub const ATTEMPTS: u32 = 4;

/// Whether another attempt may succeed: the network failed, the link expired (the next attempt signs a
/// new one), the server said 500/502/503/504, SlowDown or RequestTimeout, or a body arrived damaged
/// (BadDigest: the next attempt reads the file again). A refusal (400, 403, 404, 412 …) is final.
pub fn retryable(e: &Error) -> bool {
    use crate::ErrorKind::*;
    if matches!(e.kind(), Network | ExpiredUrl) {
        return true;
    }
    let d = e.detail();
    matches!(d.status(), Some(500 | 502 | 503 | 504))
        || matches!(
            d.code(),
            Some("SlowDown" | "RequestTimeout" | "InternalError" | "ServiceUnavailable" | "BadDigest")
        )
}

/// The pause before retry `n` (0-based): 0.5 s doubling, ±25 % so parallel parts do not retry in step.
fn backoff(n: u32) -> std::time::Duration {
    let base = 500u64 << n.min(5);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    std::time::Duration::from_millis(base * 3 / 4 + nanos % (base / 2 + 1))
}

/// Runs `attempt` up to `tries` times, pausing (see `backoff`) after retryable errors. `attempt` gets the
/// attempt number, so it can tell a first try from a retry.
pub async fn with_retries<T, F, Fut>(tries: u32, cancel: &CancellationToken, mut attempt: F) -> Result<T>
where
    F: FnMut(u32) -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    let mut n = 0;
    loop {
        match attempt(n).await {
            Err(e) if retryable(&e) && n + 1 < tries && !cancel.is_cancelled() => {
                let wait = backoff(n);
                tracing::warn!(error = %e, attempt = n + 1, "upload attempt failed; retrying in {wait:?}");
                tokio::select! {
                    () = tokio::time::sleep(wait) => {}
                    () = cancel.cancelled() => return Err(cancelled()),
                }
                n += 1;
            }
            other => return other,
        }
    }
}
