//! The upload queue behind the window (no Tauri here): at most N uploads at once, per-row cancel, progress
//! throttled to one event per 100 ms, a pause of everything on quit, and uploads stopped by an expired
//! sign-in kept as paused rows that continue once the sign-in is renewed. Rows are named by the window, so
//! every event it receives belongs to a row it already shows.

use super::{resume, Journal, UploadJob};
use crate::client::Connection;
use crate::error::{Error, ErrorKind, Result};
use crate::ipc::{UploadEvent, UploadState};
use crate::settings::Settings;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// Where a row's events go.
pub type Sink = Arc<dyn Fn(UploadEvent) + Send + Sync>;

/// What one row does: a fresh upload, or the journal's unfinished one.
#[derive(Clone)]
enum Work {
    Fresh(UploadJob),
    /// `params`: link lifetime in seconds and parts in flight.
    Resume {
        journal: Journal,
        entry_id: String,
        params: (u64, usize),
    },
}

impl Work {
    fn key(&self, fallback: &str) -> String {
        match self {
            Work::Fresh(job) => job.key.clone(),
            Work::Resume { journal, entry_id, .. } => journal.get(entry_id).map_or_else(|| fallback.to_owned(), |e| e.key),
        }
    }
    /// The journal entry this row owns, if any (a fresh upload owns one once it goes multipart).
    fn entry_id(&self) -> &str {
        match self {
            Work::Fresh(job) => &job.journal_id,
            Work::Resume { entry_id, .. } => entry_id,
        }
    }
}

/// A row that is queued, running, or paused until the sign-in is renewed.
struct Row {
    cancel: CancellationToken,
    pause: Arc<AtomicBool>,
    /// The journal entry it runs (or will run, once a fresh upload goes multipart).
    entry_id: String,
    /// Set while paused by an expired sign-in: what to run again, on which connection, reporting where.
    waiting: Option<(Work, Arc<Connection>, Sink)>,
}

#[derive(Default)]
pub struct UploadQueue {
    rows: Mutex<HashMap<String, Row>>,
    limit: Mutex<Option<(u32, Arc<tokio::sync::Semaphore>)>>,
    /// Bytes per second of recent finished uploads (the last eight), for estimates.
    rates: Mutex<Vec<f64>>,
}

