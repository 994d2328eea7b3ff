//! The upload queue: up to N at once (a setting), progress over a channel, per-file cancel. Each upload
//! keeps the connection it started with, so switching profile does not redirect it.

use crate::state::AppState;
use bucketlens_core::ipc::{UploadEvent, UploadState};
use bucketlens_core::upload::{self, Conflict, ScanResult, UploadJob};
use bucketlens_core::{Error, ErrorKind, Result};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tokio_util::sync::CancellationToken;

#[derive(Default)]
pub struct UploadQueue {
    next_id: AtomicU64,
    running: Mutex<HashMap<u64, CancellationToken>>,
    limit: Mutex<Option<(u32, Arc<tokio::sync::Semaphore>)>>,
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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UploadRequest {
    pub path: String,
    pub key: String,
    pub conflict: Conflict,
}

/// Expands dropped or picked paths under `prefix`, checking types against the allow-list.
#[tauri::command]
pub fn scan_paths(state: State<'_, AppState>, paths: Vec<String>, prefix: String) -> ScanResult {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    upload::scan(&paths, &prefix, &state.settings().uploads.allowed_types)
}

/// Which of `keys` already exist (HEAD), so the window can ask Replace / Keep both / Skip first.
#[tauri::command]
pub async fn check_existing(state: State<'_, AppState>, bucket: String, keys: Vec<String>) -> Result<Vec<String>> {
    use futures::StreamExt;
    let conn = state.session.active()?;
    let found: Vec<Result<Option<String>>> = futures::stream::iter(keys)
        .map(|k| {
            let conn = conn.clone();
            let bucket = bucket.clone();
            async move { Ok(bucketlens_core::listing::exists(&conn, &bucket, &k).await?.then_some(k)) }
        })
        .buffered(8)
        .collect()
        .await;
    found.into_iter().filter_map(|r| r.transpose()).collect()
}

/// Queues uploads and returns their ids (in the order given); events arrive on `on_event`.
#[tauri::command]
pub fn start_upload(
    state: State<'_, AppState>,
    bucket: String,
    items: Vec<UploadRequest>,
    on_event: Channel<UploadEvent>,
) -> Result<Vec<u64>> {
    let conn = state.session.active()?;
    let s = state.settings();
    let by = if s.uploads.display_name.is_empty() {
        upload::os_user()
    } else {
        s.uploads.display_name.clone()
    };
    let limit = state.uploads.semaphore(s.uploads.parallel);
    let mut ids = Vec::new();
    for item in items {
        let id = state.uploads.next_id.fetch_add(1, Ordering::SeqCst) + 1;
        ids.push(id);
        let cancel = CancellationToken::new();
        state.uploads.running.lock().unwrap().insert(id, cancel.clone());
        let mut job = UploadJob::new(&item.path, &bucket, &item.key);
        job.uploaded_by = by.clone();
        job.allowed_types = s.uploads.allowed_types.clone();
        job.conflict = item.conflict;
        job.expires_secs = s.expiry.upload_secs;
        job.multipart_threshold = s.uploads.multipart_threshold_mib * 1024 * 1024;
        let (conn, limit, channel) = (conn.clone(), limit.clone(), on_event.clone());
        let queue = state.uploads.clone();
        tauri::async_runtime::spawn(async move {
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
            let _ = channel.send(event(UploadState::Queued, 0, 0, 0.0, &job.key, None, None));
            let _permit = tokio::select! {
                p = limit.acquire_owned() => p,
                () = cancel.cancelled() => {
                    let _ = channel.send(event(UploadState::Cancelled, 0, 0, 0.0, &job.key, None, None));
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
                    let _ = channel.send(event(UploadState::Uploading, sent, total, rate, &job.key, None, None));
                }
            };
            let result = upload::upload_file(&conn, &job, &cancel, &progress).await;
            let done = match result {
                Ok(o) if o.skipped => event(UploadState::Skipped, 0, o.size, 0.0, &o.key, None, None),
                Ok(o) => {
                    let rate = o.size as f64 / started.elapsed().as_secs_f64().max(0.001);
                    event(UploadState::Done, o.size, o.size, rate, &o.key, Some(o.detected.mime), None)
                }
                Err(e) if e.kind() == ErrorKind::Cancelled => event(UploadState::Cancelled, 0, 0, 0.0, &job.key, None, None),
                Err(e) => event(UploadState::Failed, 0, 0, 0.0, &job.key, None, Some(e)),
            };
            let _ = channel.send(done);
            queue.running.lock().unwrap().remove(&id);
        });
    }
    Ok(ids)
}

/// Cancels one queued or running upload (a multipart upload is aborted on the server).
#[tauri::command]
pub fn cancel_upload(state: State<'_, AppState>, id: u64) -> bool {
    state.uploads.running.lock().unwrap().get(&id).map(|t| t.cancel()).is_some()
}

/// The system file picker (several files at once); an empty list when cancelled.
#[tauri::command]
pub async fn pick_files<R: Runtime>(app: AppHandle<R>) -> Result<Vec<String>> {
    use tauri_plugin_dialog::DialogExt;
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog().file().pick_files(move |files| {
        let _ = tx.send(files.unwrap_or_default());
    });
    let files = rx.await.map_err(|_| Error::internal("the file picker closed unexpectedly"))?;
    Ok(files
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .map(|p| p.display().to_string())
        .collect())
}
