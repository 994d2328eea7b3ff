//! Profiles from real AWS files reaching the embedded S3, temporary credentials, and every error kind.

mod common;
use bucketlens_core::client::{connect, Overrides, Target};
use bucketlens_core::ipc::TestOperation;
use bucketlens_core::listing::{list_buckets, list_prefix};
use bucketlens_core::objects::head_object;
use bucketlens_core::presign::{presign_get, Disposition};
use bucketlens_core::session::Session;
use bucketlens_core::ErrorKind;

#[tokio::test]
async fn a_profile_from_aws_files_reaches_the_server() {
    let f = common::fixture().await;
    let files = f.aws_files("");
    let session = Session::new(files);
    let info = session.select("local", Overrides::default()).await.unwrap();
    assert_eq!(info.profile, "local");
    assert!(info.path_style, "a custom endpoint defaults to path-style");
    assert!(!info.temporary);
    let conn = session.active().unwrap();
    let names: Vec<_> = list_buckets(&conn).await.unwrap().into_iter().map(|b| b.name).collect();
    assert_eq!(names, ["test-bucket"]);
}

#[tokio::test]
async fn overrides_win_over_the_profile() {
    let f = common::fixture().await;
    let files = f.aws_files("[profile regional]\nregion = eu-west-3\n");
    let t = Target::Profile {
        name: "local".into(),
        overrides: Overrides {
            region: Some("ap-northeast-1".into()),
            ..Default::default()
        },
    };
    let c = connect(&files, &t).await.unwrap();
    assert_eq!(c.region, "ap-northeast-1");
    let c = connect(&files, &Target::profile("local")).await.unwrap();
    assert_eq!(c.region, "us-east-1");
    let t = Target::Profile {
        name: "local".into(),
        overrides: Overrides {
            endpoint_url: Some("http://127.0.0.1:1".into()),
            path_style: Some(false),
            ..Default::default()
        },
    };
    let c = connect(&files, &t).await.unwrap();
    assert_eq!((c.endpoint_url.as_deref(), c.path_style), (Some("http://127.0.0.1:1"), false));
}

#[tokio::test]
async fn temporary_credentials_cut_the_url_lifetime() {
    let f = common::fixture().await;
    let ep = &f.server.endpoint;
    let script = f.dir.path().join("creds.sh");
    let expires = chrono::Utc::now() + chrono::Duration::seconds(120);
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho '{{\"Version\":1,\"AccessKeyId\":\"{}\",\"SecretAccessKey\":\"{}\",\"SessionToken\":\"TOKEN123\",\"Expiration\":\"{}\"}}'\n",
            ep.access_key,
            ep.secret_key.0,
            expires.format("%Y-%m-%dT%H:%M:%SZ")
        ),
    )
    .unwrap();
    std::process::Command::new("chmod").arg("+x").arg(&script).status().unwrap();
    let files = f.aws_files(&format!(
        "[profile temp]\nregion = us-east-1\nendpoint_url = {}\ncredential_process = {}\n",
        ep.endpoint_url,
        script.display()
    ));
    let session = Session::new(files);
    let info = session.select("temp", Overrides::default()).await.unwrap();
    assert!(info.temporary);
    let left = info.credentials_expire_at.unwrap() - chrono::Utc::now().timestamp_millis();
    assert!((100_000..=121_000).contains(&left), "{left}");
    let conn = session.active().unwrap();
    let p = presign_get(&conn, f.bucket, "x.txt", &Disposition::Inline, None, 3600)
        .await
        .unwrap();
    assert!(p.limited_by_credentials);
    assert!(p.effective_secs <= 120 && p.effective_secs >= 100, "{}", p.effective_secs);
    assert!(p.url.contains(&format!("X-Amz-Expires={}", p.effective_secs)));
    assert!(p.url.contains("X-Amz-Security-Token=TOKEN123"));
    let short = presign_get(&conn, f.bucket, "x.txt", &Disposition::Inline, None, 30).await.unwrap();
    assert_eq!((short.effective_secs, short.limited_by_credentials), (30, false));
}

#[tokio::test]
async fn error_kinds_from_the_server() {
    let f = common::fixture().await;
    let e = list_prefix(&f.conn, "no-such-bucket", "", 1000, |_| true).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NoSuchBucket, "{e}");
    assert_eq!(e.detail().bucket.as_deref(), Some("no-such-bucket"));
    let e = head_object(&f.conn, f.bucket, "missing.pdf").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NoSuchKey, "{e}");
    let wrong = f.with_secret("not-the-secret").await;
    let e = list_buckets(&wrong).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::SignatureMismatch, "{e}");
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["kind"], "SignatureMismatch");
    assert!(!json.to_string().contains("not-the-secret"));
}

