//! Commands of the upload flow: scan what was dropped, ask about existing keys, queue, cancel.

use crate::state::AppState;
use bucketlens_core::ipc::{CancelUploadRequest, CheckExistingRequest, ScanPathsRequest, StartUploadRequest, UploadEvent};
use bucketlens_core::upload::{self, ScanResult};
use bucketlens_core::Result;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

/// Expands dropped or picked paths under `prefix`, checking types against the allow-list.
#[tauri::command]
pub fn scan_paths(state: State<'_, AppState>, request: ScanPathsRequest) -> ScanResult {
    let paths: Vec<PathBuf> = request.paths.into_iter().map(PathBuf::from).collect();
    upload::scan(&paths, &request.prefix, &state.settings().uploads.allowed_types)
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
    let conn = state.session.active()?;
    let send = move |e: UploadEvent| {
        let _ = channel.send(e);
    };
    Ok(state.uploads.start(conn, &state.settings(), &request.bucket, request.items, send))
}

/// Cancels one queued or running upload (a multipart upload is aborted on the server).
#[tauri::command]
pub fn cancel_upload(state: State<'_, AppState>, request: CancelUploadRequest) -> bool {
    state.uploads.cancel(request.id)
}
