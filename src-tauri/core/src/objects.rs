//! Actions on one object: read its metadata (HEAD), check it exists, delete it through a presigned DELETE,
//! sniff its real type.

use crate::client::Connection;
use crate::error::Result;
use crate::error_map::{from_http, from_sdk};
use crate::listing::{rfc3339, ObjectMeta};
use crate::mime::{self, Detected};
use crate::presign::presign_delete;

/// Deletes `key` by sending a presigned DELETE (the same path a shared delete link would take). A key with a
/// `.` or `..` folder goes through the SDK instead: its HTTP stack sends the path as signed, where a URL
/// parser would remove the segment and the signature would no longer match.
pub async fn delete_object(conn: &Connection, bucket: &str, key: &str, expires_secs: u64) -> Result<()> {
    if crate::keys::has_dot_segment(key) {
        conn.client
            .delete_object()
            .bucket(bucket)
            .key(key)
            .send()
            .await
            .map_err(|e| from_sdk(e).about(bucket, Some(key)))?;
        tracing::info!(bucket, key, "deleted (path kept as is)");
        return Ok(());
    }
    let p = presign_delete(conn, bucket, key, expires_secs).await?;
    let resp = crate::http::http_client().delete(&p.url).send().await?;
    let status = resp.status().as_u16();
    if (200..300).contains(&status) {
        tracing::info!(bucket, key, "deleted");
        return Ok(());
    }
    let date = crate::http::date_of(resp.headers());
    let body = resp.text().await.unwrap_or_default();
    Err(from_http(status, date.as_deref(), &body).about(bucket, Some(key)))
}

/// Reads the first bytes of an object to learn its type when the stored Content-Type is missing or generic.
pub async fn sniff_type(conn: &Connection, bucket: &str, key: &str) -> Result<Detected> {
    let head = read_head(conn, bucket, key, mime::SNIFF_LEN).await?;
    let name = key.rsplit('/').next().unwrap_or(key);
    Ok(mime::detect(&head, name))
}

/// Reads an object's type, size and user metadata.
pub async fn head_object(conn: &Connection, bucket: &str, key: &str) -> Result<ObjectMeta> {
    let r = conn
        .client
        .head_object()
        .bucket(bucket)
        .key(key)
        .send()
        .await
        .map_err(|e| from_sdk(e).about(bucket, Some(key)))?;
    Ok(ObjectMeta {
        bucket: bucket.to_owned(),
        key: key.to_owned(),
        size: r.content_length().unwrap_or(0),
        content_type: r.content_type().map(str::to_owned),
        last_modified: rfc3339(r.last_modified()),
        etag: r.e_tag().map(str::to_owned),
        storage_class: r.storage_class().map(|s| s.as_str().to_owned()),
        metadata: r.metadata().cloned().unwrap_or_default().into_iter().collect(),
    })
}

/// What says whether a stored object is the one we sent: its ETag and, when the server keeps one, its CRC32C
/// (`base64`, or `base64-N` for a multipart object).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredIdentity {
    pub etag: Option<String>,
    pub crc32c: Option<String>,
}

/// HEADs `key` asking for its checksum; `None` when there is no such object.
pub async fn stored_identity(conn: &Connection, bucket: &str, key: &str) -> Result<Option<StoredIdentity>> {
    let r = conn
        .client
        .head_object()
        .bucket(bucket)
        .key(key)
        .checksum_mode(aws_sdk_s3::types::ChecksumMode::Enabled)
        .send()
        .await;
    match r {
        Ok(h) => Ok(Some(StoredIdentity {
            etag: h.e_tag().map(str::to_owned),
            crc32c: h.checksum_crc32_c().map(str::to_owned),
        })),
        Err(e) => {
            let e = from_sdk(e).about(bucket, Some(key));
            if e.kind() == crate::ErrorKind::NoSuchKey {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// True when `key` exists; false on 404. Other failures are errors.
pub async fn exists(conn: &Connection, bucket: &str, key: &str) -> Result<bool> {
    match head_object(conn, bucket, key).await {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == crate::ErrorKind::NoSuchKey => Ok(false),
        Err(e) => Err(e),
    }
}

/// Which of `keys` exist in `bucket` (HEAD, 8 at a time), in the order given.
pub async fn existing(conn: &Connection, bucket: &str, keys: Vec<String>) -> Result<Vec<String>> {
    use futures::StreamExt;
    let found: Vec<Result<Option<String>>> = futures::stream::iter(keys)
        .map(|k| async move { Ok(exists(conn, bucket, &k).await?.then_some(k)) })
        .buffered(8)
        .collect()
        .await;
    found.into_iter().filter_map(|r| r.transpose()).collect()
}

/// Reads at most `limit` bytes from the start of an object (a ranged GET; a server that ignores the range is
/// read no further than `limit` either).
pub async fn read_head(conn: &Connection, bucket: &str, key: &str, limit: usize) -> Result<Vec<u8>> {
    let resp = conn
        .client
        .get_object()
        .bucket(bucket)
        .key(key)
        .range(format!("bytes=0-{}", limit.saturating_sub(1)))
        .send()
        .await
        .map_err(|e| from_sdk(e).about(bucket, Some(key)))?;
    let mut body = resp.body;
    let mut out = Vec::with_capacity(limit.min(64 * 1024));
    while out.len() < limit {
        match body.try_next().await {
            Ok(Some(chunk)) => out.extend_from_slice(&chunk[..chunk.len().min(limit - out.len())]),
            Ok(None) => break,
            Err(e) => return Err(crate::Error::Network(crate::error::Detail::msg(e.to_string())).about(bucket, Some(key))),
        }
    }
    Ok(out)
}
