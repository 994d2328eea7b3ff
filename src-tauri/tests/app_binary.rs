//! The built app binary starts and answers `--version` without opening a window (and, because this test
//! exists, `cargo test` builds the same binary the end-to-end suite then drives).

#[test]
fn the_binary_reports_its_version() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bucketlens"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("BucketLens {}", env!("CARGO_PKG_VERSION"))
    );
}
