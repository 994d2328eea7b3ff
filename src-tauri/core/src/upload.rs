//! Uploads one file through a presigned PUT, sending exactly the signed headers; never replaces silently.

use crate::client::Connection;
use crate::error::{Detail, Error, Result};
use crate::mime::{self, Detected};
use crate::presign::{presign_put, PutSpec};
use base64::Engine;
use futures::StreamExt;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tokio::io::AsyncReadExt;
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

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
    /// Replace an existing object. When false, an existing key is `AlreadyExists`.
    pub overwrite: bool,
    pub expires_secs: u64,
}

/// What was stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadOutcome {
    pub bucket: String,
    pub key: String,
    #[ts(type = "number")]
    pub size: u64,
    pub detected: Detected,
    pub etag: Option<String>,
    pub checksum_sha256: String,
}

/// Keys are stored in NFC (macOS hands out NFD file names).
pub fn normalize_key(key: &str) -> String {
    key.nfc().collect()
}

/// Metadata values must be ASCII: non-ASCII is percent-encoded (UTF-8), control characters dropped.
pub fn ascii_safe(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars() {
        if (' '..='~').contains(&c) && c != '%' {
            out.push(c);
        } else if !c.is_control() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The OS user, for `uploaded-by` when no display name is set.
pub fn os_user() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "unknown".to_owned())
}

async fn sniff_and_hash(path: &Path) -> Result<(Vec<u8>, String, u64)> {
    let ctx = |e| Error::io(&format!("reading {}", path.display()), e);
    let mut f = tokio::fs::File::open(path).await.map_err(ctx)?;
    let mut hasher = Sha256::new();
    let mut head = Vec::with_capacity(mime::SNIFF_LEN);
    let mut buf = vec![0u8; 256 * 1024];
    let mut total = 0u64;
    loop {
        let n = f.read(&mut buf).await.map_err(ctx)?;
        if n == 0 {
            break;
        }
        if head.len() < mime::SNIFF_LEN {
            let take = (mime::SNIFF_LEN - head.len()).min(n);
            head.extend_from_slice(&buf[..take]);
        }
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    Ok((head, base64::engine::general_purpose::STANDARD.encode(hasher.finalize()), total))
}

/// Uploads `job`, reporting `(sent, total)` bytes as they go.
pub async fn upload_file(conn: &Connection, job: &UploadJob, mut progress: impl FnMut(u64, u64) + Send) -> Result<UploadOutcome> {
    let key = normalize_key(&job.key);
    let meta = tokio::fs::metadata(&job.path).await.map_err(|e| Error::io(&format!("reading {}", job.path.display()), e))?;
    if meta.is_dir() {
        return Err(Error::invalid_input(format!("{} is a folder", job.path.display())));
    }
    let (head, checksum, size) = sniff_and_hash(&job.path).await?;
    let name = job.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let detected = mime::detect(&head, &name);
    if !job.allowed_types.is_empty() && !mime::allowed(&detected.mime, &job.allowed_types) {
        return Err(Error::UnsupportedType(Detail::msg(format!(
            "{name} is {}; allowed: {}",
            detected.mime,
            job.allowed_types.join(", ")
        ))));
    }
    if !job.overwrite && crate::listing::exists(conn, &job.bucket, &key).await? {
        return Err(Error::AlreadyExists(Detail::msg(format!("s3://{}/{key} already exists", job.bucket)).bucket(&job.bucket).key(&key)));
    }
    let mut metadata = BTreeMap::new();
    metadata.insert("uploaded-by".to_owned(), ascii_safe(&job.uploaded_by));
    let spec = PutSpec { content_type: detected.mime.clone(), metadata, if_none_match: !job.overwrite, checksum_sha256: Some(checksum.clone()) };
    let signed = presign_put(conn, &job.bucket, &key, &spec, job.expires_secs).await?;
    tracing::info!(url = %signed.url, size, content_type = %detected.mime, "uploading");

    let file = tokio::fs::File::open(&job.path).await.map_err(|e| Error::io(&format!("reading {}", job.path.display()), e))?;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u64>();
    let mut sent = 0u64;
    let stream = tokio_util::io::ReaderStream::with_capacity(file, 256 * 1024).map(move |chunk| {
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
    req = req.header(reqwest::header::CONTENT_LENGTH, size);
    let send = req.send();
    tokio::pin!(send);
    progress(0, size);
    let resp = loop {
        tokio::select! {
            r = &mut send => break r?,
            Some(n) = rx.recv() => progress(n, size),
        }
    };
    let status = resp.status().as_u16();
    let etag = resp.headers().get("etag").and_then(|v| v.to_str().ok()).map(str::to_owned);
    if !(200..300).contains(&status) {
        let body = resp.text().await.unwrap_or_default();
        let err = crate::error_map::from_http(status, &body).about(&job.bucket, Some(&key));
        return Err(if err.kind() == crate::ErrorKind::PreconditionFailed {
            Error::AlreadyExists(Detail::msg(format!("s3://{}/{key} already exists", job.bucket)).bucket(&job.bucket).key(&key))
        } else {
            err
        });
    }
    progress(size, size);
    Ok(UploadOutcome { bucket: job.bucket.clone(), key, size, detected, etag, checksum_sha256: checksum })
}

/// One shared HTTP client for presigned requests (connection reuse; no credentials of its own).
pub fn http_client() -> &'static reqwest::Client {
    static C: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        reqwest::Client::builder()
            .connect_timeout(std::time::Duration::from_secs(5))
            .build()
            .expect("building the HTTP client")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_becomes_nfc_and_metadata_is_ascii() {
        let nfd = "写真/がっこう.jpg".nfd().collect::<String>();
        assert_ne!(nfd, "写真/がっこう.jpg");
        assert_eq!(normalize_key(&nfd), "写真/がっこう.jpg");
        assert_eq!(ascii_safe("Taro Yamada"), "Taro Yamada");
        assert_eq!(ascii_safe("山田"), "%E5%B1%B1%E7%94%B0");
        assert_eq!(ascii_safe("a\nb%"), "ab%25");
    }
}
