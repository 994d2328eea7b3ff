//! The upload queue: up to N at once (a setting), progress as events, per-file cancel. Each upload keeps the
//! connection it started with, so switching profile does not redirect it.

use bucketlens_core::client::Connection;
use bucketlens_core::ipc::{UploadEvent, UploadItem, UploadState};
use bucketlens_core::settings::Settings;
use bucketlens_core::upload::{self, UploadJob};
use bucketlens_core::{ErrorKind, Result};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

#[derive(Default)]
pub struct UploadQueue {
    next_id: AtomicU64,
    running: Mutex<HashMap<u64, CancellationToken>>,
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
        self.running.lock().unwrap().get(&id).map(|t| t.cancel()).is_some()
    }

    /// Queues `items` into `bucket` and returns their ids in the order given; `send` gets every event.
    pub fn start(
        self: &Arc<Self>,
        conn: Arc<Connection>,
        s: &Settings,
        bucket: &str,
        items: Vec<UploadItem>,
        send: impl Fn(UploadEvent) + Clone + Send + Sync + 'static,
    ) -> Vec<u64> {
        let by = if s.uploads.display_name.is_empty() {
            upload::os_user()
        } else {
            s.uploads.display_name.clone()
        };
        let limit = self.semaphore(s.uploads.parallel);
        let mut ids = Vec::new();
        for item in items {
            let id = self.next_id.fetch_add(1, Ordering::SeqCst) + 1;
            ids.push(id);
            let cancel = CancellationToken::new();
            self.running.lock().unwrap().insert(id, cancel.clone());
            let mut job = UploadJob::new(&item.path, bucket, &item.key);
            job.uploaded_by = by.clone();
            job.allowed_types = s.uploads.allowed_types.clone();
            job.conflict = item.conflict;
            job.expires_secs = s.expiry.upload_secs;
            job.multipart_threshold = s.uploads.multipart_threshold_mib * 1024 * 1024;
            let (conn, limit, send, queue) = (conn.clone(), limit.clone(), send.clone(), self.clone());
            tauri::async_runtime::spawn(async move {
                run(id, &conn, &job, &cancel, &limit, &send).await;
                queue.running.lock().unwrap().remove(&id);
            });
        }
        ids
    }
}

/// One upload from queued to its outcome, with progress at most every 100 ms.
async fn run(
    id: u64,
    conn: &Connection,
    job: &UploadJob,
    cancel: &CancellationToken,
    limit: &Arc<tokio::sync::Semaphore>,
    send: &(impl Fn(UploadEvent) + Sync),
) {
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
    send(event(UploadState::Queued, 0, 0, 0.0, &job.key, None, None));
    let _permit = tokio::select! {
        p = limit.clone().acquire_owned() => p,
        () = cancel.cancelled() => {
            send(event(UploadState::Cancelled, 0, 0, 0.0, &job.key, None, None));
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
            send(event(UploadState::Uploading, sent, total, rate, &job.key, None, None));
        }
    };
    let done = match upload::upload_file(conn, job, cancel, &progress).await {
        Ok(o) if o.skipped => event(UploadState::Skipped, 0, o.size, 0.0, &o.key, None, None),
        Ok(o) => {
            let rate = o.size as f64 / started.elapsed().as_secs_f64().max(0.001);
            event(UploadState::Done, o.size, o.size, rate, &o.key, Some(o.detected.mime), None)
        }
        Err(e) if e.kind() == ErrorKind::Cancelled => event(UploadState::Cancelled, 0, 0, 0.0, &job.key, None, None),
        Err(e) => event(UploadState::Failed, 0, 0, 0.0, &job.key, None, Some(e)),
    };
    send(done);
}
