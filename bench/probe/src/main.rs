//! The benchmark's floor: the same Tauri and WebKitGTK as BucketLens, one window, one static page, nothing
//! else. `bench/run.sh` builds it in release and `bench/app.mjs` measures it in the same run as the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the probe window could not start");
}
