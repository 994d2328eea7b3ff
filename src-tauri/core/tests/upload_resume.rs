//! The upload journal: a paused or interrupted multipart upload resumes from the parts the server holds
//! (the stored bytes equal the file), a discarded one leaves nothing, a changed file is refused, and the
//! start-up sweep aborts an upload whose id never reached the journal.

mod common;
use bucketlens_core::upload::{discard, resume, sweep, upload_file, EntryState, Journal};
use bucketlens_core::ErrorKind;
use bucketlens_demo::faults::{Fault, Op};
use common::uploads::*;
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Starts a 4-part upload whose third part is slow, pauses it while that part is in flight, and returns the
/// entry id.
async fn paused(s: &Setup, journal: &Journal, key: &str, seed: u8) -> (String, std::path::PathBuf, Vec<u8>) {
    let (path, body) = file(s, &format!("{seed}.png"), 18 * MIB, seed);
    let before = s.proxy.seen(Op::UploadPart).len();
    s.proxy.inject(Op::UploadPart, Fault::Pass, 2);
    s.proxy.inject(Op::UploadPart, Fault::Stall(Duration::from_secs(1)), 1);
    let mut j = multipart_job(&path, key);
    j.journal = Some(journal.clone());
    let cancel = CancellationToken::new();
    let (jc, cc) = (j.clone(), cancel.clone());
    let conn = s.conn.clone();
    let task = tokio::spawn(async move { upload_file(&conn, &jc, &cc, &|_, _| {}).await });
    // Two parts through; the third is slow: pause while it is in flight.
    while s.proxy.seen(Op::UploadPart).len() < before + 2 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    j.pause.store(true, Ordering::SeqCst);
    cancel.cancel();
    let e = task.await.unwrap().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
    let entries = journal.list();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].state, EntryState::Paused);
    assert!(entries[0].parts.len() >= 2, "{:?}", entries[0].parts);
    (entries[0].id.clone(), path, body)
}

#[tokio::test]
async fn a_paused_upload_resumes_from_the_servers_parts_and_a_discarded_one_leaves_nothing() {
    let s = setup().await;
    let journal = Journal::new(&s.f.dir.path().join("data"));
    let (id, _path, body) = paused(&s, &journal, "r/resumed.png", 1).await;
    assert!(!leftovers(&s).is_empty(), "the unfinished upload waits on the server");

    // Only the missing part is sent: the three the server holds are kept.
    let never = AtomicBool::new(false);
    let before = s.proxy.seen(Op::UploadPart).len();
    let out = resume(&s.conn, &journal, &id, (300, 2), (&CancellationToken::new(), &never), &|_, _| {})
        .await
        .unwrap();
    assert!(out.multipart);
    assert_eq!(s.proxy.seen(Op::UploadPart).len() - before, 1, "one part of four sent again");
    let direct = &s.f.conn;
    let got = stored(&s, "r/resumed.png").await.unwrap();
    assert_eq!(Sha256::digest(&got), Sha256::digest(&body), "the stored bytes equal the file");
    assert!(journal.list().is_empty());
    assert!(leftovers(&s).is_empty(), "{:?}", leftovers(&s));

    let (id, _, _) = paused(&s, &journal, "r/discarded.png", 2).await;
    discard(direct, &journal, &id).await.unwrap();
    assert!(journal.list().is_empty());
    assert!(leftovers(&s).is_empty(), "{:?}", leftovers(&s));
    assert_eq!(stored(&s, "r/discarded.png").await, None);
}

#[tokio::test]
async fn a_file_changed_since_the_pause_is_not_resumed() {
    let s = setup().await;
    let journal = Journal::new(&s.f.dir.path().join("data"));
    let (id, path, mut body) = paused(&s, &journal, "r/changed.png", 3).await;
    std::thread::sleep(Duration::from_millis(20));
    body[100] ^= 1;
    std::fs::write(&path, &body).unwrap();
    let never = AtomicBool::new(false);
    let e = resume(&s.f.conn, &journal, &id, (300, 2), (&CancellationToken::new(), &never), &|_, _| {})
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::FileChanged, "{e}");
    assert_eq!(journal.list().len(), 1, "kept, so it can be discarded");
    discard(&s.f.conn, &journal, &id).await.unwrap();
    assert!(leftovers(&s).is_empty(), "{:?}", leftovers(&s));
}

