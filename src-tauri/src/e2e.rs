//! Test-only (feature `e2e`, never in release bundles): hands file paths to the window exactly as a
//! native drop does, so the real-window tests exercise the same drop handler.

use serde_json::json;
use tauri::{AppHandle, Emitter, EventTarget, Manager, Runtime};

#[tauri::command]
pub fn e2e_drop<R: Runtime>(app: AppHandle<R>, paths: Vec<String>) -> Result<(), String> {
    // A native drop grants its paths in the window-event handler; this stand-in does the same.
    let state = app.state::<crate::state::AppState>();
    state.grants.allow_scan(paths.iter().map(std::path::PathBuf::from));
    let payload = json!({ "paths": paths, "position": { "x": 200, "y": 200 } });
    app.emit_to(EventTarget::labeled("main"), "tauri://drag-drop", payload)
        .map_err(|e| e.to_string())
}
