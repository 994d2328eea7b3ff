//! Behind a company's TLS (its own CA, added the way Linux extends the system store: `SSL_CERT_FILE`), the
//! SDK and the upload sender trust the same certificates: listing, a preview link and an upload all work over
//! https. One test in its own process: the environment is read once, when the clients are first built.

mod common;
use bucketlens_core::presign::{presign_get, Disposition};
use bucketlens_core::upload::{upload_file, UploadJob};
use tokio_util::sync::CancellationToken;

#[tokio::test]
async fn list_preview_and_upload_work_through_a_company_ca() {
    // The CA is in place before any client exists, as it is on a company laptop.
    let certs = tempfile::tempdir().unwrap();
    let ca = common::tls::test_ca(certs.path());
    std::env::set_var("SSL_CERT_FILE", &ca.ca_file);
    let f = common::fixture().await;
    let endpoint = common::tls::front(&ca, &f.server.endpoint.endpoint_url).await;
    f.put("reports/q3.pdf", b"%PDF-1.7 quarterly", "application/pdf").await;
    let conn = f.through(&endpoint).await;
    assert!(conn.endpoint_url.as_deref().unwrap().starts_with("https://"));

    // Listing through the SDK's client.
    let mut keys = Vec::new();
    bucketlens_core::listing::list_prefix(&conn, f.bucket, "reports/", 1000, |p| {
        keys.extend(p.objects.iter().map(|o| o.key.clone()));
        true
    })
    .await
    .unwrap();
    assert_eq!(keys, ["reports/q3.pdf"]);

    // A preview link, fetched by the presigned-request client.
    let p = presign_get(&conn, f.bucket, "reports/q3.pdf", &Disposition::Inline, None, 300)
        .await
        .unwrap();
    assert!(p.url.starts_with(&endpoint), "{}", p.url);
    let r = bucketlens_core::http::http_client().get(&p.url).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().as_ref(), b"%PDF-1.7 quarterly");

    // An upload (HEAD through the SDK, the PUT through the sender).
    let file = f.dir.path().join("photo.png");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\n-not-really-an-image-but-typed").unwrap();
    upload_file(
        &conn,
        &UploadJob::new(&file, f.bucket, "uploads/photo.png"),
        &CancellationToken::new(),
        &|_, _| {},
    )
    .await
    .unwrap();
    let stored = f
        .conn
        .client
        .get_object()
        .bucket(f.bucket)
        .key("uploads/photo.png")
        .send()
        .await
        .unwrap();
    assert_eq!(stored.content_type(), Some("image/png"));
}
