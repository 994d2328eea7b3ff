//! Presigned GET/PUT/DELETE against the embedded S3 with signature checking: bytes, headers, refusals.

mod common;
use bucketlens_core::listing::list_prefix;
use bucketlens_core::objects::head_object;
use bucketlens_core::presign::{presign_delete, presign_get, presign_head, presign_put, Disposition, PutSpec};
use bucketlens_core::ErrorKind;
use bucketlens_demo::seed::ODD_KEYS;
use std::collections::BTreeMap;

#[tokio::test]
async fn presigned_get_serves_bytes_inline() {
    let f = common::fixture().await;
    let pdf = bucketlens_demo::test_samples::pdf();
    f.put("reports/q3.pdf", &pdf, "application/pdf").await;
    let p = presign_get(&f.conn, f.bucket, "reports/q3.pdf", &Disposition::Inline, None, 300)
        .await
        .unwrap();
    assert_eq!(p.method, "GET");
    assert!(p.url.contains("X-Amz-Expires=300"), "{}", p.url);
    assert!(p.url.contains("response-content-disposition=inline"));
    assert_eq!((p.effective_secs, p.limited_by_credentials), (300, false));
    let r = common::http_get(&p.url).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-disposition"], "inline");
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert_eq!(r.bytes().await.unwrap().as_ref(), pdf.as_slice());
}

#[tokio::test]
async fn attachment_and_type_override() {
    let f = common::fixture().await;
    f.put("scans/報告書.pdf", b"%PDF-1.4", "application/octet-stream").await;
    let d = Disposition::Attachment {
        filename: "報告書.pdf".into(),
    };
    let p = presign_get(&f.conn, f.bucket, "scans/報告書.pdf", &d, Some("application/pdf"), 60)
        .await
        .unwrap();
    let r = common::http_get(&p.url).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let cd = r.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(cd.starts_with("attachment; filename=\""), "{cd}");
    assert!(cd.ends_with("filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8.pdf"), "{cd}");
}

#[tokio::test]
async fn tampered_url_is_refused() {
    let f = common::fixture().await;
    f.put("a.txt", b"secret", "text/plain").await;
    let p = presign_get(&f.conn, f.bucket, "a.txt", &Disposition::Inline, None, 300)
        .await
        .unwrap();
    // Ask for another key with the same signature.
    let other = p.url.replace("/a.txt?", "/b.txt?");
    assert_ne!(other, p.url);
    let r = common::http_get(&other).await;
    assert_eq!(r.status(), 403);
    let e = bucketlens_core::error_map::from_http(403, None, &r.text().await.unwrap());
    assert_eq!(e.kind(), ErrorKind::SignatureMismatch, "{e}");
    // Stretch the lifetime: also refused.
    let longer = p.url.replace("X-Amz-Expires=300", "X-Amz-Expires=600");
    assert_eq!(common::http_get(&longer).await.status(), 403);
}

#[tokio::test]
async fn expired_url_is_refused() {
    let f = common::fixture().await;
    f.put("a.txt", b"x", "text/plain").await;
    let p = presign_get(&f.conn, f.bucket, "a.txt", &Disposition::Inline, None, 1)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let r = common::http_get(&p.url).await;
    assert_eq!(r.status(), 403);
    let e = bucketlens_core::error_map::from_http(403, None, &r.text().await.unwrap());
    assert_eq!(e.kind(), ErrorKind::ExpiredUrl, "{e}");
}

fn put_spec(ct: &str) -> PutSpec {
    let mut metadata = BTreeMap::new();
    metadata.insert("uploaded-by".to_owned(), "hanako".to_owned());
    PutSpec {
        content_type: ct.into(),
        metadata,
        if_none_match: false,
        checksum_sha256: None,
        checksum_crc32c: None,
    }
}

async fn send(
    p: &bucketlens_core::presign::Presigned,
    body: &[u8],
    skip: Option<&str>,
    replace: Option<(&str, &str)>,
) -> reqwest::Response {
    let mut req = reqwest::Client::new().put(&p.url).body(body.to_vec());
    for h in &p.headers {
        if Some(h.name.as_str()) == skip {
            continue;
        }
        match replace {
            Some((n, v)) if n == h.name => req = req.header(n, v),
            _ => req = req.header(&h.name, &h.value),
        }
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn presigned_put_stores_the_signed_type_and_metadata() {
    let f = common::fixture().await;
    let png = bucketlens_demo::test_samples::png();
    let p = presign_put(&f.conn, f.bucket, "up/pic.png", &put_spec("image/png"), 1800)
        .await
        .unwrap();
    let names: Vec<&str> = p.headers.iter().map(|h| h.name.as_str()).collect();
    assert!(
        names.contains(&"content-type") && names.contains(&"x-amz-meta-uploaded-by"),
        "{names:?}"
    );
    assert_eq!(send(&p, &png, None, None).await.status(), 200);
    let m = head_object(&f.conn, f.bucket, "up/pic.png").await.unwrap();
    assert_eq!(m.content_type.as_deref(), Some("image/png"));
    assert_eq!(m.metadata.get("uploaded-by").map(String::as_str), Some("hanako"));
    assert_eq!(m.size, png.len() as i64);
}

#[tokio::test]
async fn presigned_put_refuses_another_type_or_missing_headers() {
    let f = common::fixture().await;
    let p = presign_put(&f.conn, f.bucket, "up/pic.png", &put_spec("image/png"), 1800)
        .await
        .unwrap();
    assert_eq!(send(&p, b"x", None, Some(("content-type", "image/jpeg"))).await.status(), 403);
    assert_eq!(send(&p, b"x", Some("x-amz-meta-uploaded-by"), None).await.status(), 403);
    assert!(!bucketlens_core::objects::exists(&f.conn, f.bucket, "up/pic.png").await.unwrap());
}

#[tokio::test]
async fn checksum_and_if_none_match_are_enforced() {
    let f = common::fixture().await;
    use base64::Engine;
    use sha2::Digest;
    let body = b"the real body".to_vec();
    let sum = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&body));
    let spec = PutSpec {
        checksum_sha256: Some(sum),
        if_none_match: true,
        ..put_spec("text/plain")
    };
    let p = presign_put(&f.conn, f.bucket, "c.txt", &spec, 600).await.unwrap();
    let bad = send(&p, b"a corrupted body", None, None).await;
    assert_eq!(bad.status(), 400, "{:?}", bad.text().await);
    assert!(!bucketlens_core::objects::exists(&f.conn, f.bucket, "c.txt").await.unwrap());
    assert_eq!(send(&p, &body, None, None).await.status(), 200);
    let again = send(&p, &body, None, None).await;
    assert_eq!(again.status(), 412);
}

