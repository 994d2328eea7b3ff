//! Previews and browser links against the embedded S3: the served type is the backend's allow-listed choice,
//! an object swapped for HTML is never served as HTML inline, and dot-segment keys keep their path.

mod common;
use bucketlens_core::presign::presign_delete;
use bucketlens_core::preview::{open, share_link, CardReason, Viewer};
use bucketlens_core::ErrorKind;
use bucketlens_demo::samples::report_pdf;

const HTML: &[u8] = b"<!doctype html><html><body><script>document.title='pwned'</script>hello</body></html>";

async fn served(url: &str) -> (String, String, Vec<u8>) {
    let r = common::http_get(url).await;
    assert_eq!(r.status(), 200, "{url}");
    let h = |n: &str| r.headers().get(n).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    let (ct, cd) = (h("content-type"), h("content-disposition"));
    (ct, cd, r.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn an_object_swapped_for_html_after_the_check_is_still_served_as_a_pdf() {
    let f = common::fixture().await;
    f.put("swap/report.pdf", &report_pdf("Q3", 1), "application/pdf").await;
    let p = open(&f.conn, f.bucket, "swap/report.pdf", 300).await.unwrap();
    assert_eq!((p.viewer, p.served_as.as_deref()), (Viewer::Pdf, Some("application/pdf")));
    let link = p.link.unwrap().url;
    assert!(link.contains("response-content-type=application%2Fpdf"), "{link}");

    // A colleague (or an attacker) replaces the object with a page between our HEAD and the frame's GET.
    f.put("swap/report.pdf", HTML, "text/html").await;
    let (ct, cd, body) = served(&link).await;
    assert_eq!(body, HTML, "the new bytes arrive");
    assert_eq!((ct.as_str(), cd.as_str()), ("application/pdf", "inline"), "but never as a page");

    // Opened again, the HTML is its source as text, with no link at all.
    let again = open(&f.conn, f.bucket, "swap/report.pdf", 300).await.unwrap();
    assert_eq!((again.viewer, again.link.is_none()), (Viewer::Text, true));
    assert_eq!(again.text.unwrap().text.as_bytes(), HTML);
}

#[tokio::test]
async fn generic_types_defer_to_the_name_then_the_bytes() {
    let f = common::fixture().await;
    let jpeg = bucketlens_demo::test_samples::jpeg();
    f.put("a/html-named.pdf", HTML, "application/octet-stream").await;
    f.put("a/scan", &jpeg, "binary/octet-stream").await;
    f.put("a/page", HTML, "application/octet-stream").await;
    f.put("a/empty.pdf", b"", "application/pdf").await;
    f.put("a/logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
        .await;

    let p = open(&f.conn, f.bucket, "a/html-named.pdf", 300).await.unwrap();
    let (ct, _, _) = served(&p.link.unwrap().url).await;
    assert_eq!((p.viewer, ct.as_str()), (Viewer::Pdf, "application/pdf"));

    let p = open(&f.conn, f.bucket, "a/scan", 300).await.unwrap();
    let (ct, cd, _) = served(&p.link.unwrap().url).await;
    assert_eq!((p.viewer, ct.as_str(), cd.as_str()), (Viewer::Image, "image/jpeg", "inline"));

    let p = open(&f.conn, f.bucket, "a/page", 300).await.unwrap();
    assert_eq!(
        (p.viewer, p.link.is_none()),
        (Viewer::Text, true),
        "a page without a name is its source"
    );
    let p = open(&f.conn, f.bucket, "a/empty.pdf", 300).await.unwrap();
    assert_eq!((p.viewer, p.card, p.link.is_none()), (Viewer::Card, Some(CardReason::Empty), true));
    let p = open(&f.conn, f.bucket, "a/logo.svg", 300).await.unwrap();
    assert_eq!(p.viewer, Viewer::Image, "SVG is previewed, only ever through <img>");
}

#[tokio::test]
async fn browser_links_are_inline_only_for_pdfs_and_raster_images() {
    let f = common::fixture().await;
    f.put("l/report.pdf", &report_pdf("R", 1), "application/pdf").await;
    f.put("l/page.pdf", HTML, "text/html").await;
    f.put(
        "l/logo.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>1</script></svg>",
        "image/svg+xml",
    )
    .await;
    let link = |key: &'static str, inline| {
        let c = &f.conn;
        async move { share_link(c, "test-bucket", key, inline, 300).await.unwrap().url }
    };
    let (ct, cd, _) = served(&link("l/report.pdf", true).await).await;
    assert_eq!((ct.as_str(), cd.as_str()), ("application/pdf", "inline"));
    for key in ["l/page.pdf", "l/logo.svg"] {
        let (_, cd, _) = served(&link(key, true).await).await;
        assert!(cd.starts_with("attachment; filename=\""), "{key}: {cd}");
    }
    let (_, cd, _) = served(&link("l/report.pdf", false).await).await;
    assert!(cd.starts_with("attachment"), "{cd}");
    let e = share_link(&f.conn, f.bucket, "l/../report.pdf", true, 300).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn a_dot_segment_key_is_deleted_with_its_path_as_signed() {
    let f = common::fixture().await;
    let key = "old/../report.pdf";
    // A URL parser removes the segment, so a presigned DELETE reaches /report.pdf and its signature fails.
    let p = presign_delete(&f.conn, f.bucket, key, 60).await.unwrap();
    let r = reqwest::Client::new().delete(&p.url).send().await.unwrap();
    assert_eq!(r.status(), 403, "the normalised path breaks the signature");
    // Our delete sends the path unchanged: the signature holds and the server judges the key itself (this
    // file-backed server does not store such keys and says so; S3 deletes the object).
    let e = bucketlens_core::objects::delete_object(&f.conn, f.bucket, key, 60)
        .await
        .unwrap_err();
    assert_ne!(e.kind(), ErrorKind::SignatureMismatch, "{e}");
    assert!(e.to_string().contains("does not store keys with"), "{e}");
}
