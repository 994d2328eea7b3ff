//! Sends bytes to presigned URLs: one streamed PUT, with progress and cancellation.

use crate::error::{Detail, Error, Result};
use crate::http::http_client;
use crate::presign::Presigned;
use futures::StreamExt;
use std::path::Path;
use tokio::io::{AsyncReadExt, AsyncSeekExt};
use tokio_util::sync::CancellationToken;

/// Reports bytes sent so far within the current request.
pub type Progress<'a> = &'a (dyn Fn(u64) + Send + Sync);

/// PUTs `len` bytes of `path` starting at `offset` to `signed`, sending exactly its headers plus
/// Content-Length. Returns the ETag. The file is streamed, never read whole.
pub async fn put_range(
    signed: &Presigned,
    path: &Path,
    offset: u64,
    len: u64,
    cancel: &CancellationToken,
    progress: Progress<'_>,
) -> Result<Option<String>> {
    let ctx = |e| Error::io(&format!("reading {}", path.display()), e);
    let mut file = tokio::fs::File::open(path).await.map_err(ctx)?;
    file.seek(std::io::SeekFrom::Start(offset)).await.map_err(ctx)?;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u64>();
    let mut sent = 0u64;
    let stream = tokio_util::io::ReaderStream::with_capacity(file.take(len), 256 * 1024).map(move |chunk| {
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

/// Whether another attempt may succeed: network trouble, throttling, server errors, an expired URL.
pub fn retryable(e: &Error) -> bool {
    use crate::ErrorKind::*;
    matches!(e.kind(), Network | Throttled | ExpiredUrl | Internal)
}

/// Runs `attempt` up to `tries` times with exponential backoff (0.5 s, 1 s, 2 s …) on retryable errors.
pub async fn with_retries<T, F, Fut>(tries: u32, cancel: &CancellationToken, mut attempt: F) -> Result<T>
where
    F: FnMut(u32) -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    let mut n = 0;
    loop {
        match attempt(n).await {
            Err(e) if retryable(&e) && n + 1 < tries && !cancel.is_cancelled() => {
                let wait = std::time::Duration::from_millis(500 << n.min(5));
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