#[tokio::test]
async fn dead_endpoint_is_a_network_error() {
    // Bound but not listening: connections are refused, and no server started meanwhile can take the port.
    let closed = tokio::net::TcpSocket::new_v4().unwrap();
    closed.bind(([127, 0, 0, 1], 0).into()).unwrap();
    let port = closed.local_addr().unwrap().port();
    let t = Target::Static {
        label: "dead".into(),
        access_key: "AK".into(),
        secret_key: bucketlens_core::client::Secret("SK".into()),
        session_token: None,
        region: "us-east-1".into(),
        endpoint_url: Some(format!("http://127.0.0.1:{port}")),
        path_style: true,
    };
    let c = connect(&Default::default(), &t).await.unwrap();
    let started = std::time::Instant::now();
    let e = list_buckets(&c).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Network, "{e}");
    assert!(started.elapsed().as_secs() < 20);
}

#[tokio::test]
async fn missing_profile_or_credentials() {
    let f = common::fixture().await;
    let files = f.aws_files("[profile nokeys]\nregion = us-east-1\n");
    let session = Session::new(files);
    let e = session.select("ghost", Overrides::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ProfileNotFound, "{e}");
    let e = session.select("nokeys", Overrides::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NoCredentials, "{e}");
    assert_eq!(e.detail().profile.as_deref(), Some("nokeys"));
    // The previous good profile stays usable after a failed switch.
    session.select("local", Overrides::default()).await.unwrap();
    session.select("nokeys", Overrides::default()).await.unwrap_err();
    assert_eq!(session.active_info().await.unwrap().unwrap().profile, "local");
}

#[tokio::test]
async fn sso_profile_without_a_token_asks_for_sign_in() {
    let f = common::fixture().await;
    let files = f.aws_files(
        "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n",
    );
    // Point HOME at the temp dir so no real SSO cache is found.
    let session = Session::new(files);
    let e = session.select("sso", Overrides::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::SsoLoginRequired, "{e}");
}

#[tokio::test]
async fn test_connection_uses_the_given_overrides_without_switching() {
    let f = common::fixture().await;
    let session = Session::new(f.aws_files(""));
    session.select("local", Overrides::default()).await.unwrap();
    let t = session.test("local", Overrides::default(), None).await.unwrap();
    assert_eq!((t.operation, t.bucket_count), (TestOperation::ListBuckets, Some(1)));
    let t = session.test("local", Overrides::default(), Some("test-bucket")).await.unwrap();
    assert_eq!(t.operation, TestOperation::HeadBucket);
    let e = session
        .test("local", Overrides::default(), Some("missing-bucket"))
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NoSuchBucket, "{e}");
    let dead = Overrides {
        endpoint_url: Some("http://127.0.0.1:9".into()),
        ..Default::default()
    };
    assert_eq!(session.test("local", dead, None).await.unwrap_err().kind(), ErrorKind::Network);
    let bad = Overrides {
        endpoint_url: Some("ftp://x".into()),
        ..Default::default()
    };
    assert_eq!(session.test("local", bad, None).await.unwrap_err().kind(), ErrorKind::InvalidInput);
    // Test connection refuses what settings refuse, and never repeats a password it was given.
    for endpoint in [
        "http://admin:hunter2@127.0.0.1:9",
        "http://127.0.0.1:9/?x=1",
        "http://127.0.0.1:9/#f",
    ] {
        let o = Overrides {
            endpoint_url: Some(endpoint.into()),
            ..Default::default()
        };
        let e = session.test("local", o, None).await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{endpoint}");
        assert!(!e.to_string().contains("hunter2"), "{e}");
    }
    assert_eq!(
        session.active_info().await.unwrap().unwrap().endpoint_url.as_deref(),
        Some(f.server.endpoint.endpoint_url.as_str())
    );
}

#[cfg(unix)]
#[tokio::test]
async fn a_failing_credential_process_is_explained_without_its_error_output() {
    use std::os::unix::fs::PermissionsExt;
    let f = common::fixture().await;
    let script = f.dir.path().join("creds.sh");
    std::fs::write(&script, "#!/bin/sh\necho 'token=hunter2-very-secret' >&2\nexit 3\n").unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).unwrap();
    let files = f.aws_files(&format!(
        "[profile proc]\nregion = us-east-1\ncredential_process = {}\n",
        script.display()
    ));
    let e = Session::new(files).select("proc", Overrides::default()).await.unwrap_err();
    let text = format!("{e} {:?}", e.detail());
    assert!(!text.contains("hunter2"), "{text}");
    assert!(
        text.contains("exited with code") && text.contains("not shown because it may hold secrets"),
        "{text}"
    );
    assert_eq!(e.detail().profile.as_deref(), Some("proc"));
}
