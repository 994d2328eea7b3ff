//! Text, tables, Markdown and media against the embedded S3: one `open` per selection reads the first MiB
//! with a ranged GET, decodes it (Shift_JIS included) and lays it out; media gets a link served as its type.

mod common;
use bucketlens_core::preview::text::{MAX_ROWS, TEXT_LIMIT};
use bucketlens_core::preview::{open, CardReason, Viewer};

#[tokio::test]
async fn a_csv_report_is_a_table_not_a_card() {
    let f = common::fixture().await;
    let mut csv = String::from("部署,売上,備考\n");
    for i in 0..1500 {
        csv.push_str(&format!("営業{i},\"1,{i:03}\",\"改行\nあり\"\n"));
    }
    // Excel on a Japanese Windows writes Shift_JIS, and S3 uploaders often store it as text/plain.
    let sjis = encoding_rs::SHIFT_JIS.encode(&csv).0;
    f.put("r/売上.csv", &sjis, "text/plain").await;
    let p = open(&f.conn, f.bucket, "r/売上.csv", 300).await.unwrap();
    assert_eq!((p.viewer, p.link.is_none(), p.card), (Viewer::Table, true, None));
    let t = p.table.unwrap();
    assert_eq!(
        (t.encoding.as_str(), t.delimiter.as_str(), t.rows.len(), t.more),
        ("Shift_JIS", ",", MAX_ROWS, true)
    );
    assert_eq!(t.rows[0], ["部署", "売上", "備考"]);
    assert_eq!(t.rows[2], ["営業1", "1,001", "改行\nあり"]);
}

#[tokio::test]
async fn markdown_json_and_logs_arrive_as_text() {
    let f = common::fixture().await;
    f.put(
        "t/README.md",
        "# 見出し\n\n- item <script>x</script>\n".as_bytes(),
        "application/octet-stream",
    )
    .await;
    f.put("t/data.json", br#"{"total":10.50,"rows":[1,2]}"#, "application/json").await;
    f.put("t/noname", b"plain words without a name or a type\n", "application/octet-stream")
        .await;
    f.put("t/blob.txt", &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0], "text/plain").await;

    let p = open(&f.conn, f.bucket, "t/README.md", 300).await.unwrap();
    let text = p.text.unwrap();
    assert_eq!(
        (p.viewer, text.text.as_str()),
        (Viewer::Markdown, "# 見出し\n\n- item <script>x</script>\n")
    );
    let p = open(&f.conn, f.bucket, "t/data.json", 300).await.unwrap();
    let text = p.text.unwrap();
    assert_eq!((p.viewer, text.pretty), (Viewer::Text, true));
    assert_eq!(text.text, "{\n  \"total\": 10.50,\n  \"rows\": [\n    1,\n    2\n  ]\n}");
    let p = open(&f.conn, f.bucket, "t/noname", 300).await.unwrap();
    assert_eq!((p.viewer, p.text.unwrap().encoding.as_str()), (Viewer::Text, "UTF-8"));
    let p = open(&f.conn, f.bucket, "t/blob.txt", 300).await.unwrap();
    assert_eq!((p.viewer, p.card, p.text.is_none()), (Viewer::Card, Some(CardReason::Binary), true));
}

#[tokio::test]
async fn a_large_log_is_read_only_up_to_the_limit() {
    let f = common::fixture().await;
    let line = "2026-11-30T10:00:00Z INFO 処理が完了しました id=42\n";
    let log = line.repeat(3 * TEXT_LIMIT / line.len());
    f.put("t/big.log", log.as_bytes(), "text/plain").await;
    let p = open(&f.conn, f.bucket, "t/big.log", 300).await.unwrap();
    let text = p.text.unwrap();
    assert!(text.truncated);
    assert!(
        text.text.len() <= TEXT_LIMIT && text.text.len() > TEXT_LIMIT - 4,
        "{}",
        text.text.len()
    );
    assert!(log.starts_with(&text.text), "cut on a character boundary, nothing garbled");
}

#[tokio::test]
async fn audio_and_video_get_a_link_served_as_their_type() {
    let f = common::fixture().await;
    // An MP4's first box is enough for the type; the player is the platform's.
    let mp4 = [&[0, 0, 0, 0x18][..], b"ftypmp42", &[0, 0, 0, 0], b"mp42isom", &[0u8; 64]].concat();
    f.put("m/clip.mp4", &mp4, "application/octet-stream").await;
    f.put("m/voice.m4a", &mp4, "audio/x-m4a").await;
    let p = open(&f.conn, f.bucket, "m/clip.mp4", 300).await.unwrap();
    assert_eq!((p.viewer, p.served_as.as_deref()), (Viewer::Media, Some("video/mp4")));
    let r = common::http_get(&p.link.unwrap().url).await;
    assert_eq!(r.headers()["content-type"], "video/mp4");
    let p = open(&f.conn, f.bucket, "m/voice.m4a", 300).await.unwrap();
    assert_eq!((p.viewer, p.served_as.as_deref()), (Viewer::Media, Some("audio/mp4")));
}
