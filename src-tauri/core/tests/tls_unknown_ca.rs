//! The same https endpoint as `tls_company_ca`, on a computer that was not given the company's CA: listing
//! and uploads fail with TlsUntrusted (what to ask IT for), not a vague network error, and nothing is stored.
//! Its own process: the system's certificates are read once, when the clients are first built.

mod common;
use bucketlens_core::upload::{upload_file, UploadJob};
use bucketlens_core::ErrorKind;
use tokio_util::sync::CancellationToken;

#[tokio::test]
async fn without_the_company_ca_every_request_says_the_certificate_is_not_trusted() {
    std::env::remove_var("SSL_CERT_FILE");
    std::env::remove_var("SSL_CERT_DIR");
    let certs = tempfile::tempdir().unwrap();
    let ca = common::tls::test_ca(certs.path());
    let f = common::fixture().await;
    let endpoint = common::tls::front(&ca, &f.server.endpoint.endpoint_url).await;
    let conn = f.through(&endpoint).await;
    let e = bucketlens_core::listing::list_prefix(&conn, f.bucket, "", 1000, |_| true)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TlsUntrusted, "{e}");
    assert!(e.message().contains("not trusted") && e.message().contains("UnknownIssuer"), "{e}");

    let file = f.dir.path().join("photo.png");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\n-typed").unwrap();
    let e = upload_file(
        &conn,
        &UploadJob::new(&file, f.bucket, "photo.png"),
        &CancellationToken::new(),
        &|_, _| {},
    )
    .await
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TlsUntrusted, "{e}");
    let r = bucketlens_core::http::http_client()
        .get(format!("{endpoint}/{}/photo.png", f.bucket))
        .send()
        .await;
    assert_eq!(bucketlens_core::Error::from(r.unwrap_err()).kind(), ErrorKind::TlsUntrusted);
    assert!(
        f.conn.client.head_object().bucket(f.bucket).key("photo.png").send().await.is_err(),
        "nothing stored"
    );
}
