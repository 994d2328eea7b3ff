//! One running BucketLens per user: a second launch hands its arguments to the first (which comes to the
//! front, and opens an `s3://` location if one was given) and exits, so settings and the demo server have
//! one owner. It finds the first through the D-Bus session bus on Linux; with no bus, each launch runs alone.

use bucketlens_core::ipc::MenuAction;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The first `s3://` or `bucketlens://open?…` argument as a place to open: the folder itself, or the folder
/// holding an object (then the object too), with the profile an app link names. Anything else is ignored.
pub fn location_in(args: &[String]) -> Option<MenuAction> {
    let starts = |a: &str, p: &str| a.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let arg = args.iter().skip(1).find(|a| starts(a, "s3://") || starts(a, "bucketlens:"))?;
    let link = !starts(arg, "s3://");
    let (loc, profile) = if !link {
        (bucketlens_core::s3url::parse(arg).ok()?, None)
    } else {
        match bucketlens_core::s3url::parse_app_link(arg) {
            Ok(l) => (l.location, l.profile),
            Err(e) => {
                tracing::warn!(error = %e, "a launch's link was not opened");
                return None;
            }
        }
    };
    let prefix = loc.folder().to_owned();
    let key = Some(loc.key).filter(|k| !k.is_empty() && !k.ends_with('/'));
    Some(MenuAction::OpenLocation {
        bucket: loc.bucket,
        prefix,
        key,
        profile,
        link,
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

/// Makes `bucketlens://` links open this app. The installers register it (the .deb's desktop file, the macOS
/// bundle, the Windows installer); an AppImage has no installer, so it registers itself when it starts.
pub fn register_links<R: Runtime>(app: &AppHandle<R>) {
    if std::env::var_os("APPIMAGE").is_none() {
        return;
    }
    use tauri_plugin_deep_link::DeepLinkExt;
    if let Err(e) = app.deep_link().register_all() {
        tracing::warn!(error = %e, "bucketlens:// links could not be registered");
    }
}

pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::init(on_second_launch)
}

/// Whether a failed start means the running instance was quitting while this one handed over (it left the
/// bus without answering), rather than that it took the hand-over.
pub fn previous_was_quitting(error: &str) -> bool {
    error.contains("single-instance") && (error.contains("NoReply") || error.contains("disconnected") || error.contains("ServiceUnknown"))
}

/// Replaces this process with a new start of the same program and arguments after a pause, at most three
/// times in a row (counted in the environment). Returns only when it may not (or could not).
pub fn start_again_shortly() {
    const COUNT: &str = "BUCKETLENS_START_AGAIN";
    let n: u32 = std::env::var(COUNT).ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    if n >= 3 {
        return;
    }
    tracing::info!(attempt = n + 1, "the running BucketLens was quitting; starting again");
    std::thread::sleep(std::time::Duration::from_millis(400));
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let Ok(exe) = std::env::current_exe() else { return };
        let err = std::process::Command::new(exe)
            .args(std::env::args_os().skip(1))
            .env(COUNT, (n + 1).to_string())
            .exec();
        tracing::error!(error = %err, "could not start again");
    }
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
    fn a_hand_over_to_a_quitting_instance_is_told_apart() {
        let quitting = "failed to initialize plugin `single-instance`: failed to forward arguments to the running \
                        instance: org.freedesktop.DBus.Error.NoReply: Message recipient disconnected from message bus";
        assert!(previous_was_quitting(quitting));
        assert!(!previous_was_quitting("failed to initialize plugin `dialog`: NoReply"));
        assert!(!previous_was_quitting("failed to create webview"));
    }

    #[test]
    fn an_s3_argument_becomes_a_place_to_open() {
        let at = |b: &str, p: &str, k: Option<&str>, profile: Option<&str>| {
            Some(MenuAction::OpenLocation {
                bucket: b.into(),
                prefix: p.into(),
                key: k.map(Into::into),
                profile: profile.map(Into::into),
                link: profile.is_some(),
            })
        };
        let open = |b: &str, p: &str| at(b, p, None, None);
        assert_eq!(location_in(&args(&["bucketlens", "s3://docs/reports/"])), open("docs", "reports/"));
        assert_eq!(
            location_in(&args(&["bucketlens", "--demo", "S3://docs/reports/q3.pdf"])),
            at("docs", "reports/", Some("reports/q3.pdf"), None)
        );
        assert_eq!(location_in(&args(&["bucketlens", "s3://docs"])), open("docs", ""));
        let link = "bucketlens://open?url=s3%3A%2F%2Fteam.docs%2F%E5%A0%B1%E5%91%8A%2F100%25%20a%2Bb.pdf&profile=work%20sso";
        assert_eq!(
            location_in(&args(&["bucketlens", link])),
            at("team.docs", "報告/", Some("報告/100% a+b.pdf"), Some("work sso"))
        );
        let no_profile = location_in(&args(&["bucketlens", "bucketlens://open?url=s3%3A%2F%2Fdocs%2Fx%2F"]));
        assert!(
            matches!(&no_profile, Some(MenuAction::OpenLocation { link: true, profile: None, prefix, .. }) if prefix == "x/"),
            "{no_profile:?}"
        );
        assert_eq!(
            location_in(&args(&["bucketlens", "bucketlens://delete?url=s3%3A%2F%2Fdocs%2F"])),
            None
        );
        assert_eq!(location_in(&args(&["bucketlens", "--demo"])), None);
        assert_eq!(location_in(&args(&["s3://argv0-is-the-program/"])), None);
        assert_eq!(location_in(&args(&["bucketlens", "https://evil.example/"])), None);
    }
}
