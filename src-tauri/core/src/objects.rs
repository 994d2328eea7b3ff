//! Actions on one object that go beyond listing: delete through a presigned DELETE, sniff the real type.

use crate::client::Connection;
use crate::error::Result;
use crate::error_map::{from_http, from_sdk};
use crate::mime::{self, Detected};
use crate::presign::presign_delete;

/// Deletes `key` by sending a presigned DELETE (the same path a shared delete link would take).
pub async fn delete_object(conn: &Connection, bucket: &str, key: &str, expires_secs: u64) -> Result<()> {
    let p = presign_delete(conn, bucket, key, expires_secs).await?;
    let resp = crate::upload::http_client().delete(&p.url).send().await?;
    let status = resp.status().as_u16();
    if (200..300).contains(&status) {
        tracing::info!(bucket, key, "deleted");
        return Ok(());
    }
    let body = resp.text().await.unwrap_or_default();
    Err(from_http(status, &body).about(bucket, Some(key)))
}

/// Reads the first bytes of an object to learn its type when the stored Content-Type is missing or generic.
pub async fn sniff_type(conn: &Connection, bucket: &str, key: &str) -> Result<Detected> {
    let resp = conn
        .client
        .get_object()
        .bucket(bucket)
        .key(key)
        .range(format!("bytes=0-{}", mime::SNIFF_LEN - 1))
        .send()
        .await
        .map_err(|e| from_sdk(e).about(bucket, Some(key)))?;
    let head = resp
        .body
        .collect()
        .await
        .map_err(|e| crate::Error::Network(crate::error::Detail::msg(e.to_string())))?
        .into_bytes();
    let name = key.rsplit('/').next().unwrap_or(key);
    Ok(mime::detect(&head, name))
}
