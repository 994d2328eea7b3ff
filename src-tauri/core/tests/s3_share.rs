//! Sharing several files against the embedded S3 with SigV4 checking on: each link answers 200 with the file's
//! bytes (odd names included), inline for PDFs and images and a download otherwise, and expires when it says.

mod common;
use bucketlens_core::share::share_links;

#[tokio::test]
async fn each_shared_file_gets_a_working_link_with_its_real_expiry_in_the_order_given() {
    let f = common::fixture().await;
    let files: [(&str, &[u8], &str); 4] = [
        ("share/請求書 2026+1%.pdf", b"%PDF-1.4 one", "application/pdf"),
        ("share/photo #1.png", b"\x89PNG\r\n\x1a\nxx", "image/png"),
        ("share/page.html", b"<script>alert(1)</script>", "text/html"),
        ("share/notes.txt", b"plain", "text/plain"),
    ];
    for (k, body, t) in files {
        f.put(k, body, t).await;
    }
    let keys: Vec<String> = files.iter().map(|(k, _, _)| k.to_string()).collect();
    let before = chrono::Utc::now().timestamp_millis();
    let links = share_links(&f.conn, f.bucket, &keys, 120).await.unwrap();
    assert_eq!(links.iter().map(|l| l.key.clone()).collect::<Vec<_>>(), keys, "in the order given");
    for ((_, body, _), l) in files.iter().zip(&links) {
        let r = common::http_get(&l.link.url).await;
        assert_eq!(r.status(), 200, "{}", l.key);
        let disposition = r.headers().get("content-disposition").map(|v| v.to_str().unwrap_or("").to_owned());
        let inline = l.key.ends_with(".pdf") || l.key.ends_with(".png");
        assert_eq!(
            disposition.as_deref().is_some_and(|d| d.starts_with("inline")),
            inline,
            "{} {disposition:?}",
            l.key
        );
        assert_eq!(&r.bytes().await.unwrap()[..], *body);
        assert_eq!(l.link.effective_secs, 120);
        let expected = before + 120_000;
        assert!((l.link.expires_at - expected).abs() < 5_000, "{} vs {expected}", l.link.expires_at);
    }
}

#[tokio::test]
async fn a_file_that_cannot_be_shared_fails_the_share_naming_it() {
    let f = common::fixture().await;
    f.put("s/a.pdf", b"%PDF", "application/pdf").await;
    let keys = vec!["s/a.pdf".to_string(), "s/missing.pdf".to_string()];
    let e = share_links(&f.conn, f.bucket, &keys, 60).await.unwrap_err();
    assert_eq!(e.detail().key.as_deref(), Some("s/missing.pdf"), "{e}");
}

#[tokio::test]
async fn an_expired_shared_link_is_refused_by_the_server() {
    let f = common::fixture().await;
    f.put("s/short.pdf", b"%PDF", "application/pdf").await;
    let links = share_links(&f.conn, f.bucket, &["s/short.pdf".to_string()], 1).await.unwrap();
    assert_eq!(common::http_get(&links[0].link.url).await.status(), 200);
    tokio::time::sleep(std::time::Duration::from_millis(2_100)).await;
    assert_eq!(common::http_get(&links[0].link.url).await.status(), 403, "expired as stated");
}
