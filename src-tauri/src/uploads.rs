//! The upload queue: up to N at once (a setting), progress as events, per-file cancel. Each upload keeps the
//! connection it started with, so switching profile does not redirect it.

use bucketlens_core::client::Connection;
use bucketlens_core::ipc::{UploadEvent, UploadItem, UploadState};
use bucketlens_core::settings::Settings;
use bucketlens_core::upload::{self, Journal, UploadJob};
use bucketlens_core::{ErrorKind, Result};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

#[derive(Default)]
pub struct UploadQueue {
    next_id: AtomicU64,
    /// Each queued or running upload's cancel token and its "pause instead of abort" flag.
    running: Mutex<HashMap<u64, (CancellationToken, Arc<AtomicBool>)>>,
    limit: Mutex<Option<(u32, Arc<tokio::sync::Semaphore>)>>,
}

/// Which of `keys` exist in `bucket` (HEAD, 8 at a time), in the order given.
pub async fn existing(conn: &Connection, bucket: &str, keys: Vec<String>) -> Result<Vec<String>> {
    use futures::StreamExt;
    let found: Vec<Result<Option<String>>> = futures::stream::iter(keys)
        .map(|k| async move { Ok(bucketlens_core::objects::exists(conn, bucket, &k).await?.then_some(k)) })
        .buffered(8)
        .collect()
        .await;
    found.into_iter().filter_map(|r| r.transpose()).collect()
}

impl UploadQueue {
    /// The shared limit; a changed "parallel uploads" setting applies to uploads queued from now on.
    fn semaphore(&self, parallel: u32) -> Arc<tokio::sync::Semaphore> {
        let parallel = parallel.clamp(1, 16);
        let mut g = self.limit.lock().unwrap();
        match g.as_ref() {
            Some((n, s)) if *n == parallel => s.clone(),
            _ => {
                let s = Arc::new(tokio::sync::Semaphore::new(parallel as usize));
                *g = Some((parallel, s.clone()));
                s
            }
        }
    }

    /// Cancels one queued or running upload; false when the id is unknown or finished.
    pub fn cancel(&self, id: u64) -> bool {
        self.running.lock().unwrap().get(&id).map(|(t, _)| t.cancel()).is_some()
    }

    /// On quit: pauses every running upload (a multipart one stays on the server and in the journal, to be
    /// resumed at the next start) and waits up to `wait` for them to stop. Returns how many were stopped.
    pub fn pause_all(&self, wait: Duration) -> usize {
        let n = {
            let running = self.running.lock().unwrap();
            for (cancel, pause) in running.values() {
                pause.store(true, Ordering::SeqCst);
                cancel.cancel();
            }
            running.len()
        };
        let until = Instant::now() + wait;
        while !self.running.lock().unwrap().is_empty() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(20));
        }
        n
    }

    fn register(&self) -> (u64, CancellationToken, Arc<AtomicBool>) {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst) + 1;
        let (cancel, pause) = (CancellationToken::new(), Arc::new(AtomicBool::new(false)));
        self.running.lock().unwrap().insert(id, (cancel.clone(), pause.clone()));
        (id, cancel, pause)
    }

    /// Resumes the journal's upload `entry` as a new row; its id is returned, events go to `send`.
    pub fn resume(
        self: &Arc<Self>,
        conn: Arc<Connection>,
        s: &Settings,
        journal: Journal,
        entry: upload::Entry,
        send: impl Fn(UploadEvent) + Clone + Send + Sync + 'static,
    ) -> u64 {
        let (id, cancel, pause) = self.register();
        let (limit, queue, params) = (self.semaphore(s.uploads.parallel), self.clone(), (s.expiry.upload_secs, 4));
        tauri::async_runtime::spawn(async move {
            let work = Work::Resume {
                journal,
                entry,
                params,
                pause,
            };
            run(id, &conn, work, &cancel, &limit, &send).await;
            queue.running.lock().unwrap().remove(&id);
        });
        id
    }

    /// Queues `items` into `bucket` and returns their ids in the order given; `send` gets every event.
    pub fn start(
        self: &Arc<Self>,
        conn: Arc<Connection>,
        s: &Settings,
        bucket: &str,
        items: Vec<UploadItem>,
        data_dir: &std::path::Path,
        send: impl Fn(UploadEvent) + Clone + Send + Sync + 'static,
    ) -> Vec<u64> {
        let limit = self.semaphore(s.uploads.parallel);
        let mut ids = Vec::new();
        for item in items {
            let (id, cancel, pause) = self.register();
            ids.push(id);
            let mut job = UploadJob::from_settings(&item.path, bucket, &item.key, s, data_dir);
            job.pause = pause;
            job.conflict = item.conflict;
            let (conn, limit, send, queue) = (conn.clone(), limit.clone(), send.clone(), self.clone());
            tauri::async_runtime::spawn(async move {
                run(id, &conn, Work::Fresh(job), &cancel, &limit, &send).await;
                queue.running.lock().unwrap().remove(&id);
            });
        }
        ids
    }
}

