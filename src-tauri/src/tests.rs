//! Runs the app on tauri's mock runtime and calls commands through real IPC: errors arrive as data.

use crate::build_app;
use crate::state::{AppState, LaunchOptions};
use bucketlens_core::paths::AppPaths;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

pub(crate) fn app(demo: bool, dir: &std::path::Path) -> (App<tauri::test::MockRuntime>, WebviewWindow<tauri::test::MockRuntime>) {
    let paths = AppPaths {
        config_dir: dir.join("config"),
        data_dir: dir.join("data"),
        log_dir: dir.join("logs"),
    };
    let state = AppState::new(LaunchOptions {
        demo,
        paths: Some(paths),
        open: None,
    });
    let app = build_app(mock_builder(), state).build(mock_context(noop_assets())).unwrap();
    let win = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, win)
}

pub(crate) fn invoke(w: &WebviewWindow<tauri::test::MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

#[test]
fn errors_cross_ipc_as_kind_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(false, dir.path());
    let err = invoke(&w, "parse_location", json!({"request": {"input": "not a location"}})).unwrap_err();
    assert_eq!(err["kind"], "InvalidInput");
    assert_eq!(err["messageKey"], "error.invalidInput");
    assert!(err["message"].as_str().unwrap().contains("not an S3 location"));
    let ok = invoke(&w, "parse_location", json!({"request": {"input": "s3://reports/2026/"}})).unwrap();
    assert_eq!(ok, json!({"bucket": "reports", "key": "2026/"}));
    let err = invoke(&w, "list_buckets", json!({})).unwrap_err();
    assert_eq!(err["kind"], "NoCredentials");
}

#[test]
fn the_remembered_profile_connects_as_the_app_starts_before_the_window_asks() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(true, dir.path());
    // No `bootstrap`: start-up runs on its own as the app is built (the demo server, then its profile).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let session = loop {
        let s = invoke(&w, "current_session", json!({})).unwrap();
        if !s.is_null() || std::time::Instant::now() > deadline {
            break s;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(session["profile"], bucketlens_demo::DEMO_PROFILE, "{session}");
}

#[test]
fn the_remembered_folders_first_page_is_listed_at_start_up_and_comes_with_the_windows_first_question() {
    use tauri::Manager;
    let dir = tempfile::tempdir().unwrap();
    let (app, w) = app(true, dir.path());
    let state = app.state::<AppState>();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !state.ahead.is_held() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        state.ahead.is_held(),
        "start-up lists the demo bucket's first page before the window asks"
    );
    let boot = invoke(&w, "bootstrap", json!({})).unwrap();
    let first = &boot["firstPage"];
    assert_eq!(
        (first["bucket"].as_str(), first["prefix"].as_str(), first["index"].as_u64()),
        (Some(bucketlens_demo::DEMO_BUCKET), Some(""), Some(0)),
        "{first}"
    );
    assert_eq!(first["isLast"], true, "the demo bucket's root is one page");
    assert!(!state.ahead.is_held(), "nothing follows a last page");
    // A listing of the same place asks the bucket and finds the same entries.
    let request = json!({"request": {"bucket": bucketlens_demo::DEMO_BUCKET, "prefix": ""}, "channel": "__CHANNEL__:1"});
    assert_eq!(invoke(&w, "list_prefix", request).unwrap(), first["loaded"]);
}

#[test]
fn a_search_streams_its_hits_checks_its_limit_and_stops() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(true, dir.path());
    invoke(&w, "bootstrap", json!({})).unwrap();
    let ask = |limit: Value| {
        let request = json!({"bucket": bucketlens_demo::DEMO_BUCKET, "prefix": "", "query": {"name": "*.PDF"}, "limit": limit});
        invoke(&w, "search_objects", json!({"request": request, "channel": "__CHANNEL__:1"}))
    };
    let last = ask(Value::Null).unwrap();
    assert_eq!(
        (last["done"].as_bool(), last["stoppedAtLimit"].as_bool()),
        (Some(true), Some(false)),
        "{last}"
    );
    assert!(last["found"].as_u64().unwrap() >= 2, "the demo's reports are PDFs: {last}");
    assert!(last["scanned"].as_u64() > last["found"].as_u64(), "{last}");
    let limited = ask(json!(1)).unwrap();
    assert_eq!(
        (limited["scanned"].as_u64(), limited["stoppedAtLimit"].as_bool()),
        (Some(1), Some(true))
    );
    for bad in [json!(0), json!(10_000_001u64)] {
        assert_eq!(ask(bad).unwrap_err()["kind"], "InvalidInput");
    }
    assert_eq!(invoke(&w, "stop_search", json!({})).unwrap(), Value::Null);
}

#[test]
fn settings_are_validated_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(false, dir.path());
    let mut s = invoke(&w, "get_settings", json!({})).unwrap();
    assert_eq!(s["expiry"]["previewSecs"], 300);
    s["expiry"]["previewSecs"] = json!(0);
    let problems = invoke(&w, "validate_settings", json!({"request": s})).unwrap();
    assert_eq!(problems[0]["field"], "expiry.previewSecs");
    let err = invoke(&w, "save_settings", json!({"request": s})).unwrap_err();
    assert_eq!(err["kind"], "InvalidInput");
    assert!(!dir.path().join("config/settings.json").exists());
    s["expiry"]["previewSecs"] = json!(120);
    s["language"] = json!("ja");
    invoke(&w, "save_settings", json!({"request": s})).unwrap();
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("config/settings.json")).unwrap()).unwrap();
    assert_eq!(
        (saved["expiry"]["previewSecs"].clone(), saved["language"].clone()),
        (json!(120), json!("ja"))
    );
}