#[tokio::test]
async fn a_crc32c_checksum_is_enforced() {
    let f = common::fixture().await;
    use base64::Engine;
    let body = b"the real body".to_vec();
    let crc = base64::engine::general_purpose::STANDARD.encode(crc32c::crc32c(&body).to_be_bytes());
    let spec = PutSpec {
        checksum_crc32c: Some(crc),
        ..put_spec("text/plain")
    };
    let p = presign_put(&f.conn, f.bucket, "crc.txt", &spec, 600).await.unwrap();
    assert!(p.headers.iter().any(|h| h.name == "x-amz-checksum-crc32c"), "{:?}", p.headers);
    let bad = send(&p, b"the real bodY", None, None).await;
    assert_eq!(bad.status(), 400, "{:?}", bad.text().await);
    assert!(!bucketlens_core::objects::exists(&f.conn, f.bucket, "crc.txt").await.unwrap());
    assert_eq!(send(&p, &body, None, None).await.status(), 200);
}

#[tokio::test]
async fn every_odd_key_round_trips() {
    let f = common::fixture().await;
    for k in ODD_KEYS {
        f.put(k, k.as_bytes(), "text/plain").await;
    }
    let mut listed = Vec::new();
    list_prefix(&f.conn, f.bucket, "odd/", 1000, |p| {
        listed.extend(p.objects.into_iter().map(|o| o.key));
        true
    })
    .await
    .unwrap();
    let mut want: Vec<String> = ODD_KEYS.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(listed, want);
    for k in &listed {
        let p = presign_get(&f.conn, f.bucket, k, &Disposition::Inline, None, 60).await.unwrap();
        let r = common::http_get(&p.url).await;
        assert_eq!(r.status(), 200, "{k}");
        assert_eq!(r.text().await.unwrap(), *k);
        let h = presign_head(&f.conn, f.bucket, k, 60).await.unwrap();
        assert_eq!(reqwest::Client::new().head(&h.url).send().await.unwrap().status(), 200, "{k}");
    }
}

#[tokio::test]
async fn presigned_delete_removes_the_object() {
    let f = common::fixture().await;
    f.put("old.pdf", b"x", "application/pdf").await;
    let p = presign_delete(&f.conn, f.bucket, "old.pdf", 300).await.unwrap();
    assert_eq!(p.method, "DELETE");
    let r = reqwest::Client::new().delete(&p.url).send().await.unwrap();
    assert_eq!(r.status(), 204);
    assert!(!bucketlens_core::objects::exists(&f.conn, f.bucket, "old.pdf").await.unwrap());
}

#[tokio::test]
async fn expiry_is_clamped_to_seven_days() {
    let f = common::fixture().await;
    let p = presign_get(&f.conn, f.bucket, "x", &Disposition::Inline, None, 30 * 86400)
        .await
        .unwrap();
    assert_eq!(p.effective_secs, 604_800);
    assert!(p.url.contains("X-Amz-Expires=604800"));
    let p = presign_get(&f.conn, f.bucket, "x", &Disposition::Inline, None, 0).await.unwrap();
    assert_eq!(p.effective_secs, 1);
}

#[tokio::test]
async fn delete_and_sniff() {
    let f = common::fixture().await;
    f.put("scan", &bucketlens_demo::test_samples::jpeg(), "application/octet-stream")
        .await;
    let d = bucketlens_core::objects::sniff_type(&f.conn, f.bucket, "scan").await.unwrap();
    assert_eq!(d.mime, "image/jpeg");
    bucketlens_core::objects::delete_object(&f.conn, f.bucket, "scan", 300)
        .await
        .unwrap();
    assert!(!bucketlens_core::objects::exists(&f.conn, f.bucket, "scan").await.unwrap());
    let wrong = f.with_secret("bad").await;
    let e = bucketlens_core::objects::delete_object(&wrong, f.bucket, "scan", 300)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::SignatureMismatch, "{e}");
}
