//! CompleteMultipartUpload on the embedded server, as S3 does it: the listed ETags must be the stored parts'
//! (s3s-fs ignored them), parts in ascending order, the object is the parts joined with the multipart ETag,
//! the upload's type and metadata replace the old object's, and parts uploaded before a restart still
//! complete (hashed once then).

use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use bucketlens_core::client::{connect, Connection};
use bucketlens_core::error_map::from_sdk;
use bucketlens_core::profiles::AwsFiles;
use bucketlens_demo::DemoServer;
use md5::Digest;

const MIB: usize = 1024 * 1024;

async fn server(dir: &std::path::Path) -> (DemoServer, Connection) {
    let server = DemoServer::start_with_keys(&dir.join("s3"), 0, "AKIDMULTIPART", "secret-multipart")
        .await
        .unwrap();
    server.ensure_bucket("bkt").unwrap();
    let conn = connect(&AwsFiles::default(), &server.endpoint.target()).await.unwrap();
    (server, conn)
}

fn body(n: usize, seed: u8) -> Vec<u8> {
    (0..n).map(|i| (i % 253) as u8 ^ seed).collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Creates an upload of `key` (typed `image/png`, with one metadata entry) and uploads `parts`; returns
/// the upload id and the parts as Complete lists them.
async fn upload(conn: &Connection, key: &str, parts: &[Vec<u8>]) -> (String, Vec<CompletedPart>) {
    let created = conn
        .client
        .create_multipart_upload()
        .bucket("bkt")
        .key(key)
        .content_type("image/png")
        .metadata("uploaded-by", "hanako")
        .send()
        .await
        .unwrap();
    let id = created.upload_id().unwrap().to_owned();
    let mut done = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let n = i as i32 + 1;
        let etag = send_part(conn, key, &id, n, p, None).await.unwrap();
        done.push(CompletedPart::builder().part_number(n).e_tag(etag).build());
    }
    (id, done)
}

/// UploadPart, optionally declaring a CRC32C; the ETag, or the error code.
async fn send_part(conn: &Connection, key: &str, id: &str, n: i32, body: &[u8], crc: Option<&str>) -> Result<String, String> {
    conn.client
        .upload_part()
        .bucket("bkt")
        .key(key)
        .upload_id(id)
        .part_number(n)
        .set_checksum_crc32_c(crc.map(str::to_owned))
        .body(body.to_vec().into())
        .send()
        .await
        .map(|r| r.e_tag().unwrap_or_default().to_owned())
        .map_err(|e| from_sdk(e).detail().code().unwrap_or("?").to_owned())
}

async fn complete(conn: &Connection, key: &str, id: &str, parts: Vec<CompletedPart>) -> Result<String, String> {
    conn.client
        .complete_multipart_upload()
        .bucket("bkt")
        .key(key)
        .upload_id(id)
        .multipart_upload(CompletedMultipartUpload::builder().set_parts(Some(parts)).build())
        .send()
        .await
        .map(|o| o.e_tag().unwrap_or_default().trim_matches('"').to_owned())
        .map_err(|e| from_sdk(e).detail().code().unwrap_or("?").to_owned())
}

