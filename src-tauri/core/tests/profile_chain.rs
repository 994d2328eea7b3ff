//! A role profile through aws-config's own chain: its source profile's keys sign an AssumeRole call to STS
//! (a fake on loopback, reached through the profile's `[services]` section, which checks what it receives),
//! and the role's temporary credentials are what the connection then holds. This also proves the SDK's
//! one HTTP client (hyper 1, rustls on ring; `http.rs`) reaches the STS endpoint.

use bucketlens_core::client::{connect, Overrides, Target};
use bucketlens_core::profiles::AwsFiles;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const ASSUMED: &str = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>\
<Credentials><AccessKeyId>ASIAROLEEXAMPLE</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey>\
<SessionToken>role-session-token</SessionToken><Expiration>2030-01-02T03:04:05Z</Expiration></Credentials>\
<AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId><Arn>arn:aws:sts::111122223333:assumed-role/Reader/s</Arn>\
</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>";

/// A fake STS: answers every request with the role's credentials and keeps the requests (head and body).
async fn fake_sts() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let log = log.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                // Head, then as much body as Content-Length says.
                loop {
                    let n = sock.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    let text = String::from_utf8_lossy(&buf).to_string();
                    if let Some(end) = text.find("\r\n\r\n") {
                        let len = text[..end]
                            .lines()
                            .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned()))
                            .and_then(|v| v.parse::<usize>().ok())
                            .unwrap_or(0);
                        if buf.len() >= end + 4 + len {
                            log.lock().unwrap().push(text);
                            break;
                        }
                    }
                }
                let answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: text/xml\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{ASSUMED}",
                    ASSUMED.len()
                );
                let _ = sock.write_all(answer.as_bytes()).await;
            });
        }
    });
    (port, seen)
}

#[tokio::test]
async fn a_role_profile_assumes_its_role_with_the_source_keys_through_sts() {
    let (port, seen) = fake_sts().await;
    let dir = tempfile::tempdir().unwrap();
    let config = format!(
        "[profile source]\nregion = us-east-1\n\n\
         [profile reader]\nrole_arn = arn:aws:iam::111122223333:role/Reader\nsource_profile = source\n\
         region = us-east-1\nservices = local-sts\n\n\
         [services local-sts]\nsts =\n  endpoint_url = http://127.0.0.1:{port}\n"
    );
    std::fs::write(dir.path().join("config"), config).unwrap();
    std::fs::write(
        dir.path().join("credentials"),
        "[source]\naws_access_key_id = AKIDSOURCEEXAMPLE\naws_secret_access_key = source-secret\n",
    )
    .unwrap();
    let files = AwsFiles::explicit(dir.path().join("config"), dir.path().join("credentials"));
    let target = Target::Profile {
        name: "reader".into(),
        overrides: Overrides::default(),
    };
    let conn = connect(&files, &target).await.unwrap();
    let creds = conn.creds.current().await.unwrap();
    assert_eq!(creds.access_key_id(), "ASIAROLEEXAMPLE");
    assert_eq!(creds.session_token(), Some("role-session-token"));
    let info = conn.info().await.unwrap();
    assert!(info.temporary);
    assert_eq!(info.credentials_expire_at, Some(1_893_553_445_000));

    let requests = seen.lock().unwrap().clone();
    assert_eq!(requests.len(), 1, "{requests:?}");
    let r = &requests[0];
    assert!(r.starts_with("POST / HTTP/1.1"), "{r}");
    assert!(r.contains("Action=AssumeRole"), "{r}");
    assert!(r.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FReader"), "{r}");
    let auth = r
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("authorization:"))
        .unwrap_or_default();
    assert!(
        auth.contains("Credential=AKIDSOURCEEXAMPLE/") && auth.contains("/us-east-1/sts/aws4_request"),
        "{auth}"
    );
    assert!(!r.contains("source-secret"), "the secret never travels");
}
