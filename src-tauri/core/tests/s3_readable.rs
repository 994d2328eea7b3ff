//! Which profiles can read a bucket (for a link that names no profile the person has): each tried at once
//! against the embedded S3, within a short wait, asking nothing of the person.

mod common;
use bucketlens_core::client::Overrides;
use bucketlens_core::profiles::AwsFiles;
use bucketlens_core::session::Session;
use std::time::{Duration, Instant};

#[tokio::test]
async fn only_profiles_whose_credentials_read_the_bucket_are_offered_and_none_asks_or_hangs() {
    let f = common::fixture().await;
    let ep = &f.server.endpoint;
    // A server that accepts the connection and never answers: the wait bounds it.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_url = format!("http://{}", silent.local_addr().unwrap());
    let config = f.dir.path().join("config");
    let creds = f.dir.path().join("credentials");
    let url = &ep.endpoint_url;
    std::fs::write(
        &config,
        format!(
            "[profile good]\nregion = us-east-1\nendpoint_url = {url}\n\n\
             [profile wrong-secret]\nregion = us-east-1\nendpoint_url = {url}\n\n\
             [profile silent]\nregion = us-east-1\nendpoint_url = {silent_url}\n\n\
             [profile needs-mfa]\nregion = us-east-1\nendpoint_url = {url}\nrole_arn = arn:aws:iam::123456789012:role/r\n\
             source_profile = good\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n\n\
             [profile also-good]\nregion = us-east-1\nendpoint_url = {url}\n"
        ),
    )
    .unwrap();
    let key = |name: &str, secret: &str| {
        format!(
            "[{name}]\naws_access_key_id = {}\naws_secret_access_key = {secret}\n",
            ep.access_key
        )
    };
    std::fs::write(
        &creds,
        [
            key("good", &ep.secret_key.0),
            key("wrong-secret", "not-it"),
            key("silent", &ep.secret_key.0),
            key("also-good", &ep.secret_key.0),
        ]
        .join("\n"),
    )
    .unwrap();
    let session = Session::new(AwsFiles::explicit(config, creds));
    let names: Vec<(String, Overrides)> = ["good", "wrong-secret", "silent", "needs-mfa", "missing", "also-good"]
        .iter()
        .map(|n| (n.to_string(), Overrides::default()))
        .collect();
    let t = Instant::now();
    let found = session.readable(f.bucket, &names, Duration::from_secs(2)).await;
    assert_eq!(found, ["good", "also-good"]);
    assert!(
        t.elapsed() < Duration::from_secs(6),
        "tried at once, each bounded: {:?}",
        t.elapsed()
    );
    assert!(session.readable("no-such-bucket", &names, Duration::from_secs(2)).await.is_empty());
    drop(silent);
}
