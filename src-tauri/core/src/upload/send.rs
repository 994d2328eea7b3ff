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
    // Content-Length is set once, below: a second copy (UploadPart signs it) is refused by strict HTTP
    // parsers and proxies in front of S3-compatible servers.
    for h in signed.headers.iter().filter(|h| !h.name.eq_ignore_ascii_case("content-length")) {
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
        let date = crate::http::date_of(resp.headers());
        let body = resp.text().await.unwrap_or_default();
        return Err(crate::error_map::from_http(status, date.as_deref(), &body));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presign::HeaderPair;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// The request head as a plain socket receives it (HTTP libraries would hide a repeated header).
    async fn raw_head(listener: tokio::net::TcpListener) -> String {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 65536];
        while !got.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = sock.read(&mut buf).await.unwrap();
            got.extend_from_slice(&buf[..n]);
        }
        let head = String::from_utf8_lossy(&got).split("\r\n\r\n").next().unwrap().to_lowercase();
        let _ = sock.write_all(b"HTTP/1.1 200 OK\r\netag: \"x\"\r\ncontent-length: 0\r\n\r\n").await;
        head
    }

    #[tokio::test]
    async fn content_length_is_sent_once_even_when_the_url_signs_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("part.bin");
        std::fs::write(&path, vec![1u8; 1000]).unwrap();
        let source = Source::open(&path).await.unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/b/k?partNumber=1&uploadId=u", listener.local_addr().unwrap());
        let server = tokio::spawn(raw_head(listener));
        let signed = Presigned {
            url,
            method: "PUT".into(),
            headers: vec![HeaderPair {
                name: "content-length".into(),
                value: "1000".into(),
            }],
            requested_secs: 60,
            effective_secs: 60,
            expires_at: 0,
            limited_by_credentials: false,
        };
        let _ = put_range(&signed, &source, 0, 1000, &CancellationToken::new(), &|_| {}).await;
        let head = server.await.unwrap();
        assert_eq!(head.matches("content-length:").count(), 1, "{head}");
    }
}
