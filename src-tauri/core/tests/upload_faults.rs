//! Uploads through a proxy that breaks requests on purpose (`bucketlens_demo::faults`), checked against the
//! server directly: a colleague's object always survives, a changed file never lands, a lost answer is not
//! a duplicate, throttling and damage are retried, permanent refusals are not, nothing is left behind.

mod common;
use bucketlens_core::upload::{Conflict, UploadJob, ATTEMPTS};
use bucketlens_core::ErrorKind;
use bucketlens_demo::faults::{Fault, Op};
use common::uploads::*;
use std::sync::Arc;

/// A colleague's `If-None-Match: *` PUT of `key`, straight to the server.
fn colleague(s: &Setup, key: &'static str, body: &'static [u8]) -> Fault {
    let client = s.f.conn.client.clone();
    Fault::Before(Arc::new(move || {
        let client = client.clone();
        Box::pin(async move {
            client
                .put_object()
                .bucket("test-bucket")
                .key(key)
                .if_none_match("*")
                .body(body.to_vec().into())
                .send()
                .await
                .unwrap();
        })
    }))
}

#[tokio::test]
async fn a_colleagues_object_created_during_our_multipart_survives_and_nothing_of_ours_is_left() {
    let s = setup().await;
    let (path, _) = file(&s, "big.png", 12 * MIB, 1);
    // Their object lands while our parts go up (our last HEAD sees it) …
    s.proxy
        .inject(Op::UploadPart, colleague(&s, "race/during-parts.png", b"theirs, during parts"), 1);
    let e = up(&s, &multipart_job(&path, "race/during-parts.png")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::AlreadyExists, "{e}");
    assert_eq!(stored(&s, "race/during-parts.png").await.unwrap(), b"theirs, during parts");
    // … or between that HEAD and our Complete: the Complete carries If-None-Match and is refused.
    s.proxy
        .inject(Op::Complete, colleague(&s, "race/at-complete.png", b"theirs, at complete"), 1);
    let e = up(&s, &multipart_job(&path, "race/at-complete.png")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::AlreadyExists, "{e}");
    assert_eq!(
        s.proxy.seen(Op::Complete).first(),
        Some(&412),
        "the server refused the Complete itself"
    );
    assert_eq!(stored(&s, "race/at-complete.png").await.unwrap(), b"theirs, at complete");
    assert!(leftovers(&s).is_empty(), "{:?}", leftovers(&s));
}

#[tokio::test]
async fn a_file_rewritten_between_parts_fails_and_stores_nothing() {
    let s = setup().await;
    let (path, _) = file(&s, "growing.png", 12 * MIB, 2);
    let target = path.clone();
    let rewrite = Fault::Before(Arc::new(move || {
        let target = target.clone();
        Box::pin(async move {
            std::thread::sleep(std::time::Duration::from_millis(10));
            let mut body = std::fs::read(&target).unwrap();
            body[9 * MIB] ^= 0xff;
            std::fs::write(&target, &body).unwrap();
        })
    }));
    s.proxy.inject(Op::UploadPart, rewrite, 1);
    let e = up(&s, &multipart_job(&path, "torn.png")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::FileChanged, "{e}");
    assert!(e.message().contains("changed while uploading"), "{e}");
    assert_eq!(stored(&s, "torn.png").await, None);
    assert!(leftovers(&s).is_empty(), "{:?}", leftovers(&s));
}

#[tokio::test]
async fn a_lost_answer_to_a_stored_put_ends_done_with_exactly_one_object() {
    let s = setup().await;
    let (path, body) = file(&s, "photo.png", 200_000, 3);
    s.proxy.inject(Op::PutObject, Fault::DropAnswer, 1);
    let mut j = UploadJob::new(&path, "test-bucket", "lost/photo.png");
    j.conflict = Conflict::KeepBoth;
    let out = up(&s, &j).await.unwrap();
    assert_eq!(out.key, "lost/photo.png");
    assert_eq!(
        s.proxy.seen(Op::PutObject),
        vec![0, 412],
        "stored, answer lost; the retry was refused"
    );
    assert_eq!(keys(&s, "lost/").await, vec!["lost/photo.png"], "no \"(1)\" copy");
    assert_eq!(stored(&s, "lost/photo.png").await.unwrap(), body);
}

#[tokio::test]
async fn throttling_is_retried_then_reported_after_the_documented_attempts() {
    let s = setup().await;
    let (path, body) = file(&s, "t.png", 100_000, 4);
    s.proxy.inject(Op::PutObject, Fault::Answer(503, "SlowDown"), 2);
    up(&s, &UploadJob::new(&path, "test-bucket", "t/ok.png")).await.unwrap();
    assert_eq!(s.proxy.seen(Op::PutObject), vec![503, 503, 200]);
    assert_eq!(stored(&s, "t/ok.png").await.unwrap(), body);

    s.proxy.inject(Op::PutObject, Fault::Answer(503, "SlowDown"), 100);
    let e = up(&s, &UploadJob::new(&path, "test-bucket", "t/never.png")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Throttled, "{e}");
    assert_eq!(s.proxy.seen(Op::PutObject).len(), 3 + ATTEMPTS as usize);
}

