//! The upload queue the window drives: events carry the window's own row ids (bad or repeated ids queue
//! nothing), and an upload stopped by an expired sign-in waits as a paused row that the next sign-in
//! finishes, sending only what the server lacks.

mod common;
use bucketlens_core::ipc::{UploadEvent, UploadState};
use bucketlens_core::upload::{EntryState, Journal, Sink, UploadJob, UploadQueue};
use bucketlens_core::ErrorKind;
use bucketlens_demo::faults::{Fault, Op};
use common::uploads::*;
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Log = Arc<Mutex<Vec<UploadEvent>>>;

fn sink() -> (Sink, Log) {
    let log: Log = Arc::default();
    let l = log.clone();
    (Arc::new(move |e| l.lock().unwrap().push(e)), log)
}

/// Waits (up to 30 s) until row `id` reports `state`.
async fn until(log: &Log, id: &str, state: UploadState) -> UploadEvent {
    for _ in 0..3000 {
        if let Some(e) = log.lock().unwrap().iter().find(|e| e.id == id && e.state == state) {
            return e.clone();
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("row {id} never reached {state:?}: {:?}", log.lock().unwrap());
}

fn states(log: &Log, id: &str) -> Vec<UploadState> {
    let mut s: Vec<UploadState> = log.lock().unwrap().iter().filter(|e| e.id == id).map(|e| e.state).collect();
    s.dedup();
    s
}

#[tokio::test]
async fn events_carry_the_windows_row_ids_and_bad_or_repeated_ids_queue_nothing() {
    let s = setup().await;
    let queue = Arc::new(UploadQueue::default());
    let conn = Arc::new(s.conn.clone());
    let (a, _) = file(&s, "a.png", 70_000, 1);
    let (b, _) = file(&s, "b.png", 90_000, 2);
    let job = |p: &std::path::Path, k: &str| UploadJob::new(p, "test-bucket", k);
    let (send, log) = sink();

    // Refused before anything starts: an empty id, a control character, an id named twice.
    for ids in [["", "ok-1"], ["ok-2", "bad\nid"], ["twice", "twice"]] {
        let jobs = vec![(ids[0].to_owned(), job(&a, "q/x.png")), (ids[1].to_owned(), job(&b, "q/y.png"))];
        let e = queue.start(conn.clone(), 2, jobs, send.clone()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(log.lock().unwrap().is_empty(), "nothing was queued: {:?}", log.lock().unwrap());
    assert!(keys(&s, "q/").await.is_empty());

    // Accepted: every event names one of the two rows, from queued to done.
    let jobs = vec![("row-a".to_owned(), job(&a, "q/a.png")), ("row-b".to_owned(), job(&b, "q/b.png"))];
    queue.start(conn.clone(), 2, jobs, send.clone()).unwrap();
    let done = until(&log, "row-b", UploadState::Done).await;
    assert_eq!((done.key.as_str(), done.sent), ("q/b.png", 90_000));
    until(&log, "row-a", UploadState::Done).await;
    assert!(log.lock().unwrap().iter().all(|e| e.id == "row-a" || e.id == "row-b"));
    assert_eq!(states(&log, "row-a").first(), Some(&UploadState::Queued));

    // A row id still in use is refused; once its row has ended, the id is free again.
    s.proxy.inject(Op::PutObject, Fault::Stall(Duration::from_millis(800)), 1);
    queue
        .start(conn.clone(), 2, vec![("busy".into(), job(&a, "q/c.png"))], send.clone())
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let e = queue
        .start(conn.clone(), 2, vec![("busy".into(), job(&b, "q/d.png"))], send.clone())
        .unwrap_err();
    assert!(e.message().contains("already in the queue"), "{e}");
    until(&log, "busy", UploadState::Done).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    log.lock().unwrap().clear();
    queue
        .start(conn.clone(), 2, vec![("busy".into(), job(&b, "q/d.png"))], send.clone())
        .unwrap();
    let _ = until(&log, "busy", UploadState::Done).await;
    assert_eq!(keys(&s, "q/").await, ["q/a.png", "q/b.png", "q/c.png", "q/d.png"]);
    assert!(queue.recent_rate().is_none(), "files under 1 MiB say nothing about the rate");
    assert!(!queue.cancel("row-a"), "a finished row can no longer be cancelled");
}

#[tokio::test]
async fn an_expired_sign_in_pauses_uploads_and_the_next_sign_in_finishes_them() {
    let s = setup().await;
    let queue = Arc::new(UploadQueue::default());
    let conn = Arc::new(s.conn.clone());
    let journal = Journal::new(&s.f.dir.path().join("data"));
    let (big, body) = file(&s, "big.png", 18 * MIB, 3);
    let (small, small_body) = file(&s, "small.png", 300_000, 4);
    let (send, log) = sink();

    // Multipart: two parts go up, then the sign-in has expired.
    s.proxy.inject(Op::UploadPart, Fault::Pass, 2);
    s.proxy.inject(Op::UploadPart, Fault::Answer(400, "ExpiredToken"), 1);
    let mut j = multipart_job(&big, "exp/big.png");
    j.journal = Some(journal.clone());
    let entry_id = j.journal_id.clone();
    // One PUT: its only request meets the expired sign-in.
    s.proxy.inject(Op::PutObject, Fault::Answer(400, "ExpiredToken"), 1);
    let jobs = vec![
        ("m".to_owned(), j),
        ("p".to_owned(), UploadJob::new(&small, "test-bucket", "exp/small.png")),
    ];
    queue.start(conn.clone(), 2, jobs, send.clone()).unwrap();

    let paused = until(&log, "m", UploadState::Paused).await;
    assert_eq!(paused.error.as_ref().map(|e| e.kind()), Some(ErrorKind::ExpiredToken));
    assert!(paused.error.unwrap().message().contains("sign in again"));
    until(&log, "p", UploadState::Paused).await;
    assert!(
        queue.holds_entry(&entry_id),
        "the paused row keeps its journal entry out of the unfinished list"
    );
    let entry = journal.get(&entry_id).expect("the multipart upload is journalled");
    assert_eq!((entry.state, entry.parts.len()), (EntryState::Paused, 2));
    assert!(!leftovers(&s).is_empty(), "its parts wait on the server");

    // Another profile's sign-in changes nothing; this profile's continues both rows.
    assert_eq!(queue.signed_in("someone-else"), 0);
    let sent_before = s.proxy.seen(Op::UploadPart).len();
    assert_eq!(queue.signed_in(conn.target.label()), 2);
    let done = until(&log, "m", UploadState::Done).await;
    assert_eq!(done.sent, body.len() as u64);
    until(&log, "p", UploadState::Done).await;
    assert_eq!(
        s.proxy.seen(Op::UploadPart).len() - sent_before,
        2,
        "only the two missing parts of four went up"
    );
    assert_eq!(stored(&s, "exp/big.png").await.unwrap(), body);
    assert_eq!(stored(&s, "exp/small.png").await.unwrap(), small_body);
    assert!(leftovers(&s).is_empty(), "{:?}", leftovers(&s));
    assert!(journal.list().is_empty());
    assert!(!queue.holds_entry(&entry_id));
    assert!(queue.recent_rate().unwrap() > 0.0, "an 18 MiB upload gives a rate");
}

#[tokio::test]
async fn cancelling_a_paused_row_ends_it_and_leaves_the_upload_to_the_unfinished_list() {
    let s = setup().await;
    let queue = Arc::new(UploadQueue::default());
    let conn = Arc::new(s.conn.clone());
    let journal = Journal::new(&s.f.dir.path().join("data"));
    let (big, _) = file(&s, "big.png", 12 * MIB, 5);
    let (send, log) = sink();
    s.proxy.inject(Op::UploadPart, Fault::Pass, 1);
    s.proxy.inject(Op::UploadPart, Fault::Answer(400, "ExpiredToken"), 1);
    let mut j = multipart_job(&big, "exp/cancelled.png");
    j.journal = Some(journal.clone());
    let entry_id = j.journal_id.clone();
    queue.start(conn.clone(), 1, vec![("c".to_owned(), j)], send).unwrap();
    until(&log, "c", UploadState::Paused).await;
    assert!(queue.cancel("c"));
    assert_eq!(states(&log, "c").last(), Some(&UploadState::Cancelled));
    assert!(!queue.holds_entry(&entry_id));
    assert_eq!(
        journal.get(&entry_id).map(|e| e.state),
        Some(EntryState::Paused),
        "offered for Resume or Discard"
    );
    assert_eq!(queue.signed_in(conn.target.label()), 0, "a cancelled row does not come back");
}
