//! The embedded S3 server (s3s + s3s-fs) on loopback with SigV4 checking on: the demo bucket of the app and
//! the CLI's `demo-server` run it, and the core's tests take it as a dev-dependency. The core knows nothing of it.

mod assemble;
#[cfg(feature = "faults")]
pub mod faults;
mod index;
#[cfg(test)]
mod index_tests;
mod keys;
mod pdf;
mod pending;
pub mod samples;
pub mod seed;
mod strict;

use bucketlens_core::client::{connect, Secret, Target};
use bucketlens_core::error::{Error, Result};
use bucketlens_core::profiles::{AwsFiles, ProfileInfo, ProfileKind};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder as ConnBuilder;
use rand::distr::{Alphanumeric, SampleString};
use s3s::auth::SimpleAuth;
use s3s::service::S3ServiceBuilder;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

pub const DEMO_PROFILE: &str = "Demo (local)";
pub const DEMO_BUCKET: &str = "demo";
pub const DEMO_REGION: &str = "us-east-1";

/// How long a connection may take to send its request headers.
const HEADER_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);
const ACCEPT_BACKOFF_MIN: std::time::Duration = std::time::Duration::from_millis(10);
const ACCEPT_BACKOFF_MAX: std::time::Duration = std::time::Duration::from_secs(1);

/// Where the server listens and the keys it accepts.
#[derive(Debug, Clone)]
pub struct DemoEndpoint {
    pub endpoint_url: String,
    pub access_key: String,
    pub secret_key: Secret,
    pub region: String,
    pub data_dir: PathBuf,
}

impl DemoEndpoint {
    /// The connection target for this server: fixed keys, path-style, same code path as any S3.
    pub fn target(&self) -> Target {
        Target::Static {
            label: DEMO_PROFILE.to_owned(),
            access_key: self.access_key.clone(),
            secret_key: self.secret_key.clone(),
            session_token: None,
            region: self.region.clone(),
            endpoint_url: Some(self.endpoint_url.clone()),
            path_style: true,
        }
    }

    /// How the server appears in the profile list (the session lists it first, beside the AWS profiles).
    pub fn profile(&self) -> ProfileInfo {
        ProfileInfo {
            name: DEMO_PROFILE.to_owned(),
            kind: ProfileKind::Demo,
            region: Some(self.region.clone()),
            endpoint_url: Some(self.endpoint_url.clone()),
        }
    }
}

/// A running embedded S3 server. Dropping it stops the server and closes its connections.
#[derive(Debug)]
pub struct DemoServer {
    pub endpoint: DemoEndpoint,
    pub addr: SocketAddr,
    task: JoinHandle<()>,
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn random_key(len: usize) -> String {
    Alphanumeric.sample_string(&mut rand::rng(), len)
}

impl DemoServer {
    /// Starts on `127.0.0.1:port` (0 = any free port) with fresh random keys, storing data under `data_dir`.
    pub async fn start(data_dir: &Path, port: u16) -> Result<Self> {
        Self::start_with_keys(data_dir, port, &format!("BLDEMO{}", random_key(14).to_uppercase()), &random_key(40)).await
    }

    /// Starts with given keys (used when a test needs to restart the same server).
    pub async fn start_with_keys(data_dir: &Path, port: u16, access_key: &str, secret_key: &str) -> Result<Self> {
        std::fs::create_dir_all(data_dir).map_err(|e| Error::io("creating the demo data folder", e))?;
        let store = strict::Strict::new(data_dir).map_err(|e| Error::internal(format!("demo storage: {e}")))?;
        let mut b = S3ServiceBuilder::new(store);
        b.set_auth(SimpleAuth::from_single(access_key, secret_key));
        let service = b.build();
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(|e| Error::io(&format!("listening on 127.0.0.1:{port}"), e))?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            let mut conns = JoinSet::new();
            let mut http = ConnBuilder::new(TokioExecutor::new());
            // A client that opens a socket and sends no request is dropped instead of holding a connection.
            http.http1().timer(TokioTimer::new()).header_read_timeout(HEADER_READ_TIMEOUT);
            let mut backoff = ACCEPT_BACKOFF_MIN;
            loop {
                let socket = match listener.accept().await {
                    Ok((socket, _)) => {
                        backoff = ACCEPT_BACKOFF_MIN;
                        socket
                    }
                    Err(e) => {
                        // Out of file descriptors (EMFILE) and the like: wait, longer each time, instead of
                        // spinning a core on an accept that keeps failing.
                        tracing::warn!(error = %e, ms = backoff.as_millis() as u64, "embedded S3: accept failed");
                        tokio::time::sleep(backoff).await;
                        backoff = (backoff * 2).min(ACCEPT_BACKOFF_MAX);
                        while conns.try_join_next().is_some() {}
                        continue;
                    }
                };
                let conn = http.serve_connection(TokioIo::new(socket), service.clone()).into_owned();
                conns.spawn(async move {
                    let _ = conn.await;
                });
                while conns.try_join_next().is_some() {}
            }
        });
        tracing::info!(%addr, "embedded S3 server started");
        Ok(Self {
            endpoint: DemoEndpoint {
                endpoint_url: format!("http://{addr}"),
                access_key: access_key.to_owned(),
                secret_key: Secret(secret_key.to_owned()),
                region: DEMO_REGION.to_owned(),
                data_dir: data_dir.to_owned(),
            },
            addr,
            task,
        })
    }

    /// Creates a bucket as a folder of the store (idempotent).
    pub fn ensure_bucket(&self, bucket: &str) -> Result<()> {
        std::fs::create_dir_all(self.endpoint.data_dir.join(bucket)).map_err(|e| Error::io("creating the bucket", e))
    }
}

/// Starts the server on `127.0.0.1:port` with the demo bucket, filled with the samples unless `seed` is false
/// (once per data folder). What the app's `--demo`, its first-run "Try the demo" and `demo-server` share.
pub async fn start_seeded(data_dir: &Path, port: u16, seed: bool) -> Result<DemoServer> {
    let server = DemoServer::start(data_dir, port).await?;
    server.ensure_bucket(DEMO_BUCKET)?;
    if seed {
        let conn = connect(&AwsFiles::default(), &server.endpoint.target()).await?;
        seed::seed(&conn, DEMO_BUCKET, data_dir, true).await?;
    }
    Ok(server)
}

/// Small generated files of each type, for tests across the workspace.
pub mod test_samples {
    use super::samples::{encode, picture, report_pdf};
    use image::ImageFormat;
    pub fn jpeg() -> Vec<u8> {
        encode(picture(64, 48, 1), ImageFormat::Jpeg)
    }
    pub fn png() -> Vec<u8> {
        encode(picture(64, 48, 2), ImageFormat::Png)
    }
    pub fn webp() -> Vec<u8> {
        encode(picture(64, 48, 3), ImageFormat::WebP)
    }
    pub fn gif() -> Vec<u8> {
        encode(picture(64, 48, 4), ImageFormat::Gif)
    }
    pub fn pdf() -> Vec<u8> {
        report_pdf("Test", 2)
    }
}
