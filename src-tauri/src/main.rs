//! Starts the BucketLens desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    bucketlens_lib::run();
}