/// Row ids come from the window: short, printable, and not in use.
fn check_row(rows: &HashMap<String, Row>, id: &str) -> Result<()> {
    if id.is_empty() || id.len() > 64 || id.chars().any(char::is_control) {
        return Err(Error::invalid_input("an upload row needs an id of 1 to 64 printable characters"));
    }
    if rows.contains_key(id) {
        return Err(Error::invalid_input(format!("the upload row {id} is already in the queue")));
    }
    Ok(())
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

    /// Queues fresh uploads, each under the row id the window gave it. Nothing is queued if any id is bad.
    pub fn start(self: &Arc<Self>, conn: Arc<Connection>, parallel: u32, jobs: Vec<(String, UploadJob)>, sink: Sink) -> Result<()> {
        {
            let rows = self.rows.lock().unwrap();
            let mut seen = std::collections::HashSet::new();
            for (id, _) in &jobs {
                check_row(&rows, id)?;
                if !seen.insert(id.as_str()) {
                    return Err(Error::invalid_input(format!("the upload row {id} is named twice")));
                }
            }
        }
        for (id, job) in jobs {
            self.spawn(id, conn.clone(), parallel, Work::Fresh(job), sink.clone())?;
        }
        Ok(())
    }

    /// Resumes the journal's upload `entry_id` as the window's row `id`.
    pub fn resume(
        self: &Arc<Self>,
        id: String,
        conn: Arc<Connection>,
        s: &Settings,
        journal: Journal,
        entry_id: String,
        sink: Sink,
    ) -> Result<()> {
        if self.holds_entry(&entry_id) {
            return Err(Error::invalid_input("that unfinished upload is already in the queue"));
        }
        let params = (s.expiry.upload_secs, 4);
        self.spawn(id, conn, s.uploads.parallel, Work::Resume { journal, entry_id, params }, sink)
    }

    fn spawn(self: &Arc<Self>, id: String, conn: Arc<Connection>, parallel: u32, work: Work, sink: Sink) -> Result<()> {
        let (cancel, pause) = (CancellationToken::new(), Arc::new(AtomicBool::new(false)));
        {
            let mut rows = self.rows.lock().unwrap();
            check_row(&rows, &id)?;
            let entry_id = work.entry_id().to_owned();
            rows.insert(
                id.clone(),
                Row {
                    cancel: cancel.clone(),
                    pause: pause.clone(),
                    entry_id,
                    waiting: None,
                },
            );
        }
        let (queue, limit) = (self.clone(), self.semaphore(parallel));
        tokio::spawn(async move {
            let kept = run(&id, &conn, work, (&cancel, &pause), &limit, &sink, &queue).await;
            let mut rows = queue.rows.lock().unwrap();
            match kept {
                // Paused by an expired sign-in: kept, unless the row was cancelled meanwhile.
                Some(work) if !cancel.is_cancelled() => {
                    if let Some(r) = rows.get_mut(&id) {
                        r.waiting = Some((work, conn, sink));
                    }
                }
                _ => {
                    rows.remove(&id);
                }
            }
        });
        Ok(())
    }

    /// Cancels one queued, running or paused row; false when the id is unknown or finished. A paused
    /// multipart upload stays in the journal, to be resumed or discarded from the unfinished list.
    pub fn cancel(&self, id: &str) -> bool {
        let mut rows = self.rows.lock().unwrap();
        let Some(row) = rows.get(id) else { return false };
        row.cancel.cancel();
        if let Some((work, _, sink)) = rows.remove(id).and_then(|r| r.waiting) {
            sink(event(id, UploadState::Cancelled, (0, 0, 0.0), &work.key(""), None));
        }
        true
    }

    /// Whether a row holds the journal's entry `entry_id` (running it, or paused with it).
    pub fn holds_entry(&self, entry_id: &str) -> bool {
        self.rows.lock().unwrap().values().any(|r| r.entry_id == entry_id)
    }

    /// After a sign-in: rows paused because `profile`'s sign-in expired continue (a multipart upload
    /// resumes from the journal, sending only the parts the server lacks). Returns how many continued.
    pub fn signed_in(self: &Arc<Self>, profile: &str) -> usize {
        let ready: Vec<(String, Work, Arc<Connection>, Sink)> = {
            let mut rows = self.rows.lock().unwrap();
            let ids: Vec<String> = rows
                .iter()
                .filter(|(_, r)| r.waiting.as_ref().is_some_and(|(_, c, _)| c.target.label() == profile))
                .map(|(id, _)| id.clone())
                .collect();
            ids.into_iter()
                .filter_map(|id| rows.remove(&id).and_then(|r| r.waiting).map(|(w, c, s)| (id, w, c, s)))
                .collect()
        };
        let n = ready.len();
        for (id, work, conn, sink) in ready {
            let parallel = self.limit.lock().unwrap().as_ref().map_or(4, |(n, _)| *n);
            if let Err(e) = self.spawn(id.clone(), conn, parallel, work, sink.clone()) {
                sink(event(&id, UploadState::Failed, (0, 0, 0.0), "", Some(e)));
            }
        }
        n
    }
}

impl UploadQueue {
    /// On quit: pauses every running upload (a multipart one stays on the server and in the journal, to be
    /// resumed at the next start) and waits up to `wait` for them to stop. Returns how many were stopped.
    pub fn pause_all(&self, wait: Duration) -> usize {
        let n = {
            let rows = self.rows.lock().unwrap();
            for r in rows.values() {
                r.pause.store(true, Ordering::SeqCst);
                r.cancel.cancel();
            }
            rows.values().filter(|r| r.waiting.is_none()).count()
        };
        let until = Instant::now() + wait;
        let busy = || self.rows.lock().unwrap().values().any(|r| r.waiting.is_none());
        while busy() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(20));
        }
        n
    }

    /// Bytes per second the recent uploads reached (the median of the last eight of at least 1 MiB), if any.
    pub fn recent_rate(&self) -> Option<f64> {
        let mut r = self.rates.lock().unwrap().clone();
        r.sort_by(f64::total_cmp);
        r.get(r.len() / 2).copied()
    }

    fn note_rate(&self, bytes: u64, secs: f64) {
        if bytes >= 1024 * 1024 && secs > 0.0 {
            let mut r = self.rates.lock().unwrap();
            if r.len() == 8 {
                r.remove(0);
            }
            r.push(bytes as f64 / secs);
        }
    }
}