/// A fresh upload, or one the journal resumes.
enum Work {
    Fresh(UploadJob),
    Resume {
        journal: Journal,
        entry: upload::Entry,
        params: (u64, usize),
        pause: Arc<AtomicBool>,
    },
}

/// One upload from queued to its outcome, with progress at most every 100 ms. A paused multipart upload
/// ends as cancelled here; the journal keeps it.
async fn run(
    id: u64,
    conn: &Connection,
    work: Work,
    cancel: &CancellationToken,
    limit: &Arc<tokio::sync::Semaphore>,
    send: &(impl Fn(UploadEvent) + Sync),
) {
    let key = match &work {
        Work::Fresh(job) => job.key.clone(),
        Work::Resume { entry, .. } => entry.key.clone(),
    };
    let event = |state, sent, total, rate, key: &str, content_type: Option<String>, error| UploadEvent {
        id,
        state,
        sent,
        total,
        rate,
        key: key.to_owned(),
        content_type,
        error,
    };
    send(event(UploadState::Queued, 0, 0, 0.0, &key, None, None));
    let _permit = tokio::select! {
        p = limit.clone().acquire_owned() => p,
        () = cancel.cancelled() => {
            send(event(UploadState::Cancelled, 0, 0, 0.0, &key, None, None));
            return;
        }
    };
    let started = Instant::now();
    let last = Mutex::new(Instant::now() - Duration::from_secs(1));
    let progress = |sent: u64, total: u64| {
        let mut l = last.lock().unwrap();
        if l.elapsed() >= Duration::from_millis(100) || sent == total {
            *l = Instant::now();
            let rate = sent as f64 / started.elapsed().as_secs_f64().max(0.001);
            send(event(UploadState::Uploading, sent, total, rate, &key, None, None));
        }
    };
    let outcome = match &work {
        Work::Fresh(job) => upload::upload_file(conn, job, cancel, &progress).await,
        Work::Resume {
            journal,
            entry,
            params,
            pause,
        } => upload::resume(conn, journal, &entry.id, *params, (cancel, pause), &progress).await,
    };
    let done = match outcome {
        Ok(o) if o.skipped => event(UploadState::Skipped, 0, o.size, 0.0, &o.key, None, None),
        Ok(o) => {
            let rate = o.size as f64 / started.elapsed().as_secs_f64().max(0.001);
            event(UploadState::Done, o.size, o.size, rate, &o.key, Some(o.detected.mime), None)
        }
        Err(e) if e.kind() == ErrorKind::Cancelled => event(UploadState::Cancelled, 0, 0, 0.0, &key, None, None),
        Err(e) => event(UploadState::Failed, 0, 0, 0.0, &key, None, Some(e)),
    };
    send(done);
}
