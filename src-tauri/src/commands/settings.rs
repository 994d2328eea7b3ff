//! Commands for the app's own settings (never the AWS files).

use crate::state::AppState;
use bucketlens_core::settings::{FieldError, Settings};
use bucketlens_core::Result;
use tauri::Manager;
use tauri::{AppHandle, Runtime, State};

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Settings {
    state.settings()
}

#[tauri::command]
pub fn validate_settings(request: Settings) -> Vec<FieldError> {
    request.validate()
}

/// Validates and saves atomically; nothing is saved while any field is invalid.
#[tauri::command]
pub async fn save_settings<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, request: Settings) -> Result<Settings> {
    let saved = state.settings.replace(request)?;
    app.state::<crate::thumbs::Thumbs>().set_cap_mb(saved.gallery.cache_mb);
    crate::menu::refresh(&app).await;
    crate::menu::apply_theme(&app, saved.theme);
    Ok(saved)
}
