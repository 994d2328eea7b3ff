//! Commands of the upload flow: scan what was dropped, ask about existing keys, queue, cancel; resume or
//! discard what the journal holds.

use crate::state::AppState;
use bucketlens_core::ipc::{
    CancelUploadRequest, CheckExistingRequest, CheckUploadTimeRequest, PendingUploadRequest, ResumeUploadRequest, ScanPathsRequest,
    StartUploadRequest, UploadEvent,
};
use bucketlens_core::upload::lifetime::{self, LifetimeWarning};
use bucketlens_core::upload::{self, ScanResult, Sink, UploadJob};
use bucketlens_core::{Error, Result};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tauri::ipc::Channel;
use tauri::State;

/// Expands dropped or picked paths under `prefix`, checking types and names, off the main thread. A newer
/// scan stops this one. Only paths dropped on the window or picked in the dialog are scanned.
#[tauri::command]
pub async fn scan_paths(state: State<'_, AppState>, request: ScanPathsRequest) -> Result<ScanResult> {
    let paths: Vec<PathBuf> = request.paths.into_iter().map(PathBuf::from).collect();
    state.grants.check_scan(&paths)?;
    let cancel = Arc::new(AtomicBool::new(false));
    std::mem::replace(&mut *state.scan_cancel.lock().unwrap(), cancel.clone()).store(true, Ordering::Relaxed);
    let allow = state.settings().uploads.allowed_types;
    let result = tauri::async_runtime::spawn_blocking(move || upload::scan(&paths, &request.prefix, &allow, &cancel))
        .await
        .map_err(|e| Error::internal(format!("the scan stopped: {e}")))?;
    state.grants.allow_upload(result.items.iter().map(|i| i.path.clone()));
    Ok(result)
}

/// Which of `keys` already exist (HEAD), so the window can ask Replace / Keep both / Skip first.
#[tauri::command]
pub async fn check_existing(state: State<'_, AppState>, request: CheckExistingRequest) -> Result<Vec<String>> {
    let conn = state.session.active()?;
    bucketlens_core::objects::existing(&conn, &request.bucket, request.keys).await
}

/// Whether uploads of `bytes` may outlast the active profile's sign-in, at the rate recent uploads reached.
#[tauri::command]
pub async fn check_upload_time(state: State<'_, AppState>, request: CheckUploadTimeRequest) -> Result<Option<LifetimeWarning>> {
    let conn = state.session.active()?;
    lifetime::warning(&conn, state.session.files(), request.bytes, state.uploads.recent_rate()).await
}

fn sink(channel: Channel<UploadEvent>) -> Sink {
    Arc::new(move |e: UploadEvent| {
        let _ = channel.send(e);
    })
}

/// Queues uploads under the window's row ids (all or none); events arrive on `channel`. Only files the
/// scan returned may be uploaded.
#[tauri::command]
pub async fn start_upload(state: State<'_, AppState>, request: StartUploadRequest, channel: Channel<UploadEvent>) -> Result<()> {
    state.grants.check_upload(request.items.iter().map(|i| i.path.as_str()))?;
    let (conn, s) = (state.session.active()?, state.settings());
    s.guard(conn.target.label(), &request.bucket, request.confirmed_for.as_deref())?;
    let jobs = request.items.into_iter().map(|item| {
        let mut job = UploadJob::from_settings(&item.path, &request.bucket, &item.key, &s, &state.paths.data_dir);
        job.conflict = item.conflict;
        (item.id, job)
    });
    state.uploads.start(conn, s.uploads.parallel, jobs.collect(), sink(channel))
}

/// The journal's unfinished multipart uploads; half-created ones of the active profile are swept first.
#[tauri::command]
pub async fn pending_uploads(state: State<'_, AppState>) -> Result<Vec<upload::Entry>> {
    let journal = state.journal();
    if let Ok(conn) = state.session.active() {
        if let Err(e) = upload::sweep(&conn, &journal).await {
            tracing::warn!(error = %e, "could not sweep half-created uploads");
        }
    }
    // Rows of this window hold some (running, or paused until the next sign-in): those are not offered.
    Ok(journal.list().into_iter().filter(|e| !state.uploads.holds_entry(&e.id)).collect())
}

/// Resumes one unfinished upload as the window's row, with the active profile, which must be the one it
/// was started with.
#[tauri::command]
pub async fn resume_upload(state: State<'_, AppState>, request: ResumeUploadRequest, channel: Channel<UploadEvent>) -> Result<()> {
    let (journal, conn) = (state.journal(), state.session.active()?);
    let entry = journal
        .get(&request.id)
        .ok_or_else(|| Error::invalid_input("that unfinished upload is no longer in the journal"))?;
    if entry.profile != conn.target.label() {
        return Err(Error::invalid_input(format!(
            "this upload was started with the profile \"{}\"; switch to it to resume",
            entry.profile
        )));
    }
    state
        .uploads
        .resume(request.row, conn, &state.settings(), journal, entry.id, sink(channel))
}

/// Gives up one unfinished upload: aborted on the server, nothing left.
#[tauri::command]
pub async fn discard_upload(state: State<'_, AppState>, request: PendingUploadRequest) -> Result<()> {
    if state.uploads.holds_entry(&request.id) {
        return Err(Error::invalid_input("that upload is in the queue; cancel it there first"));
    }
    let (journal, conn) = (state.journal(), state.session.active()?);
    upload::discard(&conn, &journal, &request.id).await
}

/// Cancels one queued or running upload (a multipart upload is aborted on the server).
#[tauri::command]
pub fn cancel_upload(state: State<'_, AppState>, request: CancelUploadRequest) -> bool {
    state.uploads.cancel(&request.id)
}
