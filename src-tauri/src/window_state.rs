//! Remembers the window's size, position and maximised state across starts (tauri-plugin-window-state).
//! The file sits in the app's settings folder, and is also saved a second after the last move or resize, so
//! a crash or a killed process keeps the layout. A damaged file is ignored (default size); a position on a
//! monitor that has gone is not restored (the plugin checks).
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime, Window, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, Builder, StateFlags};

/// The state file's name inside the settings folder.
pub const FILE: &str = "window-state.json";

/// Size, position, maximised and full-screen; not visibility or decorations (the app decides those).
fn flags() -> StateFlags {
    StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED | StateFlags::FULLSCREEN
}

/// The plugin, saving to `config_dir/window-state.json` (the plugin joins an absolute name as is).
pub fn plugin<R: Runtime>(config_dir: &Path) -> TauriPlugin<R> {
    Builder::new()
        .with_state_flags(flags())
        .with_filename(config_dir.join(FILE).to_string_lossy())
        .build()
}

/// How long after the last move or resize the state is written.
const QUIET: Duration = Duration::from_secs(1);
static LAST_CHANGE: AtomicU64 = AtomicU64::new(0);

/// Saves the layout once moves and resizes have stopped for a second (a drag sends hundreds of events).
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if !matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
        return;
    }
    let mine = LAST_CHANGE.fetch_add(1, Ordering::SeqCst) + 1;
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(QUIET).await;
        if LAST_CHANGE.load(Ordering::SeqCst) == mine {
            if let Err(e) = app.save_window_state(flags()) {
                tracing::warn!(error = %e, "could not save the window's size and position");
            }
        }
    });
}
