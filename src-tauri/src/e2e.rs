//! Test-only (feature `e2e`, never in release bundles): hands file paths to the window exactly as a
//! native drop does, so the real-window tests exercise the same drop handler.

use serde_json::json;
use tauri::{AppHandle, Emitter, EventTarget, Runtime};

#[tauri::command]
pub fn e2e_drop<R: Runtime>(app: AppHandle<R>, paths: Vec<String>) -> Result<(), String> {
    let payload = json!({ "paths": paths, "position": { "x": 200, "y": 200 } });
    app.emit_to(EventTarget::labeled("main"), "tauri://drag-drop", payload)
        .map_err(|e| e.to_string())
}
