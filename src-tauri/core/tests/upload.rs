//! Uploading files through presigned PUTs: detected type stored exactly, refusals, no silent replace.

mod common;
use bucketlens_core::demo::test_samples as s;
use bucketlens_core::listing::head_object;
use bucketlens_core::upload::{upload_file, UploadJob};
use bucketlens_core::ErrorKind;

fn job(f: &common::Fixture, name: &str, body: &[u8], key: &str) -> UploadJob {
    let path = f.dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    UploadJob {
        path,
        bucket: f.bucket.into(),
        key: key.into(),
        uploaded_by: "山田 Taro".into(),
        allowed_types: bucketlens_core::settings::UploadSettings::default().allowed_types,
        overwrite: false,
        expires_secs: 1800,
    }
}

#[tokio::test]
async fn each_type_is_stored_exactly() {
    let f = common::fixture().await;
    for (name, body, want) in [
        ("a.jpg", s::jpeg(), "image/jpeg"),
        ("a.png", s::png(), "image/png"),
        ("a.webp", s::webp(), "image/webp"),
        ("a.gif", s::gif(), "image/gif"),
        ("a.pdf", s::pdf(), "application/pdf"),
    ] {
        let key = format!("up/{name}");
        let mut seen = Vec::new();
        let out = upload_file(&f.conn, &job(&f, name, &body, &key), |sent, total| seen.push((sent, total))).await.unwrap();
        assert_eq!(out.detected.mime, want);
        let m = head_object(&f.conn, f.bucket, &key).await.unwrap();
        assert_eq!(m.content_type.as_deref(), Some(want), "{name}");
        assert_eq!(m.size, body.len() as i64);
        assert_eq!(m.metadata["uploaded-by"], "%E5%B1%B1%E7%94%B0 Taro");
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "progress is monotonic: {seen:?}");
        assert_eq!(seen.last().copied(), Some((body.len() as u64, body.len() as u64)));
    }
}

#[tokio::test]
async fn a_png_named_jpg_is_stored_as_png() {
    let f = common::fixture().await;
    let out = upload_file(&f.conn, &job(&f, "holiday.jpg", &s::png(), "holiday.jpg"), |_, _| {}).await.unwrap();
    assert_eq!(out.detected.mime, "image/png");
    assert_eq!(out.detected.extension_claims.as_deref(), Some("image/jpeg"));
    assert_eq!(head_object(&f.conn, f.bucket, "holiday.jpg").await.unwrap().content_type.as_deref(), Some("image/png"));
}

#[tokio::test]
async fn disallowed_type_is_refused_with_the_list() {
    let f = common::fixture().await;
    let e = upload_file(&f.conn, &job(&f, "run.sh", b"#!/bin/sh\necho hi\n", "run.sh"), |_, _| {}).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedType);
    assert!(e.message().contains("image/png") && e.message().contains("application/pdf"), "{e}");
    assert!(!bucketlens_core::listing::exists(&f.conn, f.bucket, "run.sh").await.unwrap());
}

#[tokio::test]
async fn existing_key_is_not_replaced_unless_asked() {
    let f = common::fixture().await;
    let j = job(&f, "p.png", &s::png(), "p.png");
    upload_file(&f.conn, &j, |_, _| {}).await.unwrap();
    let j2 = job(&f, "p2.png", &s::jpeg(), "p.png");
    let e = upload_file(&f.conn, &j2, |_, _| {}).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::AlreadyExists);
    assert_eq!(head_object(&f.conn, f.bucket, "p.png").await.unwrap().content_type.as_deref(), Some("image/png"));
    let j3 = UploadJob { overwrite: true, ..j2 };
    upload_file(&f.conn, &j3, |_, _| {}).await.unwrap();
    assert_eq!(head_object(&f.conn, f.bucket, "p.png").await.unwrap().content_type.as_deref(), Some("image/jpeg"));
}

#[tokio::test]
async fn empty_files_upload_and_missing_files_fail_clearly() {
    let f = common::fixture().await;
    let mut j = job(&f, "empty.pdf", b"", "empty.pdf");
    j.allowed_types.push("application/octet-stream".into());
    let out = upload_file(&f.conn, &j, |_, _| {}).await.unwrap();
    assert_eq!(out.size, 0);
    assert_eq!(head_object(&f.conn, f.bucket, "empty.pdf").await.unwrap().size, 0);
    let mut gone = job(&f, "x.png", b"", "x.png");
    gone.path = f.dir.path().join("does-not-exist.png");
    assert_eq!(upload_file(&f.conn, &gone, |_, _| {}).await.unwrap_err().kind(), ErrorKind::Io);
}
