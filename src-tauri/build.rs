//! Generates the Tauri context and the per-command permissions the capability files refer to. The command
//! names are read from the one declaration of the IPC surface (`core/src/ipc/contract.rs`); the shell's
//! handler list comes from the same declaration, and a capability naming anything else fails the build.
//! Builds with the `e2e` feature also get the test-only drop command and its capability.

const CONTRACT: &str = "src-tauri/core/src/ipc/contract.rs";

/// The names in the contract: every `name(` that starts a line inside the macro.
fn declared_commands() -> Vec<String> {
    let text = std::fs::read_to_string(CONTRACT).expect("reading the IPC contract");
    text.lines()
        .map(str::trim_start)
        .filter_map(|l| l.split_once('(').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map(str::to_owned)
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed={CONTRACT}");
    let e2e = std::env::var_os("CARGO_FEATURE_E2E").is_some();
    let mut commands = declared_commands();
    assert!(commands.len() > 10, "the IPC contract names too few commands: {commands:?}");
    if e2e {
        commands.push("e2e_drop".to_owned());
    }
    let commands: Vec<&'static str> = commands.into_iter().map(|c| &*Box::leak(c.into_boxed_str())).collect();
    let pattern = if e2e { "./capabilities/**/*.json" } else { "./capabilities/*.json" };
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern(pattern)
            .app_manifest(tauri_build::AppManifest::new().commands(Box::leak(commands.into_boxed_slice()))),
    )
    .expect("failed to run tauri-build");
}
