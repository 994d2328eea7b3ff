//! Generates the Tauri context and the per-command permissions the capability files refer to.
//! Builds with the `e2e` feature also get the test-only drop command and its capability.

const COMMANDS: &[&str] = &[
    "bootstrap",
    "list_profiles",
    "reload_profiles",
    "select_profile",
    "current_session",
    "list_buckets",
    "list_prefix",
    "head_object",
    "presign_preview",
    "presign_share",
    "get_settings",
    "save_settings",
    "validate_settings",
    "parse_location",
    "delete_object",
    "sniff_type",
    "open_url",
    "copy_text",
    "test_connection",
    "sso_login",
    "start_demo",
    "scan_paths",
    "check_existing",
    "start_upload",
    "cancel_upload",
    "pick_files",
];

fn main() {
    let e2e = std::env::var_os("CARGO_FEATURE_E2E").is_some();
    let mut commands = COMMANDS.to_vec();
    if e2e {
        commands.push("e2e_drop");
    }
    let pattern = if e2e { "./capabilities/**/*.json" } else { "./capabilities/*.json" };
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern(pattern)
            .app_manifest(tauri_build::AppManifest::new().commands(Box::leak(commands.into_boxed_slice()))),
    )
    .expect("failed to run tauri-build");
}
