//! Fills the demo bucket through the S3 API (signed PUTs), once per data folder.

use super::samples::{encode, japanese_pdf, picture, report_pdf, svg_logo};
use bucketlens_core::client::Connection;
use bucketlens_core::error::Result;
use bucketlens_core::error_map::from_sdk;
use futures::{stream, StreamExt, TryStreamExt};
use image::ImageFormat;

/// One object of the demo bucket.
pub struct SampleObject {
    pub key: String,
    pub body: Vec<u8>,
    /// `None` stores the object without a type, as careless uploaders do.
    pub content_type: Option<&'static str>,
}

fn obj(key: &str, body: Vec<u8>, ct: Option<&'static str>) -> SampleObject {
    SampleObject {
        key: key.to_owned(),
        body,
        content_type: ct,
    }
}

/// Keys with characters that break naive URL handling.
pub const ODD_KEYS: &[&str] = &[
    "odd/space name.txt",
    "odd/plus+sign.txt",
    "odd/percent%20literal.txt",
    "odd/hash#tag.txt",
    "odd/question?.txt",
    "odd/日本語ファイル.txt",
    "odd/mixed + 混在 %#?.txt",
];

/// How many keys the large prefix holds (more than two listing pages).
pub const MANY_COUNT: usize = 2500;

/// Everything but the large prefix.
pub fn samples() -> Vec<SampleObject> {
    let mut v = vec![
        obj(
            "welcome.txt",
            "Welcome to the BucketLens demo bucket.\nEverything here is generated locally.\n".into(),
            Some("text/plain; charset=utf-8"),
        ),
        obj(
            "reports/2026-q3-summary.pdf",
            report_pdf("Q3 2026 Summary", 3),
            Some("application/pdf"),
        ),
        obj("reports/月次報告書.pdf", japanese_pdf(), Some("application/pdf")),
        obj(
            "reports/budget 2026+draft.pdf",
            report_pdf("Budget 2026 (draft)", 2),
            Some("application/pdf"),
        ),
        obj(
            "reports/archive/2025-annual.pdf",
            report_pdf("Annual Report 2025", 4),
            Some("application/pdf"),
        ),
        obj("reports/untyped-report.pdf", report_pdf("Stored without a type", 1), None),
        obj(
            "images/photo.jpg",
            encode(picture(1200, 800, 10), ImageFormat::Jpeg),
            Some("image/jpeg"),
        ),
        obj(
            "images/diagram.png",
            encode(picture(640, 480, 90), ImageFormat::Png),
            Some("image/png"),
        ),
        obj(
            "images/banner.webp",
            encode(picture(800, 240, 160), ImageFormat::WebP),
            Some("image/webp"),
        ),
        obj(
            "images/icon.gif",
            encode(picture(128, 128, 200), ImageFormat::Gif),
            Some("image/gif"),
        ),
        obj("images/logo.svg", svg_logo(), Some("image/svg+xml")),
        obj(
            "images/写真 2026.jpg",
            encode(picture(640, 480, 40), ImageFormat::Jpeg),
            Some("image/jpeg"),
        ),
        obj(
            "images/scan-without-type",
            encode(picture(400, 300, 120), ImageFormat::Jpeg),
            Some("application/octet-stream"),
        ),
        obj(
            "notes/page.html",
            b"<html><body><script>alert(1)</script>Not rendered inline.</body></html>".to_vec(),
            Some("text/html"),
        ),
        // A page dressed as a PDF, stored with no useful type: previews serve it as a PDF, so it never runs.
        obj(
            "notes/not-really.pdf",
            b"<html><head><script>document.title='pwned'</script></head><body><h1 id=disguised>A page, not a PDF</h1>\
              </body></html>"
                .to_vec(),
            Some("application/octet-stream"),
        ),
        obj("notes/empty.txt", Vec::new(), Some("text/plain")),
        obj("notes/README.md", README_MD.into(), Some("text/markdown; charset=utf-8")),
        // Excel on a Japanese Windows saves CSV as Shift_JIS; S3 keeps whatever type the uploader sent.
        obj("reports/売上集計-2026.csv", sales_csv(), Some("text/csv")),
        obj(
            "notes/settings.json",
            r#"{"region":"ap-northeast-1","retention":{"days":90,"rate":0.10},"owners":["経理部","IT"]}"#
                .as_bytes()
                .to_vec(),
            Some("application/json"),
        ),
        obj("notes/server.log", server_log(), Some("text/plain")),
    ];
    for k in ODD_KEYS {
        v.push(obj(
            k,
            format!("This object's key is {k:?}.\n").into_bytes(),
            Some("text/plain; charset=utf-8"),
        ));
    }
    v
}

/// A Markdown note with what a renderer must keep harmless: raw HTML, a script, a remote image, links.
const README_MD: &str = "# チームの資料 / Team documents\n\n\
Reports are under `reports/`, photos under `images/`.\n\n\
| Folder | Owner |\n|---|---|\n| reports | 経理部 |\n| images | 広報 |\n\n\
- Read the [handbook](https://example.com/handbook)\n- <script>document.title='pwned'</script>Scripts never run\n\n\
![Team photo](https://tracker.example.com/pixel.png)\n";

fn sales_csv() -> Vec<u8> {
    let mut csv = String::from("月,部署,売上(円),備考\r\n");
    for (m, dept, amount) in [
        (1, "営業", 1_200_000),
        (2, "営業", 980_000),
        (3, "開発", 450_000),
        (4, "経理", 120_000),
    ] {
        csv.push_str(&format!("2026-{m:02},{dept},\"{amount}\",\"前年比 +{m}%\"\r\n"));
    }
    encoding_rs::SHIFT_JIS.encode(&csv).0.into_owned()
}

fn server_log() -> Vec<u8> {
    (0..400)
        .map(|i| {
            format!(
                "2026-11-30T09:{:02}:{:02}Z INFO request {i} served in {} ms\n",
                i / 60,
                i % 60,
                3 + i % 17
            )
        })
        .collect::<String>()
        .into_bytes()
}

pub fn many_key(i: usize) -> String {
    format!("many/item-{i:05}.txt")
}

async fn put(conn: &Connection, bucket: &str, o: SampleObject) -> Result<()> {
    conn.client
        .put_object()
        .bucket(bucket)
        .key(&o.key)
        .set_content_type(o.content_type.map(str::to_owned))
        .metadata("uploaded-by", "bucketlens-demo")
        .body(o.body.into())
        .send()
        .await
        .map_err(|e| from_sdk(e).about(bucket, Some(&o.key)))?;
    Ok(())
}

/// Uploads the samples (and, if `with_many`, the large prefix) unless the marker says it was done.
pub async fn seed(conn: &Connection, bucket: &str, data_dir: &std::path::Path, with_many: bool) -> Result<()> {
    let marker = data_dir.join(format!(".bucketlens-seeded-v2-{bucket}{}", if with_many { "-many" } else { "" }));
    if marker.exists() {
        return Ok(());
    }
    let started = std::time::Instant::now();
    let mut all = samples();
    if with_many {
        all.extend((1..=MANY_COUNT).map(|i| obj(&many_key(i), format!("item {i}\n").into_bytes(), Some("text/plain"))));
    }
    let count = all.len();
    stream::iter(all)
        .map(|o| put(conn, bucket, o))
        .buffer_unordered(16)
        .try_collect::<()>()
        .await?;
    std::fs::write(&marker, b"ok")?;
    tracing::info!(count, ms = started.elapsed().as_millis() as u64, "demo bucket seeded");
    Ok(())
}
