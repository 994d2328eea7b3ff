//! Mints presigned GET/PUT/DELETE/HEAD URLs with honest expiry and the exact headers a PUT must carry.
//! GET and PUT take the fast signer (`fast`) once a bucket's template has matched the SDK's own URL.

#[cfg(test)]
mod fast_tests;
mod template;

use template::{put_headers, template};

use crate::client::{unix_ms, Connection};
use crate::error::{Detail, Error, Result};
use crate::sigv4::{self as fast, UNRESERVED};
use aws_sdk_s3::presigning::{PresignedRequest, PresigningConfig};
use percent_encoding::utf8_percent_encode;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};
use ts_rs::TS;

/// SigV4 allows at most seven days.
pub const MAX_EXPIRY_SECS: u64 = 604_800;
pub const MIN_EXPIRY_SECS: u64 = 1;

/// Keeps any requested lifetime inside what S3 accepts.
pub fn clamp_expiry(secs: u64) -> u64 {
    secs.clamp(MIN_EXPIRY_SECS, MAX_EXPIRY_SECS)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeaderPair {
    pub name: String,
    pub value: String,
}

/// A presigned request: the URL, the method, the headers the sender must send, and its real lifetime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Presigned {
    pub url: String,
    pub method: String,
    pub headers: Vec<HeaderPair>,
    #[ts(type = "number")]
    pub requested_secs: u64,
    /// What the URL is signed for: the request, clamped, and cut to the credentials' own expiry.
    #[ts(type = "number")]
    pub effective_secs: u64,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub expires_at: i64,
    /// True when temporary credentials made the URL shorter-lived than asked.
    pub limited_by_credentials: bool,
}

/// How the browser should treat a downloaded object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disposition {
    Inline,
    Attachment { filename: String },
}

/// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 / 5987).
pub fn attachment_header(filename: &str) -> String {
    let fallback: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = utf8_percent_encode(filename, UNRESERVED);
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

impl Disposition {
    pub fn header(&self) -> String {
        match self {
            Disposition::Inline => "inline".to_owned(),
            Disposition::Attachment { filename } => attachment_header(filename),
        }
    }
}

/// What a presigned PUT signs besides the key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PutSpec {
    pub content_type: String,
    /// User metadata without the `x-amz-meta-` prefix. Values must be ASCII.
    pub metadata: BTreeMap<String, String>,
    /// Sign `If-None-Match: *` so the server refuses to replace an existing object.
    pub if_none_match: bool,
    /// Base64 SHA-256 of the body, signed as `x-amz-checksum-sha256`.
    pub checksum_sha256: Option<String>,
    /// Base64 big-endian CRC32C of the body, signed as `x-amz-checksum-crc32c` (what uploads use).
    pub checksum_crc32c: Option<String>,
}

struct Window {
    now: SystemTime,
    creds: aws_credential_types::Credentials,
    requested: u64,
    effective: u64,
    expires_at: i64,
    limited: bool,
}

async fn window(conn: &Connection, requested: u64) -> Result<Window> {
    let requested_c = clamp_expiry(requested);
    let creds = conn.creds.current().await?;
    let now = SystemTime::now();
    let mut effective = requested_c;
    let mut limited = false;
    if let Some(exp) = creds.expiry() {
        let left = exp.duration_since(now).map(|d| d.as_secs()).unwrap_or(0);
        if left < MIN_EXPIRY_SECS {
            return Err(Error::ExpiredToken(
                Detail::msg("the temporary credentials have expired").profile(conn.target.label()),
            ));
        }
        if left < effective {
            effective = left;
            limited = true;
        }
    }
    Ok(Window {
        now,
        creds,
        requested,
        effective,
        expires_at: unix_ms(now + Duration::from_secs(effective)),
        limited,
    })
}

fn config(w: &Window) -> Result<PresigningConfig> {
    PresigningConfig::expires_in(Duration::from_secs(w.effective)).map_err(|e| Error::invalid_input(e.to_string()))
}

