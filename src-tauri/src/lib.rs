//! The Tauri shell: wires the core into a window. Commands stay thin; logic lives in `bucketlens-core`.

pub mod commands;
pub mod state;
#[cfg(test)]
mod tests;

use state::{AppState, LaunchOptions};
use tauri::Runtime;

/// Registers state and commands on any runtime, so tests can run the app on the mock runtime.
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>, options: LaunchOptions) -> tauri::Builder<R> {
    builder
        .manage(AppState::new(options))
        .invoke_handler(tauri::generate_handler![
            commands::bootstrap,
            commands::list_profiles,
            commands::reload_profiles,
            commands::select_profile,
            commands::current_session,
            commands::list_buckets,
            commands::list_prefix,
            commands::head_object,
            commands::presign_preview,
            commands::presign_share,
            commands::get_settings,
            commands::save_settings,
            commands::validate_settings,
            commands::parse_location,
            commands::delete_object,
            commands::sniff_type,
            commands::open_url,
            commands::copy_text,
        ])
}

/// Runs the desktop app.
pub fn run() {
    let options = LaunchOptions::from_env();
    let paths = bucketlens_core::paths::AppPaths::resolve();
    let level = bucketlens_core::settings::SettingsStore::new(&paths.config_dir).load().0.log_level;
    let _guard = bucketlens_core::logging::init(&paths.log_dir, &level);
    tracing::info!(demo = options.demo, "BucketLens starting");
    build_app(tauri::Builder::default(), options)
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .run(tauri::generate_context!())
        .expect("error while running BucketLens");
}