#[tokio::test]
async fn complete_checks_the_listed_parts_and_stores_them_joined_with_the_upload_s_type() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, conn) = server(dir.path()).await;
    // An older object with another type and metadata, to be replaced.
    conn.client
        .put_object()
        .bucket("bkt")
        .key("k.png")
        .content_type("text/plain")
        .metadata("old", "yes")
        .body(b"old".to_vec().into())
        .send()
        .await
        .unwrap();
    let parts = [body(5 * MIB, 1), body(5 * MIB, 2), body(123_457, 3)];
    let (id, done) = upload(&conn, "k.png", &parts).await;

    // A listed ETag that is not the stored part's, and parts out of order, are refused; the upload stays.
    let mut wrong = done.clone();
    wrong[1] = CompletedPart::builder()
        .part_number(2)
        .e_tag(format!("\"{}\"", hex(&[0u8; 16])))
        .build();
    assert_eq!(complete(&conn, "k.png", &id, wrong).await, Err("InvalidPart".to_owned()));
    let swapped = vec![done[1].clone(), done[0].clone(), done[2].clone()];
    assert_eq!(complete(&conn, "k.png", &id, swapped).await, Err("InvalidPartOrder".to_owned()));
    assert_eq!(
        complete(&conn, "k.png", "00000000-0000-0000-0000-000000000000", done.clone()).await,
        Err("NoSuchUpload".to_owned())
    );

    let etag = complete(&conn, "k.png", &id, done).await.unwrap();
    let mut all = md5::Md5::new();
    for p in &parts {
        all.update(md5::Md5::digest(p));
    }
    assert_eq!(etag, format!("{}-3", hex(&all.finalize())));
    let got = conn.client.get_object().bucket("bkt").key("k.png").send().await.unwrap();
    assert_eq!(got.content_type(), Some("image/png"));
    let meta = got.metadata().cloned().unwrap_or_default();
    assert_eq!(meta.get("uploaded-by").map(String::as_str), Some("hanako"));
    assert!(!meta.contains_key("old"), "the replaced object's metadata is gone: {meta:?}");
    assert_eq!(got.e_tag().map(|e| e.trim_matches('"')), Some(etag.as_str()));
    let stored = got.body.collect().await.unwrap().into_bytes();
    assert_eq!(stored.as_ref(), parts.concat().as_slice());
    let left: Vec<String> = std::fs::read_dir(dir.path().join("s3"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.contains("upload") || n.starts_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[tokio::test]
async fn parts_uploaded_before_a_restart_still_complete() {
    let dir = tempfile::tempdir().unwrap();
    let parts = [body(5 * MIB, 4), body(1000, 5)];
    let (id, done) = {
        let (server, conn) = server(dir.path()).await;
        let out = upload(&conn, "r.bin", &parts).await;
        drop(server);
        out
    };
    let (_server, conn) = server(dir.path()).await;
    let mut wrong = done.clone();
    wrong[0] = CompletedPart::builder().part_number(1).e_tag(hex(&[1u8; 16])).build();
    assert_eq!(complete(&conn, "r.bin", &id, wrong).await, Err("InvalidPart".to_owned()));
    complete(&conn, "r.bin", &id, done).await.unwrap();
    let got = conn.client.get_object().bucket("bkt").key("r.bin").send().await.unwrap();
    assert_eq!(got.body.collect().await.unwrap().into_bytes().as_ref(), parts.concat().as_slice());
}

#[tokio::test]
async fn parts_of_mixed_sizes_join_and_a_resent_part_replaces_the_earlier_one_only_when_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, conn) = server(dir.path()).await;
    // Sizes differ from part to part (allowed by S3): joined by copying.
    let parts = [body(6 * MIB, 6), body(5 * MIB, 7), body(7 * MIB, 8), body(10, 9)];
    let (id, mut done) = upload(&conn, "mixed.bin", &parts).await;

    // Part 2 sent again with a checksum that does not match its body: refused, the first one stays.
    let other = body(5 * MIB, 10);
    let bad = send_part(&conn, "mixed.bin", &id, 2, &other, Some("AAAAAA==")).await;
    assert_eq!(bad.err().as_deref(), Some("BadDigest"));
    let listed = conn
        .client
        .list_parts()
        .bucket("bkt")
        .key("mixed.bin")
        .upload_id(&id)
        .send()
        .await
        .unwrap();
    let etags: Vec<&str> = listed.parts().iter().filter_map(|p| p.e_tag()).collect();
    let sent: Vec<&str> = done.iter().filter_map(|p| p.e_tag()).collect();
    assert_eq!(etags, sent, "ListParts gives each part's ETag as UploadPart answered");
    assert_eq!(listed.parts()[2].size(), Some(7 * MIB as i64));

    // Sent again whole: the new body replaces it.
    let again = send_part(&conn, "mixed.bin", &id, 2, &other, None).await.unwrap();
    done[1] = CompletedPart::builder().part_number(2).e_tag(again).build();
    complete(&conn, "mixed.bin", &id, done).await.unwrap();
    let got = conn.client.get_object().bucket("bkt").key("mixed.bin").send().await.unwrap();
    let want = [parts[0].clone(), other, parts[2].clone(), parts[3].clone()].concat();
    assert_eq!(got.body.collect().await.unwrap().into_bytes().as_ref(), want.as_slice());
}
