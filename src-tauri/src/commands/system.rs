//! Commands that reach the desktop: the system browser, the clipboard, the file picker.

use crate::state::AppState;
use bucketlens_core::ipc::{CopyTextRequest, OpenUrlRequest};
use bucketlens_core::{Error, Result};
use tauri::{AppHandle, Runtime, State};

/// Opens a presigned link minted in this session with the system's browser or download handler.
#[tauri::command]
pub fn open_url<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, request: OpenUrlRequest) -> Result<()> {
    use tauri_plugin_opener::OpenerExt;
    let url = request.url;
    state.grants.check_link(&url)?;
    app.opener().open_url(url, None::<&str>).map_err(|e| Error::internal(e.to_string()))
}

/// Puts text (a link) on the system clipboard.
#[tauri::command]
pub fn copy_text<R: Runtime>(app: AppHandle<R>, request: CopyTextRequest) -> Result<()> {
    use tauri_plugin_clipboard_manager::ClipboardExt;
    let written = match request.html {
        Some(html) => app.clipboard().write_html(html, Some(request.text)),
        None => app.clipboard().write_text(request.text),
    };
    written.map_err(|e| Error::internal(e.to_string()))
}

/// The system file picker (several files at once); an empty list when cancelled.
#[tauri::command]
pub async fn pick_files<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Vec<String>> {
    use tauri_plugin_dialog::DialogExt;
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog().file().pick_files(move |files| {
        let _ = tx.send(files.unwrap_or_default());
    });
    let files = rx.await.map_err(|_| Error::internal("the file picker closed unexpectedly"))?;
    let paths: Vec<std::path::PathBuf> = files.into_iter().filter_map(|f| f.into_path().ok()).collect();
    state.grants.allow_scan(paths.iter().cloned());
    Ok(paths.iter().map(|p| p.display().to_string()).collect())
}

/// Asks the release feed for a newer signed version (nothing is downloaded).
#[tauri::command]
pub async fn check_update<R: Runtime>(
    app: AppHandle<R>,
    pending: State<'_, crate::updates::Pending>,
) -> Result<Option<bucketlens_core::ipc::UpdateInfo>> {
    crate::updates::check(crate::updates::builder(&app)?, &pending).await
}

/// Downloads the update the last check offered, verifies it, pauses uploads (resumable), installs, restarts.
#[tauri::command]
pub async fn install_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pending: State<'_, crate::updates::Pending>,
) -> Result<()> {
    let (update, bytes) = crate::updates::download(&pending).await?;
    state.uploads.pause_all(std::time::Duration::from_secs(5));
    crate::updates::install(&update, &bytes)?;
    app.restart()
}
