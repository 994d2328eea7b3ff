//! Shared test fixture: a fresh embedded S3 server with signature checking, and a client for it.
#![allow(dead_code)]

pub mod fake_http;
pub mod fake_sso;
pub mod fake_sts;
pub mod tls;
pub mod uploads;

use bucketlens_core::client::{connect, Connection, Secret, Target};
use bucketlens_core::profiles::AwsFiles;
use bucketlens_demo::DemoServer;

pub struct Fixture {
    pub server: DemoServer,
    pub conn: Connection,
    pub dir: tempfile::TempDir,
    pub bucket: &'static str,
}

pub async fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let server = DemoServer::start(&dir.path().join("s3"), 0).await.unwrap();
    server.ensure_bucket("test-bucket").unwrap();
    let conn = connect(&AwsFiles::default(), &server.endpoint.target()).await.unwrap();
    Fixture {
        server,
        conn,
        dir,
        bucket: "test-bucket",
    }
}

impl Fixture {
    pub async fn put(&self, key: &str, body: &[u8], content_type: &str) {
        self.conn
            .client
            .put_object()
            .bucket(self.bucket)
            .key(key)
            .content_type(content_type)
            .body(body.to_vec().into())
            .send()
            .await
            .unwrap();
    }

    /// `n` one-byte objects `{prefix}item-00001.txt` … (16 at a time).
    pub async fn put_items(&self, prefix: &str, n: usize) {
        use futures::StreamExt;
        futures::stream::iter(1..=n)
            .map(|i| async move { self.put(&format!("{prefix}item-{i:05}.txt"), b"x", "text/plain").await })
            .buffer_unordered(16)
            .collect::<Vec<_>>()
            .await;
    }

    /// The same server and keys, reached through another endpoint (a fault-injecting proxy).
    pub async fn through(&self, endpoint: &str) -> Connection {
        self.variant(Some(endpoint), None).await
    }

    /// The same server reached with another secret.
    pub async fn with_secret(&self, secret: &str) -> Connection {
        self.variant(None, Some(secret)).await
    }

    async fn variant(&self, endpoint: Option<&str>, secret: Option<&str>) -> Connection {
        let Target::Static {
            label,
            access_key,
            secret_key,
            region,
            endpoint_url,
            path_style,
            ..
        } = self.server.endpoint.target()
        else {
            unreachable!()
        };
        let t = Target::Static {
            label,
            access_key,
            secret_key: secret.map(|s| Secret(s.into())).unwrap_or(secret_key),
            session_token: None,
            region,
            endpoint_url: endpoint.map(str::to_owned).or(endpoint_url),
            path_style,
        };
        connect(&AwsFiles::default(), &t).await.unwrap()
    }

    /// Writes AWS config/credentials files with profiles pointing at this server.
    pub fn aws_files(&self, extra_config: &str) -> AwsFiles {
        let ep = &self.server.endpoint;
        let config = self.dir.path().join("aws-config");
        let creds = self.dir.path().join("aws-credentials");
        std::fs::write(
            &config,
            format!(
                "[profile local]\nregion = us-east-1\nendpoint_url = {}\n\n{extra_config}",
                ep.endpoint_url
            ),
        )
        .unwrap();
        std::fs::write(
            &creds,
            format!(
                "[local]\naws_access_key_id = {}\naws_secret_access_key = {}\n",
                ep.access_key, ep.secret_key.0
            ),
        )
        .unwrap();
        AwsFiles::explicit(config, creds)
    }
}

pub async fn http_get(url: &str) -> reqwest::Response {
    reqwest::Client::new().get(url).send().await.unwrap()
}
