//! One running BucketLens per user: a second launch hands its arguments to the first (which comes to the
//! front, and opens an `s3://` location if one was given) and exits, so settings and the demo server have
//! one owner. It finds the first through the D-Bus session bus on Linux; with no bus, each launch runs alone.

use bucketlens_core::ipc::MenuAction;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The first `s3://` argument as a place to open: the folder itself, or the folder holding an object.
pub fn location_in(args: &[String]) -> Option<MenuAction> {
    let arg = args
        .iter()
        .skip(1)
        .find(|a| a.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("s3://")))?;
    let loc = bucketlens_core::s3url::parse(arg).ok()?;
    let prefix = match loc.key.rfind('/') {
        Some(i) => loc.key[..=i].to_owned(),
        None => String::new(),
    };
    Some(MenuAction::OpenLocation {
        bucket: loc.bucket,
        prefix,
    })
}

fn on_second_launch<R: Runtime>(app: &AppHandle<R>, args: Vec<String>, _cwd: String) {
    tracing::info!(args = args.len().saturating_sub(1), "a second launch handed over");
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
    if let Some(action) = location_in(&args) {
        let _ = app.emit(MenuAction::EVENT, action);
    }
}

pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::init(on_second_launch)
}

/// Gives up being the one instance (on quit, before the uploads are paused).
pub fn release<R: Runtime>(app: &AppHandle<R>) {
    tauri_plugin_single_instance::destroy(app);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_s3_argument_becomes_a_place_to_open() {
        let open = |b: &str, p: &str| {
            Some(MenuAction::OpenLocation {
                bucket: b.into(),
                prefix: p.into(),
            })
        };
        assert_eq!(location_in(&args(&["bucketlens", "s3://docs/reports/"])), open("docs", "reports/"));
        assert_eq!(
            location_in(&args(&["bucketlens", "--demo", "S3://docs/reports/q3.pdf"])),
            open("docs", "reports/")
        );
        assert_eq!(location_in(&args(&["bucketlens", "s3://docs"])), open("docs", ""));
        assert_eq!(location_in(&args(&["bucketlens", "--demo"])), None);
        assert_eq!(location_in(&args(&["s3://argv0-is-the-program/"])), None);
        assert_eq!(location_in(&args(&["bucketlens", "https://evil.example/"])), None);
    }
}
