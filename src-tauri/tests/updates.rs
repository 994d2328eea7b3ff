//! The updater against a fake release feed on loopback: an offer is found and its artifact verified against
//! the public key; a tampered artifact, a feed that announces another version than the one signed, and a
//! feed that is down are refused with a clear error. The artifact was signed once with a throwaway test key
//! (`tauri signer sign --app-version 9.9.9`); its private key is not kept anywhere.

use bucketlens_core::{ErrorKind, Result};
use bucketlens_lib::updates::{self, Pending};
use serde_json::json;
use tauri::test::{mock_builder, mock_context, noop_assets};
use tauri_plugin_updater::UpdaterExt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src-tauri/tests/fixtures/updater");
const ARTIFACT: &str = "BucketLens_9.9.9_amd64.AppImage.tar.gz";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap()
}

/// Serves `/latest.json` (announcing `version`) and the artifact (as `artifact`) until the test ends.
async fn feed(version: &str, artifact: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let signature = String::from_utf8(fixture(&format!("{ARTIFACT}.sig"))).unwrap();
    let manifest = json!({
        "version": version,
        "notes": "Gallery view.\nFaster search.",
        "pub_date": "2026-11-20T09:00:00Z",
        "platforms": { format!("{}-{}", platform(), std::env::consts::ARCH): {
            "signature": signature, "url": format!("{base}/{ARTIFACT}") } }
    })
    .to_string()
    .into_bytes();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else { return };
            let (manifest, artifact) = (manifest.clone(), artifact.clone());
            tokio::spawn(async move {
                let mut req = Vec::new();
                let mut buf = [0u8; 1024];
                while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                    match sock.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => req.extend_from_slice(&buf[..n]),
                    }
                }
                let body = if req.starts_with(b"GET /latest.json") { manifest } else { artifact };
                let head = format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(&body).await;
            });
        }
    });
    format!("{base}/latest.json")
}

fn platform() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        os => os,
    }
}

/// Checks the feed at `url` with the test key, as the app's commands do; then downloads what it offers.
async fn check_and_download(url: &str) -> (Result<Option<bucketlens_core::ipc::UpdateInfo>>, Result<Vec<u8>>) {
    let mut context = mock_context(noop_assets());
    let pubkey = String::from_utf8(fixture("test.key.pub")).unwrap();
    context.config_mut().plugins.0.insert(
        "updater".into(),
        json!({ "pubkey": pubkey.trim(), "endpoints": [url], "requireSignedVersion": true,
                "dangerousInsecureTransportProtocol": true }),
    );
    let app = mock_builder()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .build(context)
        .unwrap();
    let pending = Pending::default();
    let found = updates::check(app.handle().updater_builder(), &pending).await;
    let bytes = updates::download(&pending).await.map(|(_, b)| b);
    (found, bytes)
}

#[tokio::test]
async fn an_offer_is_found_and_its_artifact_verifies() {
    let url = feed("9.9.9", fixture(ARTIFACT)).await;
    let (found, bytes) = check_and_download(&url).await;
    let info = found.unwrap().expect("an update is offered");
    assert_eq!(info.version, "9.9.9");
    assert_eq!(info.notes.as_deref(), Some("Gallery view.\nFaster search."));
    assert_eq!(info.date.as_deref(), Some("2026-11-20T09:00:00Z"));
    assert_eq!(bytes.unwrap(), fixture(ARTIFACT));
}

#[tokio::test]
async fn a_tampered_artifact_is_refused() {
    let mut artifact = fixture(ARTIFACT);
    let last = artifact.len() - 1;
    artifact[last] ^= 1;
    let (found, bytes) = check_and_download(&feed("9.9.9", artifact).await).await;
    assert!(found.unwrap().is_some());
    assert_eq!(bytes.unwrap_err().kind(), ErrorKind::UpdateRejected);
}

#[tokio::test]
async fn a_feed_announcing_another_version_than_the_signed_one_is_refused() {
    // A genuine, signed 9.9.9 offered as 10.0.0: the signature names 9.9.9, so nothing is accepted.
    let (found, bytes) = check_and_download(&feed("10.0.0", fixture(ARTIFACT)).await).await;
    assert_eq!(found.unwrap().unwrap().version, "10.0.0");
    let err = bytes.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UpdateRejected, "{err:?}");
}

#[tokio::test]
async fn an_older_or_equal_version_is_no_offer() {
    let (found, bytes) = check_and_download(&feed("0.0.1", fixture(ARTIFACT)).await).await;
    assert_eq!(found.unwrap(), None);
    assert_eq!(
        bytes.unwrap_err().kind(),
        ErrorKind::InvalidInput,
        "nothing to download without an offer"
    );
}

#[tokio::test]
async fn a_feed_that_is_down_is_a_network_error() {
    // Bound but not listening: connections are refused, and no server started meanwhile can take the port.
    let closed = tokio::net::TcpSocket::new_v4().unwrap();
    closed.bind(([127, 0, 0, 1], 0).into()).unwrap();
    let url = format!("http://{}/latest.json", closed.local_addr().unwrap());
    let (found, _) = check_and_download(&url).await;
    assert_eq!(found.unwrap_err().kind(), ErrorKind::Network);
}

#[test]
fn a_mirror_must_be_https() {
    assert!(updates::mirror_url("https://updates.example.com/bucketlens/latest.json").is_ok());
    for bad in [
        "http://updates.example.com/latest.json",
        "file:///tmp/latest.json",
        "updates.example.com",
        "",
    ] {
        assert_eq!(updates::mirror_url(bad).unwrap_err().kind(), ErrorKind::InvalidInput, "{bad}");
    }
}