#[tokio::test]
async fn the_sweep_aborts_an_upload_whose_id_never_reached_the_journal() {
    let s = setup().await;
    let journal = Journal::new(&s.f.dir.path().join("data"));
    let (id, _, _) = paused(&s, &journal, "r/swept.png", 4).await;
    // As if the process died between writing the entry and hearing CreateMultipartUpload's answer.
    let mut e = journal.get(&id).unwrap();
    e.upload_id = None;
    journal.save(&e).unwrap();
    assert_eq!(sweep(&s.f.conn, &journal).await.unwrap(), 1);
    assert!(journal.list().is_empty());
    assert!(leftovers(&s).is_empty(), "{:?}", leftovers(&s));
}

#[tokio::test]
async fn an_expired_sign_in_pauses_the_upload_and_it_resumes_after_signing_in_again() {
    use bucketlens_core::client::Overrides;
    use bucketlens_core::session::Session;
    let s = setup().await;
    let ep = &s.f.server.endpoint;
    // credential_process: short-lived keys (always refreshed), until "signed-out" exists.
    let script = s.f.dir.path().join("creds.sh");
    let marker = s.f.dir.path().join("signed-out");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nif [ -e '{}' ]; then echo 'the session token has expired' >&2; exit 1; fi\n\
             echo \"{{\\\"Version\\\":1,\\\"AccessKeyId\\\":\\\"{}\\\",\\\"SecretAccessKey\\\":\\\"{}\\\",\\\"SessionToken\\\":\\\"T\\\",\\\"Expiration\\\":\\\"$(date -u -d '+30 seconds' +%Y-%m-%dT%H:%M:%SZ)\\\"}}\"\n",
            marker.display(),
            ep.access_key,
            ep.secret_key.0
        ),
    )
    .unwrap();
    std::process::Command::new("chmod").arg("+x").arg(&script).status().unwrap();
    let files = s.f.aws_files(&format!(
        "[profile temp]\nregion = us-east-1\nendpoint_url = {}\ncredential_process = {}\n",
        s.proxy.endpoint,
        script.display()
    ));
    let session = Session::new(files);
    session.select("temp", Overrides::default()).await.unwrap();
    let conn = session.active().unwrap();

    let journal = Journal::new(&s.f.dir.path().join("data"));
    let (path, body) = file(&s, "expiring.png", 18 * MIB, 9);
    let sign_out = marker.clone();
    s.proxy.inject(Op::UploadPart, Fault::Pass, 1);
    s.proxy.inject(
        Op::UploadPart,
        Fault::Before(std::sync::Arc::new(move || {
            let m = sign_out.clone();
            Box::pin(async move { std::fs::write(&m, b"").unwrap() })
        })),
        1,
    );
    let mut j = multipart_job(&path, "r/expiring.png");
    j.journal = Some(journal.clone());
    let e = upload_file(&conn, &j, &CancellationToken::new(), &|_, _| {}).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ExpiredToken, "{e}");
    assert!(e.message().contains("sign in again"), "{e}");
    let entries = journal.list();
    assert_eq!(
        (entries.len(), entries[0].state),
        (1, EntryState::Paused),
        "kept for later, not aborted"
    );

    std::fs::remove_file(&marker).unwrap(); // signed in again
    let never = AtomicBool::new(false);
    resume(
        &conn,
        &journal,
        &entries[0].id,
        (300, 2),
        (&CancellationToken::new(), &never),
        &|_, _| {},
    )
    .await
    .unwrap();
    assert_eq!(Sha256::digest(stored(&s, "r/expiring.png").await.unwrap()), Sha256::digest(&body));
    assert!(leftovers(&s).is_empty(), "{:?}", leftovers(&s));
}