fn finish(req: PresignedRequest, w: Window) -> Presigned {
    let headers = req
        .headers()
        .map(|(n, v)| HeaderPair {
            name: n.to_owned(),
            value: v.to_owned(),
        })
        .collect();
    finish_parts(req.method(), req.uri().to_owned(), headers, w)
}

fn finish_parts(method: &str, url: String, headers: Vec<HeaderPair>, w: Window) -> Presigned {
    // The log writer redacts the signature, credential and token before anything reaches a file.
    tracing::info!(method, url, secs = w.effective, "presigned");
    Presigned {
        url,
        method: method.to_owned(),
        headers,
        requested_secs: w.requested,
        effective_secs: w.effective,
        expires_at: w.expires_at,
        limited_by_credentials: w.limited,
    }
}

fn check_key(bucket: &str, key: &str) -> Result<()> {
    if bucket.is_empty() || key.is_empty() {
        return Err(Error::invalid_input("a bucket and a key are needed"));
    }
    if key.len() > 1024 {
        return Err(Error::invalid_input(format!("the key is {} bytes long; S3 allows 1024", key.len())));
    }
    Ok(())
}

/// A GET URL; `response_content_type` overrides the stored type (for objects stored as octet-stream).
pub async fn presign_get(
    conn: &Connection,
    bucket: &str,
    key: &str,
    disposition: &Disposition,
    response_content_type: Option<&str>,
    expires_secs: u64,
) -> Result<Presigned> {
    check_key(bucket, key)?;
    let w = window(conn, expires_secs).await?;
    let disposition_header = disposition.header();
    let mut query = vec![("response-content-disposition", disposition_header.as_str())];
    query.extend(response_content_type.map(|t| ("response-content-type", t)));
    let shape = fast::Shape {
        method: "GET",
        op: "GetObject",
        query: &query,
        headers: &[],
    };
    if let Some(t) = template(conn, bucket, &w.creds).await {
        let url = conn.fast.sign(
            &t,
            &w.creds,
            &conn.region,
            key,
            &shape,
            fast::Validity {
                from: w.now,
                secs: w.effective,
            },
        );
        return Ok(finish_parts("GET", url, Vec::new(), w));
    }
    let req = conn
        .client
        .get_object()
        .bucket(bucket)
        .key(key)
        .response_content_disposition(disposition.header())
        .set_response_content_type(response_content_type.map(str::to_owned))
        .presigned(config(&w)?)
        .await
        .map_err(|e| crate::error_map::from_sdk(e).about(bucket, Some(key)))?;
    Ok(finish(req, w))
}

/// A PUT URL that signs the content type, metadata, optional `If-None-Match: *` and checksum.
pub async fn presign_put(conn: &Connection, bucket: &str, key: &str, spec: &PutSpec, expires_secs: u64) -> Result<Presigned> {
    check_key(bucket, key)?;
    if spec.content_type.trim().is_empty() {
        return Err(Error::invalid_input("a content type is needed for an upload"));
    }
    for (k, v) in &spec.metadata {
        if !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') || !v.chars().all(|c| (' '..='~').contains(&c)) {
            return Err(Error::invalid_input(format!("metadata {k:?} must be printable ASCII")));
        }
    }
    let w = window(conn, expires_secs).await?;
    let headers = put_headers(spec);
    let shape = fast::Shape {
        method: "PUT",
        op: "PutObject",
        query: &[],
        headers: &headers,
    };
    if let Some(t) = template(conn, bucket, &w.creds).await {
        let url = conn.fast.sign(
            &t,
            &w.creds,
            &conn.region,
            key,
            &shape,
            fast::Validity {
                from: w.now,
                secs: w.effective,
            },
        );
        let pairs = headers
            .iter()
            .map(|(n, v)| HeaderPair {
                name: n.clone(),
                value: (*v).to_owned(),
            })
            .collect();
        return Ok(finish_parts("PUT", url, pairs, w));
    }
    let req = sdk_put(conn, bucket, key, spec)
        .presigned(config(&w)?)
        .await
        .map_err(|e| crate::error_map::from_sdk(e).about(bucket, Some(key)))?;
    Ok(finish(req, w))
}

