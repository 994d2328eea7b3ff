//! The Tauri shell: wires the core into a window. Commands stay thin; logic lives in `bucketlens-core`.

pub mod commands;
pub mod csp;
#[cfg(feature = "e2e")]
pub mod e2e;
pub mod grants;
pub mod instance;
pub mod menu;
pub mod mfa_prompt;
pub mod render;
pub mod state;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_find;
#[cfg(test)]
mod tests_viewer;
pub mod thumbs;
pub mod updates;
pub mod window_state;

use state::{AppState, LaunchOptions};
use tauri::Runtime;

/// Registers state and commands on any runtime, so tests can run the app on the mock runtime.
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    thumbs::protocol(builder)
        .manage(state)
        .manage(updates::Pending::default())
        .invoke_handler(handlers())
        .plugin(warm_up())
}

/// Start-up (the demo server, the remembered profile's connection, the remembered folder's first page, then the
/// menu with the profiles) begins as the app is built, while WebKit starts and loads the page, not when the page
/// first asks (`bootstrap` waits for the connection either way, not for the menu). A plugin's setup, unlike the
/// app's, runs inside `build`, so the mock-runtime tests exercise it too.
fn warm_up<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("warm-up")
        .setup(|app, _| {
            use tauri::Manager;
            let handle = app.clone();
            tauri::async_runtime::spawn(async move {
                handle.state::<AppState>().warm_up().await;
                menu::refresh(&handle).await;
            });
            Ok(())
        })
        .build()
}

/// The handler list and the command names, generated from the core's declaration of the IPC surface.
/// Builds with the `e2e` feature add the test-only `e2e_drop`.
macro_rules! surface {
    ($( $(#[$meta:meta])* $name:ident ($req:ty $(, channel $chan:ty)?) -> $res:ty; )*) => {
        /// Every command the window may call, as declared in `bucketlens_core::with_commands!`.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        #[cfg(not(feature = "e2e"))]
        fn handlers<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(commands::$name),*]
        }

        #[cfg(feature = "e2e")]
        fn handlers<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(commands::$name,)* e2e::e2e_drop]
        }
    };
}
bucketlens_core::with_commands!(surface);

/// Builds the desktop app around `state` (with the CSP widened to the endpoints in use).
fn build(state: AppState) -> tauri::Result<tauri::App> {
    state.native_menu.store(true, std::sync::atomic::Ordering::SeqCst);
    let settings = state.settings();
    let config_dir = state.paths.config_dir.clone();
    let mut context = tauri::generate_context!();
    let profile_endpoints: Vec<String> = tauri::async_runtime::block_on(bucketlens_core::profiles::list_profiles(&Default::default()))
        .map(|l| l.profiles.into_iter().filter_map(|p| p.endpoint_url).collect())
        .unwrap_or_default();
    if let Some(policy) = context.config_mut().app.security.csp.as_mut() {
        csp::allow_origins(policy, &csp::endpoints(&settings, &profile_endpoints));
    }
    // First: a second launch hands over to the running one and exits before any window opens.
    build_app(tauri::Builder::default().plugin(instance::plugin()), state)
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(window_state::plugin(&config_dir))
        .plugin(tauri_plugin_updater::Builder::new().build())
        .setup(|app| {
            instance::register_links(app.handle());
            Ok(())
        })
        .on_menu_event(menu::on_event)
        .on_page_load(|_, payload| {
            // Start-up's buffers (the page's assets, settings, profiles, the first listing) are freed by the time
            // the page has loaded and drawn its list; the allocator keeps them until asked.
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                tauri::async_runtime::spawn(async {
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    bucketlens_core::memory::give_back();
                });
            }
        })
        .on_window_event(|window, event| {
            window_state::on_window_event(window, event);
            // The only way a path reaches the upload flow: a real drop (or the file picker, see pick_files).
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                use tauri::Manager;
                window.state::<AppState>().grants.allow_scan(paths.iter().cloned());
            }
        })
        .build(context)
}

/// Runs the desktop app.
pub fn run() {
    // Before anything starts a thread or a window: how WebKit will draw.
    let rendering = render::apply();
    // The state loads the settings once (a broken file is moved aside and reported to the window).
    let options = LaunchOptions::from_env();
    let state = AppState::new(options.clone());
    let _guard = bucketlens_core::logging::init(&state.paths.log_dir, &state.settings().log_level);
    tracing::info!(demo = state.options.demo, ?rendering, "BucketLens starting");
    // Before the webview opens its storage: folders of the old identifier move to the new one's name, once.
    for (from, to) in bucketlens_core::paths::migrate_identifier(&bucketlens_core::paths::identifier_roots()) {
        tracing::info!(from = %from.display(), to = %to.display(), "moved to the new identifier's folder");
    }
    let app = match build(state) {
        Ok(app) => app,
        Err(e) => {
            // The running BucketLens was quitting as this one handed over (it left the bus without answering):
            // once it has gone, this launch is the first, so start again (a fresh process; bounded).
            if instance::previous_was_quitting(&e.to_string()) {
                instance::start_again_shortly();
            }
            tracing::error!(error = %e, "BucketLens could not start");
            eprintln!("BucketLens could not start: {e}");
            std::process::exit(1)
        }
    };
    app.run(|app, event| {
        // A normal quit pauses running uploads: multipart ones stay resumable (journal and server).
        if let tauri::RunEvent::Exit = event {
            use tauri::Manager;
            // First give up the single-instance name, so a launch during the wind-down starts normally.
            instance::release(app);
            let paused = app.state::<AppState>().uploads.pause_all(std::time::Duration::from_secs(5));
            if paused > 0 {
                tracing::info!(paused, "uploads paused for the next start");
            }
        }
    });
}
