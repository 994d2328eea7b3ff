//! Uploading files through presigned requests: exact stored type, refusals, conflicts, multipart, cancel, retry.

mod common;
use bucketlens_core::objects::head_object;
use bucketlens_core::upload::{upload_file, Conflict, UploadJob, UploadOutcome};
use bucketlens_core::{ErrorKind, Result};
use bucketlens_demo::test_samples as s;
use std::sync::Mutex;
use tokio_util::sync::CancellationToken;

fn job(f: &common::Fixture, name: &str, body: &[u8], key: &str) -> UploadJob {
    let path = f.dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    let mut j = UploadJob::new(path, f.bucket, key);
    j.uploaded_by = "山田 Taro".into();
    j.allowed_types = bucketlens_core::settings::UploadSettings::default().allowed_types;
    j
}

async fn up(f: &common::Fixture, j: &UploadJob) -> Result<UploadOutcome> {
    upload_file(&f.conn, j, &CancellationToken::new(), &|_, _| {}).await
}

#[tokio::test]
async fn each_type_is_stored_exactly_with_monotonic_progress() {
    let f = common::fixture().await;
    for (name, body, want) in [
        ("a.jpg", s::jpeg(), "image/jpeg"),
        ("a.png", s::png(), "image/png"),
        ("a.webp", s::webp(), "image/webp"),
        ("a.gif", s::gif(), "image/gif"),
        ("a.pdf", s::pdf(), "application/pdf"),
    ] {
        let key = format!("up/{name}");
        let seen = Mutex::new(Vec::new());
        let out = upload_file(&f.conn, &job(&f, name, &body, &key), &CancellationToken::new(), &|a, b| {
            seen.lock().unwrap().push((a, b))
        })
        .await
        .unwrap();
        assert_eq!(out.detected.mime, want);
        let m = head_object(&f.conn, f.bucket, &key).await.unwrap();
        assert_eq!(m.content_type.as_deref(), Some(want), "{name}");
        assert_eq!(m.size, body.len() as i64);
        assert_eq!(m.metadata["uploaded-by"], "%E5%B1%B1%E7%94%B0 Taro");
        let seen = seen.into_inner().unwrap();
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "progress is monotonic: {seen:?}");
        assert_eq!(seen.last().copied(), Some((body.len() as u64, body.len() as u64)));
    }
}

#[tokio::test]
async fn a_png_named_jpg_is_stored_as_png() {
    let f = common::fixture().await;
    let out = up(&f, &job(&f, "holiday.jpg", &s::png(), "holiday.jpg")).await.unwrap();
    assert_eq!(out.detected.mime, "image/png");
    assert_eq!(out.detected.extension_claims.as_deref(), Some("image/jpeg"));
    assert_eq!(
        head_object(&f.conn, f.bucket, "holiday.jpg").await.unwrap().content_type.as_deref(),
        Some("image/png")
    );
}

#[tokio::test]
async fn disallowed_type_is_refused_with_the_list() {
    let f = common::fixture().await;
    let e = up(&f, &job(&f, "run.sh", b"#!/bin/sh\necho hi\n", "run.sh")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedType);
    assert!(e.message().contains("image/png") && e.message().contains("application/pdf"), "{e}");
    assert!(!bucketlens_core::objects::exists(&f.conn, f.bucket, "run.sh").await.unwrap());
}

#[tokio::test]
async fn existing_keys_ask_replace_keep_both_or_skip() {
    let f = common::fixture().await;
    up(&f, &job(&f, "p.png", &s::png(), "p.png")).await.unwrap();
    let mut j = job(&f, "p2.png", &s::jpeg(), "p.png");
    assert_eq!(up(&f, &j).await.unwrap_err().kind(), ErrorKind::AlreadyExists);
    assert_eq!(
        head_object(&f.conn, f.bucket, "p.png").await.unwrap().content_type.as_deref(),
        Some("image/png")
    );
    j.conflict = Conflict::Skip;
    assert!(up(&f, &j).await.unwrap().skipped);
    j.conflict = Conflict::KeepBoth;
    assert_eq!(up(&f, &j).await.unwrap().key, "p (1).png");
    assert_eq!(up(&f, &j).await.unwrap().key, "p (2).png");
    j.conflict = Conflict::Replace;
    up(&f, &j).await.unwrap();
    assert_eq!(
        head_object(&f.conn, f.bucket, "p.png").await.unwrap().content_type.as_deref(),
        Some("image/jpeg")
    );
}