fn event(id: &str, state: UploadState, (sent, total, rate): (u64, u64, f64), key: &str, error: Option<Error>) -> UploadEvent {
    UploadEvent {
        id: id.to_owned(),
        state,
        sent,
        total,
        rate,
        key: key.to_owned(),
        content_type: None,
        error,
    }
}

/// One row from queued to its outcome. Returns the work to keep when an expired sign-in paused it (a
/// fresh multipart upload continues from its journal entry); a quit's pause ends the row as cancelled.
async fn run(
    id: &str,
    conn: &Connection,
    work: Work,
    (cancel, pause): (&CancellationToken, &Arc<AtomicBool>),
    limit: &Arc<tokio::sync::Semaphore>,
    sink: &Sink,
    queue: &UploadQueue,
) -> Option<Work> {
    let key = work.key("");
    sink(event(id, UploadState::Queued, (0, 0, 0.0), &key, None));
    let _permit = tokio::select! {
        p = limit.clone().acquire_owned() => p,
        () = cancel.cancelled() => {
            sink(event(id, UploadState::Cancelled, (0, 0, 0.0), &key, None));
            return None;
        }
    };
    let started = Instant::now();
    let last = Mutex::new(Instant::now() - Duration::from_secs(1));
    let progress = |sent: u64, total: u64| {
        let mut l = last.lock().unwrap();
        if l.elapsed() >= Duration::from_millis(100) || sent == total {
            *l = Instant::now();
            let rate = sent as f64 / started.elapsed().as_secs_f64().max(0.001);
            sink(event(id, UploadState::Uploading, (sent, total, rate), &key, None));
        }
    };
    let outcome = match &work {
        Work::Fresh(job) => {
            let mut job = job.clone();
            job.pause = pause.clone();
            super::upload_file(conn, &job, cancel, &progress).await
        }
        Work::Resume { journal, entry_id, params } => resume(conn, journal, entry_id, *params, (cancel, pause), &progress).await,
    };
    let secs = started.elapsed().as_secs_f64().max(0.001);
    match outcome {
        Ok(o) if o.skipped => sink(event(id, UploadState::Skipped, (0, o.size, 0.0), &o.key, None)),
        Ok(o) => {
            queue.note_rate(o.size, secs);
            let mut done = event(id, UploadState::Done, (o.size, o.size, o.size as f64 / secs), &o.key, None);
            done.content_type = Some(o.detected.mime);
            sink(done);
        }
        Err(e) if e.kind() == ErrorKind::Cancelled => sink(event(id, UploadState::Cancelled, (0, 0, 0.0), &key, None)),
        Err(e) if e.kind() == ErrorKind::ExpiredToken => {
            let kept = match work {
                Work::Fresh(job) => match job.journal.as_ref().filter(|j| j.get(&job.journal_id).is_some()) {
                    Some(journal) => Work::Resume {
                        journal: journal.clone(),
                        entry_id: job.journal_id.clone(),
                        params: (job.expires_secs, job.parallel_parts),
                    },
                    None => Work::Fresh(job),
                },
                resumed => resumed,
            };
            tracing::info!(key, "upload paused until the sign-in is renewed");
            sink(event(id, UploadState::Paused, (0, 0, 0.0), &key, Some(e)));
            return Some(kept);
        }
        Err(e) => sink(event(id, UploadState::Failed, (0, 0, 0.0), &key, Some(e))),
    }
    None
}
