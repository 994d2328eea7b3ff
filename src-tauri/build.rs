//! Generates the Tauri context and the per-command permissions the capability files refer to.

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
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