#[tokio::test]
async fn empty_files_upload_nfd_becomes_nfc_and_missing_files_fail_clearly() {
    let f = common::fixture().await;
    let out = up(&f, &job(&f, "empty.pdf", b"", "empty.pdf")).await.unwrap();
    assert_eq!(out.size, 0);
    assert_eq!(head_object(&f.conn, f.bucket, "empty.pdf").await.unwrap().size, 0);
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = "がっこう.png".nfd().collect();
    let out = up(&f, &job(&f, "g.png", &s::png(), &nfd)).await.unwrap();
    assert_eq!(out.key, "がっこう.png");
    assert!(bucketlens_core::objects::exists(&f.conn, f.bucket, "がっこう.png").await.unwrap());
    let mut gone = job(&f, "x.png", b"", "x.png");
    gone.path = f.dir.path().join("does-not-exist.png");
    assert_eq!(up(&f, &gone).await.unwrap_err().kind(), ErrorKind::Io);
}

fn big_file(f: &common::Fixture, mib: usize) -> Vec<u8> {
    let mut body = s::png();
    body.resize(mib * 1024 * 1024, 0);
    for (i, b) in body.iter_mut().enumerate().skip(64) {
        *b = (i % 251) as u8;
    }
    std::fs::write(f.dir.path().join("big.png"), &body).unwrap();
    body
}

fn leftover_parts(f: &common::Fixture) -> Vec<String> {
    std::fs::read_dir(f.dir.path().join("s3"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("upload"))
        .collect()
}

#[tokio::test]
async fn multipart_with_small_parts_round_trips() {
    let f = common::fixture().await;
    let body = big_file(&f, 12);
    let mut j = UploadJob::new(f.dir.path().join("big.png"), f.bucket, "big/file.png");
    j.multipart_threshold = 10 * 1024 * 1024;
    j.min_part_size = 5 * 1024 * 1024;
    let seen = Mutex::new(Vec::new());
    let out = upload_file(&f.conn, &j, &CancellationToken::new(), &|a, _| seen.lock().unwrap().push(a))
        .await
        .unwrap();
    assert!(out.multipart);
    let m = head_object(&f.conn, f.bucket, "big/file.png").await.unwrap();
    assert_eq!((m.size as usize, m.content_type.as_deref()), (body.len(), Some("image/png")));
    let p = bucketlens_core::presign::presign_get(
        &f.conn,
        f.bucket,
        "big/file.png",
        &bucketlens_core::presign::Disposition::Inline,
        None,
        60,
    )
    .await
    .unwrap();
    assert_eq!(common::http_get(&p.url).await.bytes().await.unwrap().as_ref(), body.as_slice());
    let seen = seen.into_inner().unwrap();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]) && *seen.last().unwrap() == body.len() as u64);
    assert!(leftover_parts(&f).is_empty(), "{:?}", leftover_parts(&f));
}

#[tokio::test]
async fn cancelling_a_multipart_upload_aborts_it_and_leaves_no_parts() {
    let f = common::fixture().await;
    big_file(&f, 12);
    let mut j = UploadJob::new(f.dir.path().join("big.png"), f.bucket, "big/cancelled.png");
    j.multipart_threshold = 10 * 1024 * 1024;
    j.min_part_size = 5 * 1024 * 1024;
    let cancel = CancellationToken::new();
    let c2 = cancel.clone();
    let e = upload_file(&f.conn, &j, &cancel, &move |sent, _| {
        if sent > 6 * 1024 * 1024 {
            c2.cancel();
        }
    })
    .await
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Cancelled);
    assert!(!bucketlens_core::objects::exists(&f.conn, f.bucket, "big/cancelled.png")
        .await
        .unwrap());
    assert!(leftover_parts(&f).is_empty(), "{:?}", leftover_parts(&f));
}

