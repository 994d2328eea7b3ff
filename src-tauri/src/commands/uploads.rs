//! Commands of the upload flow: scan what was dropped, ask about existing keys, queue, cancel; resume or
//! discard what the journal holds.

use crate::state::AppState;
use bucketlens_core::ipc::{
    CancelUploadRequest, CheckExistingRequest, PendingUploadRequest, ScanPathsRequest, StartUploadRequest, UploadEvent,
};
use bucketlens_core::upload::{self, ScanResult};
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
    crate::uploads::existing(&conn, &request.bucket, request.keys).await
}

/// Queues uploads and returns their ids (in the order given); events arrive on `channel`.
#[tauri::command]
pub fn start_upload(state: State<'_, AppState>, request: StartUploadRequest, channel: Channel<UploadEvent>) -> Result<Vec<u64>> {
    state.grants.check_upload(request.items.iter().map(|i| i.path.as_str()))?;
    let conn = state.session.active()?;
    let send = move |e: UploadEvent| {
        let _ = channel.send(e);
    };
    let data_dir = &state.paths.data_dir;
    Ok(state
        .uploads
        .start(conn, &state.settings(), &request.bucket, request.items, data_dir, send))
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
    Ok(journal.list())
}

/// Resumes one unfinished upload with the active profile, which must be the one it was started with.
#[tauri::command]
pub fn resume_upload(state: State<'_, AppState>, request: PendingUploadRequest, channel: Channel<UploadEvent>) -> Result<u64> {
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
    let send = move |e: UploadEvent| {
        let _ = channel.send(e);
    };
    Ok(state.uploads.resume(conn, &state.settings(), journal, entry, send))
}

/// Gives up one unfinished upload: aborted on the server, nothing left.
#[tauri::command]
pub async fn discard_upload(state: State<'_, AppState>, request: PendingUploadRequest) -> Result<()> {
    let (journal, conn) = (state.journal(), state.session.active()?);
    upload::discard(&conn, &journal, &request.id).await
}

/// Cancels one queued or running upload (a multipart upload is aborted on the server).
#[tauri::command]
pub fn cancel_upload(state: State<'_, AppState>, request: CancelUploadRequest) -> bool {
    state.uploads.cancel(request.id)
}