/// The SDK's PUT operation for `spec` (the fallback path, and the reference the fast path is checked against).
fn sdk_put(
    conn: &Connection,
    bucket: &str,
    key: &str,
    spec: &PutSpec,
) -> aws_sdk_s3::operation::put_object::builders::PutObjectFluentBuilder {
    conn.client
        .put_object()
        .bucket(bucket)
        .key(key)
        .content_type(&spec.content_type)
        .set_metadata(Some(spec.metadata.clone().into_iter().collect()))
        .set_checksum_crc32_c(spec.checksum_crc32c.clone())
        .set_checksum_sha256(spec.checksum_sha256.clone())
        .set_if_none_match(spec.if_none_match.then(|| "*".to_owned()))
}

/// One part of a multipart upload, as its URL signs it.
pub(crate) struct PartToSign<'a> {
    pub upload_id: &'a str,
    pub number: i32,
    pub len: u64,
    /// Signed as `x-amz-checksum-crc32c`: the server refuses a part whose bytes do not match.
    pub checksum_crc32c: Option<&'a str>,
}

/// A URL for one part of a multipart upload.
pub(crate) async fn presign_part(
    conn: &Connection,
    bucket: &str,
    key: &str,
    part: &PartToSign<'_>,
    expires_secs: u64,
) -> Result<Presigned> {
    let PartToSign {
        upload_id,
        number,
        len,
        checksum_crc32c,
    } = *part;
    let w = window(conn, expires_secs).await?;
    let req = conn
        .client
        .upload_part()
        .bucket(bucket)
        .key(key)
        .upload_id(upload_id)
        .part_number(number)
        .content_length(len as i64)
        .set_checksum_crc32_c(checksum_crc32c.map(str::to_owned))
        .presigned(config(&w)?)
        .await
        .map_err(|e| crate::error_map::from_sdk(e).about(bucket, Some(key)))?;
    Ok(finish(req, w))
}

/// A DELETE URL.
pub async fn presign_delete(conn: &Connection, bucket: &str, key: &str, expires_secs: u64) -> Result<Presigned> {
    presign_bare(conn, bucket, key, true, expires_secs).await
}

/// A HEAD URL.
pub async fn presign_head(conn: &Connection, bucket: &str, key: &str, expires_secs: u64) -> Result<Presigned> {
    presign_bare(conn, bucket, key, false, expires_secs).await
}

async fn presign_bare(conn: &Connection, bucket: &str, key: &str, delete: bool, expires_secs: u64) -> Result<Presigned> {
    check_key(bucket, key)?;
    let w = window(conn, expires_secs).await?;
    let cfg = config(&w)?;
    let c = &conn.client;
    let req = if delete {
        c.delete_object()
            .bucket(bucket)
            .key(key)
            .presigned(cfg)
            .await
            .map_err(crate::error_map::from_sdk)
    } else {
        c.head_object()
            .bucket(bucket)
            .key(key)
            .presigned(cfg)
            .await
            .map_err(crate::error_map::from_sdk)
    };
    Ok(finish(req.map_err(|e| e.about(bucket, Some(key)))?, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_is_clamped() {
        assert_eq!(clamp_expiry(0), 1);
        assert_eq!(clamp_expiry(300), 300);
        assert_eq!(clamp_expiry(10_000_000), MAX_EXPIRY_SECS);
    }

    #[test]
    fn attachment_header_survives_non_ascii() {
        let h = attachment_header("報告書 2026 \"final\".pdf");
        assert_eq!(
            h,
            "attachment; filename=\"___ 2026 _final_.pdf\"; filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8%202026%20%22final%22.pdf"
        );
        assert!(h.is_ascii());
    }
}