#[tokio::test]
async fn cancelling_a_single_put_stores_nothing() {
    let f = common::fixture().await;
    big_file(&f, 8);
    let j = UploadJob::new(f.dir.path().join("big.png"), f.bucket, "single.png");
    let cancel = CancellationToken::new();
    let c2 = cancel.clone();
    let e = upload_file(&f.conn, &j, &cancel, &move |sent, _| {
        if sent > 1024 * 1024 {
            c2.cancel();
        }
    })
    .await
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Cancelled);
    assert!(!bucketlens_core::objects::exists(&f.conn, f.bucket, "single.png").await.unwrap());
}

#[tokio::test]
async fn a_stopped_server_is_a_network_error_and_a_retry_succeeds_once_it_is_back() {
    use bucketlens_demo::DemoServer;
    let dir = tempfile::tempdir().unwrap();
    let server = DemoServer::start(&dir.path().join("s3"), 0).await.unwrap();
    server.ensure_bucket("bkt").unwrap();
    let (port, ak, sk) = (
        server.addr.port(),
        server.endpoint.access_key.clone(),
        server.endpoint.secret_key.0.clone(),
    );
    let conn = bucketlens_core::client::connect(&Default::default(), &server.endpoint.target())
        .await
        .unwrap();
    let path = dir.path().join("a.png");
    std::fs::write(&path, s::png()).unwrap();
    let j = UploadJob::new(&path, "bkt", "a.png");
    drop(server);
    // The stopped server's port stays ours, bound but not listening, so connections to it are refused: a server
    // that another test starts meanwhile cannot take it (it did once, and the upload met its 403 instead).
    let held = hold_port(port).await;
    let started = std::time::Instant::now();
    let e = upload_file(&conn, &j, &CancellationToken::new(), &|_, _| {}).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Network, "{e}");
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    drop(held);
    let _back = DemoServer::start_with_keys(&dir.path().join("s3"), port, &ak, &sk).await.unwrap();
    let out = upload_file(&conn, &j, &CancellationToken::new(), &|_, _| {}).await.unwrap();
    assert_eq!(out.detected.mime, "image/png");
    assert!(bucketlens_core::objects::exists(&conn, "bkt", "a.png").await.unwrap());
}

/// Binds `127.0.0.1:port` without listening, once the stopped server has let it go (its task ends on the next
/// turn of the runtime). Ports picked by the system for other servers skip a bound port.
async fn hold_port(port: u16) -> tokio::net::TcpSocket {
    for _ in 0..500 {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.set_reuseaddr(true).unwrap();
        if socket.bind(([127, 0, 0, 1], port).into()).is_ok() {
            return socket;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("port {port} was not released by the stopped server");
}

/// Names that would break the folder's listing, spoof their extension or never be readable again are refused
/// before any request, and the message names the character.
#[tokio::test]
async fn hostile_names_are_refused_before_any_request() {
    let f = common::fixture().await;
    for (key, says) in [
        ("up/bell\u{7}.png", "U+0007"),
        ("up/rtl-\u{202e}gnp.png", "U+202E"),
        ("up/a/../b.png", "\"..\""),
        ("/up/abs.png", "starts with"),
    ] {
        let e = up(&f, &job(&f, "h.png", &s::png(), key)).await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{key:?}");
        assert!(e.message().contains(says), "{key:?}: {}", e.message());
    }
    let mut listed = 0;
    bucketlens_core::listing::list_prefix(&f.conn, f.bucket, "", 1000, |p| {
        listed += p.objects.len() + p.folders.len();
        true
    })
    .await
    .unwrap();
    assert_eq!(listed, 0, "nothing was stored");
}

/// A FIFO or a device behind a file name is refused at once instead of blocking or never ending.
#[cfg(unix)]
#[tokio::test]
async fn special_files_are_refused_without_reading_them() {
    let f = common::fixture().await;
    let fifo = f.dir.path().join("pipe.png");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let zero = f.dir.path().join("zero.png");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    for path in [fifo, zero] {
        let j = UploadJob::new(path.clone(), f.bucket, "up/special.png");
        let started = std::time::Instant::now();
        let e = tokio::time::timeout(std::time::Duration::from_secs(5), up(&f, &j))
            .await
            .expect("refused without blocking")
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{path:?}");
        assert!(e.message().contains("not a regular file"), "{}", e.message());
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