#[test]
fn demo_mode_boots_onto_the_demo_bucket() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(true, dir.path());
    let boot = invoke(&w, "bootstrap", json!({})).unwrap();
    assert_eq!(boot["demo"], true);
    assert_eq!(boot["profiles"]["profiles"][0]["name"], "Demo (local)");
    assert_eq!(boot["active"]["profile"], "Demo (local)");
    assert_eq!(boot["settings"]["profiles"]["Demo (local)"]["defaultBucket"], "demo");
    let buckets = invoke(&w, "list_buckets", json!({})).unwrap();
    assert_eq!(buckets[0]["name"], "demo");
    let p = invoke(
        &w,
        "preview_object",
        json!({"request": {"bucket": "demo", "key": "reports/月次報告書.pdf"}}),
    )
    .unwrap();
    assert_eq!(
        (p["viewer"].as_str(), p["servedAs"].as_str()),
        (Some("pdf"), Some("application/pdf"))
    );
    let url = p["link"]["url"].as_str().unwrap();
    assert!(
        url.contains("response-content-disposition=inline") && url.contains("X-Amz-Expires=300"),
        "{url}"
    );
    assert!(!p.to_string().contains("secret"), "no secret in the payload");
    let photo = invoke(
        &w,
        "preview_object",
        json!({"request": {"bucket": "demo", "key": "images/photo.jpg"}}),
    )
    .unwrap();
    assert_eq!(
        (photo["viewer"].as_str(), photo["meta"]["contentType"].as_str()),
        (Some("image"), Some("image/jpeg"))
    );
    assert_eq!(photo["meta"]["metadata"]["uploaded-by"], "bucketlens-demo");
    // The pane's link is not one `open_url` will open: only links minted for a browser are.
    let pane = photo["link"]["url"].as_str().unwrap();
    let refused = invoke(&w, "open_url", json!({"request": {"url": pane}})).unwrap_err();
    assert_eq!(refused["kind"], "InvalidInput", "{refused}");
}

#[test]
fn a_broken_settings_file_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    std::fs::write(dir.path().join("config/settings.json"), "{ broken").unwrap();
    let (_app, w) = app(false, dir.path());
    let boot = invoke(&w, "bootstrap", json!({})).unwrap();
    assert_eq!(boot["notices"][0]["key"], "notice.settingsRecovered");
    let backup = boot["notices"][0]["path"].as_str().unwrap().to_owned();
    assert_eq!(std::fs::read_to_string(backup).unwrap(), "{ broken");
    let again = invoke(&w, "bootstrap", json!({})).unwrap();
    assert_eq!(again["notices"], json!([]));
}

/// The permission names of a capability file that allow one of the app's own commands.
fn allowed_commands(file: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let cap: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-").map(|c| c.replace('-', "_")))
        .collect();
    out.sort();
    out
}

#[test]
fn the_capability_allows_exactly_the_declared_commands() {
    let mut declared: Vec<String> = crate::COMMANDS.iter().map(|c| c.to_string()).collect();
    declared.sort();
    assert_eq!(allowed_commands("capabilities/default.json"), declared);
    assert_eq!(allowed_commands("capabilities/e2e/e2e-drop.json"), ["e2e_drop"]);
}

#[test]
fn commands_refuse_paths_and_links_the_window_was_not_given() {
    let dir = tempfile::tempdir().unwrap();
    let (app, w) = app(true, dir.path());
    invoke(&w, "bootstrap", json!({})).unwrap();
    let secret = dir.path().join("secret.png");
    std::fs::write(&secret, bucketlens_demo::test_samples::png()).unwrap();
    let path = secret.display().to_string();
    // Never dropped or picked: no scan, no upload, no link from elsewhere.
    let e = invoke(&w, "scan_paths", json!({"request": {"paths": [path], "prefix": ""}})).unwrap_err();
    assert_eq!(e["kind"], "InvalidInput", "{e}");
    let upload = json!({"request": {"bucket": "demo", "items": [{"id": "r1", "path": path, "key": "x.png", "conflict": "ask"}]}});
    let e = invoke(
        &w,
        "start_upload",
        json!({"request": upload["request"], "channel": "__CHANNEL__:1"}),
    )
    .unwrap_err();
    assert_eq!(e["kind"], "InvalidInput", "{e}");
    let e = invoke(&w, "open_url", json!({"request": {"url": "https://example.com/phish"}})).unwrap_err();
    assert_eq!(e["kind"], "InvalidInput", "{e}");
    // Dropped: the scan runs and returns the file.
    use tauri::Manager;
    app.state::<AppState>().grants.allow_scan([secret.clone()]);
    let scan = invoke(&w, "scan_paths", json!({"request": {"paths": [path], "prefix": "up/"}})).unwrap();
    assert_eq!(scan["items"][0]["key"], "up/secret.png");
    // A link this session minted may be opened; the same host with another path may not.
    let p = invoke(
        &w,
        "presign_share",
        json!({"request": {"bucket": "demo", "key": "welcome.txt", "expiresSecs": 60, "attachment": false}}),
    )
    .unwrap();
    let minted = p["url"].as_str().unwrap();
    assert!(app.state::<AppState>().grants.check_link(minted).is_ok());
    assert!(app
        .state::<AppState>()
        .grants
        .check_link(&minted.replace("welcome", "other"))
        .is_err());
}
