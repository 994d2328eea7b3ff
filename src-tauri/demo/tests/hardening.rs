//! The embedded server under hostile clients: keys that would leave the bucket, racing conditional
//! creates, and connections that never send a request.

use bucketlens_core::client::{connect, Connection};
use bucketlens_core::error_map::from_sdk;
use bucketlens_core::profiles::AwsFiles;
use bucketlens_demo::DemoServer;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn server() -> (DemoServer, Connection, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let server = DemoServer::start(&dir.path().join("s3"), 0).await.unwrap();
    server.ensure_bucket("bkt").unwrap();
    server.ensure_bucket("other").unwrap();
    let conn = connect(&AwsFiles::default(), &server.endpoint.target()).await.unwrap();
    (server, conn, dir)
}

async fn put(conn: &Connection, key: &str, body: Vec<u8>, if_none_match: bool) -> Result<(), String> {
    let mut req = conn.client.put_object().bucket("bkt").key(key).body(body.into());
    if if_none_match {
        req = req.if_none_match("*");
    }
    req.send().await.map(|_| ()).map_err(|e| format!("{:?}", from_sdk(e).kind()))
}

#[tokio::test]
async fn keys_that_would_leave_the_bucket_are_refused() {
    let (_server, conn, dir) = server().await;
    for key in ["../other/escape.txt", "a/../../escape.txt", "./dot.txt", "a/./b.txt"] {
        assert!(put(&conn, key, b"x".to_vec(), false).await.is_err(), "{key:?} was stored");
    }
    let get = conn.client.get_object().bucket("bkt").key("../other/escape.txt").send().await;
    assert!(get.is_err());
    let root = dir.path().join("s3");
    assert!(!root.join("other/escape.txt").exists() && !root.join("escape.txt").exists());
    put(&conn, "fine/..name../x.txt", b"x".to_vec(), false).await.unwrap();
}

#[tokio::test]
async fn of_concurrent_conditional_creates_exactly_one_wins() {
    let (_server, conn, _dir) = server().await;
    let body = vec![7u8; 1024 * 1024];
    let tries = (0..15).map(|_| put(&conn, "race.bin", body.clone(), true));
    let results = futures::future::join_all(tries).await;
    let won = results.iter().filter(|r| r.is_ok()).count();
    let refused = results.iter().filter(|r| matches!(r, Err(k) if k == "PreconditionFailed")).count();
    assert_eq!((won, refused), (1, 14), "{results:?}");
}

#[tokio::test]
async fn a_connection_that_never_finishes_its_request_is_closed() {
    let (server, _conn, _dir) = server().await;
    let mut socket = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    socket.write_all(b"GET /bkt HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let started = Instant::now();
    let mut buf = [0u8; 512];
    let read = tokio::time::timeout(Duration::from_secs(20), socket.read(&mut buf)).await;
    let n = read.expect("the server kept the idle connection open for 20 s").unwrap_or(0);
    assert!(started.elapsed() >= Duration::from_secs(5), "closed after {:?}", started.elapsed());
    let answer = String::from_utf8_lossy(&buf[..n]);
    assert!(n == 0 || answer.starts_with("HTTP/1.1 408"), "{answer}");
}