#[tokio::test]
async fn a_refusal_is_final_after_one_attempt() {
    let s = setup().await;
    let (path, _) = file(&s, "r.png", 50_000, 5);
    s.proxy.inject(Op::PutObject, Fault::Answer(400, "InvalidArgument"), 100);
    let e = up(&s, &UploadJob::new(&path, "test-bucket", "r.png")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    assert_eq!(s.proxy.seen(Op::PutObject), vec![400]);
}

#[tokio::test]
async fn a_500_to_a_complete_that_stored_the_object_ends_done() {
    let s = setup().await;
    let (path, body) = file(&s, "c.png", 12 * MIB, 6);
    s.proxy.inject(Op::Complete, Fault::AnswerAfter(500, "InternalError"), 10);
    let out = up(&s, &multipart_job(&path, "c/stored.png")).await.unwrap();
    assert!(out.multipart);
    assert_eq!(s.proxy.seen(Op::Complete).first(), Some(&500));
    assert_eq!(stored(&s, "c/stored.png").await.unwrap(), body);
    assert!(leftovers(&s).is_empty(), "{:?}", leftovers(&s));
}

#[tokio::test]
async fn damaged_or_cut_parts_are_refused_and_sent_again_from_disk() {
    let s = setup().await;
    let (path, body) = file(&s, "d.png", 12 * MIB, 7);
    s.proxy.inject(Op::UploadPart, Fault::Corrupt, 1);
    s.proxy.inject(Op::UploadPart, Fault::ResetMidBody, 1);
    up(&s, &multipart_job(&path, "d/ok.png")).await.unwrap();
    let seen = s.proxy.seen(Op::UploadPart);
    assert_eq!(
        &seen[..2],
        &[400, 0],
        "the damaged part was refused (BadDigest), the cut one never arrived"
    );
    assert_eq!(seen.len(), 5, "{seen:?}");
    assert_eq!(stored(&s, "d/ok.png").await.unwrap(), body);
}

#[tokio::test]
async fn edge_sizes_round_trip_and_a_replaced_object_keeps_no_stale_checksum() {
    let s = setup().await;
    let (empty, _) = file(&s, "empty.bin", 0, 0);
    let out = up(&s, &UploadJob::new(&empty, "test-bucket", "e/empty.bin")).await.unwrap();
    assert!(!out.multipart);
    assert_eq!(stored(&s, "e/empty.bin").await.unwrap(), b"");
    // Exactly at the threshold goes multipart: two 5 MiB parts.
    let (at, body) = file(&s, "at.png", 10 * MIB, 8);
    let out = up(&s, &multipart_job(&at, "e/at.png")).await.unwrap();
    assert!(out.multipart);
    assert_eq!(s.proxy.seen(Op::UploadPart).len(), 2);
    assert_eq!(stored(&s, "e/at.png").await.unwrap(), body);

    // A single PUT stores a CRC32C; a multipart Replace must not leave it beside the new body.
    let (small, _) = file(&s, "small.png", 10_000, 9);
    up(&s, &UploadJob::new(&small, "test-bucket", "e/replaced.png")).await.unwrap();
    let mut j = multipart_job(&at, "e/replaced.png");
    j.conflict = Conflict::Replace;
    up(&s, &j).await.unwrap();
    let got = s.f.conn.client.get_object().bucket("test-bucket").key("e/replaced.png");
    let got = got.checksum_mode(aws_sdk_s3::types::ChecksumMode::Enabled).send().await.unwrap();
    let crc = got.checksum_crc32_c().map(str::to_owned);
    assert_eq!(got.body.collect().await.unwrap().into_bytes().as_ref(), body.as_slice());
    assert!(
        crc.as_deref().is_some_and(|c| c.ends_with("-2")),
        "the composite of two parts: {crc:?}"
    );
}

/// A server whose clock is 20 minutes ahead refuses the upload as too skewed: one attempt (another cannot
/// help), and the error says by how much this computer's clock is behind.
#[tokio::test]
async fn a_clock_twenty_minutes_behind_is_reported_with_the_difference_and_not_retried() {
    let s = setup().await;
    let (path, _) = file(&s, "photo.png", 1000, 9);
    let ahead = (chrono::Utc::now() + chrono::Duration::minutes(20)).format("%a, %d %b %Y %H:%M:%S GMT");
    s.proxy.inject(Op::PutObject, Fault::Skewed(ahead.to_string()), 10);
    let e = up(&s, &UploadJob::new(&path, "test-bucket", "skew/photo.png")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ClockSkew, "{e}");
    assert!(
        e.message().contains("clock is 19 min") || e.message().contains("clock is 20 min"),
        "{e}"
    );
    assert!(e.message().contains("behind the server's"), "{e}");
    assert_eq!(s.proxy.seen(Op::PutObject), [403]);
    assert_eq!(stored(&s, "skew/photo.png").await, None);
}
