//! How WebKitGTK draws the window. Without a GPU render node WebKit composites through Mesa's software
//! rasteriser (llvmpipe), which costs about 90 MiB of memory here and buys nothing for a list and a preview,
//! so BucketLens turns compositing off before the webview starts. A person's own
//! `WEBKIT_DISABLE_COMPOSITING_MODE` (any value) wins; `BUCKETLENS_COMPOSITING=on` keeps compositing.

use std::path::Path;

/// What was decided and why, for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The person set WEBKIT_DISABLE_COMPOSITING_MODE, or BUCKETLENS_COMPOSITING=on: left as they said.
    TheirChoice,
    /// A GPU render node exists: WebKit composites on the GPU.
    Gpu,
    /// No render node, or Mesa forced to software: compositing is turned off.
    SoftwareOnly,
}

/// The rule, without touching the process: the person's settings, whether Mesa is forced to software,
/// and how many `/dev/dri/renderD*` nodes exist.
pub fn decide(webkit_setting: bool, bucketlens_setting: bool, forced_software: bool, render_nodes: usize) -> Decision {
    if webkit_setting || bucketlens_setting {
        Decision::TheirChoice
    } else if forced_software || render_nodes == 0 {
        Decision::SoftwareOnly
    } else {
        Decision::Gpu
    }
}

/// Applies the rule to this process. Call first thing in `run`, before any thread or window exists.
pub fn apply() -> Decision {
    if !cfg!(target_os = "linux") {
        return Decision::TheirChoice;
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let forced = std::env::var("LIBGL_ALWAYS_SOFTWARE").is_ok_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
    let keep = std::env::var("BUCKETLENS_COMPOSITING").is_ok_and(|v| v.eq_ignore_ascii_case("on"));
    let nodes = render_nodes(Path::new("/dev/dri"));
    let decision = decide(set("WEBKIT_DISABLE_COMPOSITING_MODE"), keep, forced, nodes);
    if decision == Decision::SoftwareOnly {
        // Safe: no other thread exists yet (see above), so nothing reads the environment concurrently.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    decision
}

fn render_nodes(dri: &Path) -> usize {
    std::fs::read_dir(dri)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().starts_with("renderD"))
                .count()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositing_goes_off_only_without_a_gpu_and_without_a_choice_of_their_own() {
        assert_eq!(decide(false, false, false, 0), Decision::SoftwareOnly);
        assert_eq!(decide(false, false, true, 2), Decision::SoftwareOnly);
        assert_eq!(decide(false, false, false, 1), Decision::Gpu);
        assert_eq!(decide(true, false, false, 0), Decision::TheirChoice);
        assert_eq!(decide(false, true, false, 0), Decision::TheirChoice);
    }

    #[test]
    fn render_nodes_are_counted_by_name() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(render_nodes(&dir.path().join("missing")), 0);
        for name in ["card0", "renderD128", "renderD129", "by-path"] {
            std::fs::write(dir.path().join(name), b"").unwrap();
        }
        assert_eq!(render_nodes(dir.path()), 2);
    }
}
