//! The fast signer's URLs equal aws-sdk-s3's `presigned()` byte for byte: odd keys, dispositions,
//! response types, PUT headers, session tokens, path-style and virtual-host endpoints, a day boundary.

use super::template::{put_headers, PROBE_KEY};
use super::PutSpec;
use crate::client::{connect, Connection, Secret, Target};
use crate::sigv4::{Shape, Template};
use aws_sdk_s3::presigning::PresigningConfig;
use std::time::{Duration, SystemTime};

const KEYS: &[&str] = &[
    "report.pdf",
    "a b/c d.pdf",
    "plus+sign.png",
    "100%.png",
    "hash#tag.jpg",
    "what?.jpg",
    "日本語/月次報告書.pdf",
    "emoji 📄.pdf",
    "double//slash/./dot/../x",
    "trailing/",
    "quote'\"&=;,:@$!*().png",
    "tab\there",
    "ｆｕｌｌｗｉｄｔｈ　スペース.jpg",
];

async fn conn(token: Option<&str>, endpoint: Option<&str>, path_style: bool, region: &str) -> Connection {
    let target = Target::Static {
        label: "fast".into(),
        access_key: "AKIDEXAMPLE".into(),
        secret_key: Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into()),
        session_token: token.map(|t| Secret(t.to_owned())),
        region: region.into(),
        endpoint_url: endpoint.map(str::to_owned),
        path_style,
    };
    connect(&Default::default(), &target).await.unwrap()
}

fn at(secs: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
}

fn cfg(now: SystemTime, secs: u64) -> PresigningConfig {
    PresigningConfig::builder()
        .start_time(now)
        .expires_in(Duration::from_secs(secs))
        .build()
        .unwrap()
}

async fn template(c: &Connection, bucket: &str) -> Template {
    let probe = c
        .client
        .get_object()
        .bucket(bucket)
        .key(PROBE_KEY)
        .presigned(cfg(at(1_800_000_000), 60))
        .await
        .unwrap();
    Template::from_sdk_url(probe.uri(), PROBE_KEY).unwrap()
}

#[tokio::test]
async fn urls_equal_the_sdks_byte_for_byte() {
    let setups = [
        (None, None, false, "us-east-1", "bucket"),
        (Some("IQoJb3JpZ2luX2VjE/+session=="), None, false, "ap-northeast-1", "team-docs"),
        (None, None, false, "eu-west-3", "dotted.bucket.name"),
        (Some("tok"), Some("http://127.0.0.1:9000"), true, "us-east-1", "local"),
        (None, Some("https://minio.example.com:8443/"), true, "garage", "b1"),
        (None, Some("https://s3.example.com"), false, "us-east-1", "virt"),
    ];
    // A day boundary in the middle makes the cached signing key roll over.
    let times = [at(1_790_035_199), at(1_790_035_200), at(1_790_035_201), at(1_790_000_000)];
    let mut compared = 0;
    for (token, endpoint, path_style, region, bucket) in setups {
        let c = conn(token, endpoint, path_style, region).await;
        let creds = c.creds.current().await.unwrap();
        let t = template(&c, bucket).await;
        for now in times {
            for key in KEYS {
                for (disposition, response_type) in [
                    ("inline".to_owned(), None),
                    (super::attachment_header(key.rsplit('/').next().unwrap()), Some("application/pdf")),
                ] {
                    let sdk = c
                        .client
                        .get_object()
                        .bucket(bucket)
                        .key(*key)
                        .response_content_disposition(&disposition)
                        .set_response_content_type(response_type.map(str::to_owned))
                        .presigned(cfg(now, 300))
                        .await
                        .unwrap();
                    let mut query = vec![("response-content-disposition", disposition.as_str())];
                    query.extend(response_type.map(|t| ("response-content-type", t)));
                    let shape = Shape {
                        method: "GET",
                        op: "GetObject",
                        query: &query,
                        headers: &[],
                    };
                    assert_eq!(
                        c.fast
                            .sign(&t, &creds, region, key, &shape, crate::sigv4::Validity { from: now, secs: 300 }),
                        sdk.uri(),
                        "GET {key:?} {endpoint:?}"
                    );
                    compared += 1;
                }
                for (content_type, meta, if_none_match, sha256, crc32c) in [
                    ("image/jpeg", "hanako", false, None, None),
                    (
                        "text/plain; charset=utf-8",
                        "  山田 は  ASCII only ",
                        true,
                        Some("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
                        None,
                    ),
                    ("image/png", "Hanako Yamada", true, None, Some("yZRlqg==")),
                ] {
                    let meta = meta.replace(|c: char| !c.is_ascii(), "x");
                    let spec = PutSpec {
                        content_type: content_type.into(),
                        metadata: [("uploaded-by".to_owned(), meta.clone())].into(),
                        if_none_match,
                        checksum_sha256: sha256.map(str::to_owned),
                        checksum_crc32c: crc32c.map(str::to_owned),
                    };
                    let mut op = c
                        .client
                        .put_object()
                        .bucket(bucket)
                        .key(*key)
                        .content_type(content_type)
                        .metadata("uploaded-by", &meta)
                        .set_checksum_sha256(spec.checksum_sha256.clone())
                        .set_checksum_crc32_c(spec.checksum_crc32c.clone());
                    if if_none_match {
                        op = op.if_none_match("*");
                    }
                    let sdk = op.presigned(cfg(now, 1800)).await.unwrap();
                    let headers = put_headers(&spec);
                    let shape = Shape {
                        method: "PUT",
                        op: "PutObject",
                        query: &[],
                        headers: &headers,
                    };
                    assert_eq!(
                        c.fast
                            .sign(&t, &creds, region, key, &shape, crate::sigv4::Validity { from: now, secs: 1800 }),
                        sdk.uri(),
                        "PUT {key:?} {endpoint:?}"
                    );
                    assert!(
                        sdk.headers().eq(headers.iter().map(|(n, v)| (n.as_str(), *v))),
                        "PUT headers for {key:?}"
                    );
                    compared += 1;
                }
            }
        }
    }
    assert_eq!(compared, 6 * 4 * KEYS.len() * 5);
}

#[tokio::test]
async fn the_public_path_uses_the_fast_signer_after_the_bucket_check() {
    let c = conn(None, Some("http://127.0.0.1:9"), true, "us-east-1").await;
    assert!(c.fast.template("b").is_none());
    let url = super::presign_get(&c, "b", "x y.pdf", &super::Disposition::Inline, None, 300)
        .await
        .unwrap()
        .url;
    assert!(c.fast.template("b").flatten().is_some(), "the bucket passed its check");
    assert!(
        url.starts_with("http://127.0.0.1:9/b/x%20y.pdf?x-id=GetObject&response-content-disposition=inline&X-Amz-Algorithm="),
        "{url}"
    );
}

#[test]
fn a_template_needs_the_probe_key_at_the_end_of_the_path() {
    let t = Template::from_sdk_url("https://b.s3.amazonaws.com/bucketlens-probe?x-id=GetObject", PROBE_KEY);
    assert!(t.is_some());
    assert!(Template::from_sdk_url("https://b.s3.amazonaws.com/other?x-id=GetObject", PROBE_KEY).is_none());
    assert!(Template::from_sdk_url("https://user@host/bucketlens-probe", PROBE_KEY).is_none());
}
