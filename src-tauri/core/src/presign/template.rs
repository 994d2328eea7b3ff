//! Which buckets may use the fast signer: each bucket's URL template is read from one SDK-presigned URL
//! and kept only if the fast path then reproduces the SDK's GET and PUT for a probe key byte for byte.

use super::PutSpec;
use crate::client::Connection;
use crate::sigv4 as fast;
use aws_sdk_s3::presigning::PresigningConfig;
use std::time::{Duration, SystemTime};

/// The headers a presigned PUT signs, named and ordered as the SDK lists them.
pub(super) fn put_headers(spec: &PutSpec) -> Vec<(String, &str)> {
    let mut h = vec![("content-type".to_owned(), spec.content_type.as_str())];
    h.extend(spec.checksum_crc32c.as_deref().map(|c| ("x-amz-checksum-crc32c".to_owned(), c)));
    h.extend(spec.checksum_sha256.as_deref().map(|c| ("x-amz-checksum-sha256".to_owned(), c)));
    if spec.if_none_match {
        h.push(("if-none-match".to_owned(), "*"));
    }
    h.extend(
        spec.metadata
            .iter()
            .map(|(k, v)| (format!("x-amz-meta-{}", k.to_ascii_lowercase()), v.as_str())),
    );
    h
}

pub(super) const PROBE_KEY: &str = "bucketlens-probe";

/// The bucket's fast-signing template, checked once against the SDK: a presigned GET and PUT for a probe
/// key at the same instant must come out byte for byte the same, or the bucket stays on the SDK.
pub(super) async fn template(
    conn: &Connection,
    bucket: &str,
    creds: &aws_credential_types::Credentials,
) -> Option<std::sync::Arc<fast::Template>> {
    if let Some(t) = conn.fast.template(bucket) {
        return t;
    }
    let checked = check_template(conn, bucket, creds).await;
    if checked.is_none() {
        tracing::warn!(bucket, "presigning through the SDK for this bucket: the fast path's URL differed");
    }
    conn.fast.set_template(bucket, checked)
}

async fn check_template(conn: &Connection, bucket: &str, creds: &aws_credential_types::Credentials) -> Option<fast::Template> {
    let now = SystemTime::now();
    let cfg = || {
        PresigningConfig::builder()
            .start_time(now)
            .expires_in(Duration::from_secs(60))
            .build()
            .ok()
    };
    let get = conn
        .client
        .get_object()
        .bucket(bucket)
        .key(PROBE_KEY)
        .response_content_disposition("inline")
        .presigned(cfg()?)
        .await
        .ok()?;
    let t = fast::Template::from_sdk_url(get.uri(), PROBE_KEY)?;
    let shape = fast::Shape {
        method: "GET",
        op: "GetObject",
        query: &[("response-content-disposition", "inline")],
        headers: &[],
    };
    if conn
        .fast
        .sign(&t, creds, &conn.region, PROBE_KEY, &shape, fast::Validity { from: now, secs: 60 })
        != get.uri()
    {
        return None;
    }
    let spec = PutSpec {
        content_type: "image/png".into(),
        metadata: [("uploaded-by".to_owned(), "probe  check".to_owned())].into(),
        if_none_match: true,
        checksum_sha256: None,
        checksum_crc32c: Some("yZRlqg==".into()),
    };
    let put = super::sdk_put(conn, bucket, PROBE_KEY, &spec).presigned(cfg()?).await.ok()?;
    let headers = put_headers(&spec);
    let shape = fast::Shape {
        method: "PUT",
        op: "PutObject",
        query: &[],
        headers: &headers,
    };
    let same_headers = put.headers().eq(headers.iter().map(|(n, v)| (n.as_str(), *v)));
    (same_headers
        && conn
            .fast
            .sign(&t, creds, &conn.region, PROBE_KEY, &shape, fast::Validity { from: now, secs: 60 })
            == put.uri())
    .then_some(t)
}
