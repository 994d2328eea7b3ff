//! The upload tests' shared setup: the embedded S3 behind a fault-injecting proxy, files of any size, and
//! what is left on the server's disk.
#![allow(dead_code)]

use super::Fixture;
use bucketlens_core::client::Connection;
use bucketlens_core::upload::{upload_file, UploadJob, UploadOutcome};
use bucketlens_core::Result;
use bucketlens_demo::faults::FaultProxy;
use tokio_util::sync::CancellationToken;

pub const MIB: usize = 1024 * 1024;

pub struct Setup {
    pub f: Fixture,
    pub proxy: FaultProxy,
    pub conn: Connection,
}

pub async fn setup() -> Setup {
    let f = super::fixture().await;
    let proxy = FaultProxy::start(&f.server.endpoint.endpoint_url).await;
    let conn = f.through(&proxy.endpoint).await;
    Setup { f, proxy, conn }
}

/// A PNG-headed file of `len` bytes whose content depends on `seed`.
pub fn file(s: &Setup, name: &str, len: usize, seed: u8) -> (std::path::PathBuf, Vec<u8>) {
    let mut body = bucketlens_demo::test_samples::png();
    body.resize(len.max(body.len()), 0);
    body.truncate(len);
    for (i, b) in body.iter_mut().enumerate().skip(64) {
        *b = (i % 251) as u8 ^ seed;
    }
    let path = s.f.dir.path().join(name);
    std::fs::write(&path, &body).unwrap();
    (path, body)
}

pub fn multipart_job(path: &std::path::Path, key: &str) -> UploadJob {
    let mut j = UploadJob::new(path, "test-bucket", key);
    j.multipart_threshold = 10 * MIB as u64;
    j.min_part_size = 5 * MIB as u64;
    j.parallel_parts = 1;
    j
}

pub async fn up(s: &Setup, j: &UploadJob) -> Result<UploadOutcome> {
    upload_file(&s.conn, j, &CancellationToken::new(), &|_, _| {}).await
}

/// The stored bytes, read directly from the server.
pub async fn stored(s: &Setup, key: &str) -> Option<Vec<u8>> {
    let r = s.f.conn.client.get_object().bucket("test-bucket").key(key).send().await.ok()?;
    Some(r.body.collect().await.unwrap().into_bytes().to_vec())
}

pub async fn keys(s: &Setup, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    bucketlens_core::listing::list_prefix(&s.f.conn, "test-bucket", prefix, 1000, |p| {
        out.extend(p.objects.into_iter().map(|o| o.key));
        true
    })
    .await
    .unwrap();
    out
}

/// Multipart uploads in progress and parts on the server's disk.
pub fn leftovers(s: &Setup) -> Vec<String> {
    std::fs::read_dir(s.f.dir.path().join("s3"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("upload"))
        .collect()
}
