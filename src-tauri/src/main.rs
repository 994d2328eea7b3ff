//! Starts the BucketLens desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        println!("BucketLens {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    bucketlens_lib::run();
}
