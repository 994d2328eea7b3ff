//! SSO sign-in inside the app against fakes on loopback (SSO-OIDC and the SSO portal, reached through the
//! profile's `[services]` section): the device flow registers, shows the code, polls until confirmed, and
//! writes the token where the AWS CLI would; aws-config then gets role credentials with that token. A
//! cancelled sign-in stops polling. One test in this file: it points HOME at a temporary folder.

mod common;
use bucketlens_core::client::{connect, Overrides, Target};
use bucketlens_core::profiles::AwsFiles;
use bucketlens_core::sso_device::{sign_in, DeviceCode};
use bucketlens_core::ErrorKind;
use common::fake_http::serve;
use common::fake_sso::{oidc, portal};
use std::sync::{Arc, Mutex};
use tokio_util::sync::CancellationToken;

#[tokio::test]
async fn device_sign_in_writes_the_cli_s_cache_and_the_profile_then_gets_role_credentials() {
    let home = tempfile::tempdir().unwrap();
    // The only test of this binary: nothing else reads HOME meanwhile.
    std::env::set_var("HOME", home.path());
    let polls = Arc::new(Mutex::new(0u32));
    let p = polls.clone();
    let (oidc_url, oidc_seen) = serve(Arc::new(move |r| oidc(r, &p))).await;
    let (portal_url, portal_seen) = serve(Arc::new(portal)).await;
    let config = format!(
        "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n\
         services = fakes\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\
         sso_registration_scopes = sso:account:access\n\n[services fakes]\nsso-oidc =\n  endpoint_url = {oidc_url}\n\
         sso =\n  endpoint_url = {portal_url}\n"
    );
    std::fs::write(home.path().join("config"), config).unwrap();
    let files = AwsFiles::explicit(home.path().join("config"), home.path().join("credentials"));
    let target = Target::Profile {
        name: "dev".into(),
        overrides: Overrides::default(),
    };

    // Not signed in yet: no credentials, and it says so.
    let e = connect(&files, &target).await.unwrap().creds.current().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::SsoLoginRequired, "{e}");

    let cache = home.path().join(".aws/sso/cache");
    let shown: Arc<Mutex<Option<DeviceCode>>> = Arc::default();
    let s = shown.clone();
    sign_in(
        &files,
        "dev",
        &cache,
        move |c| *s.lock().unwrap() = Some(c),
        &CancellationToken::new(),
    )
    .await
    .unwrap();
    let code = shown.lock().unwrap().clone().unwrap();
    assert_eq!(code.user_code, "ABCD-EFGH");
    assert_eq!(
        code.verification_uri_complete.as_deref(),
        Some("https://device.sso.example/?user_code=ABCD-EFGH")
    );
    let tokens: Vec<String> = oidc_seen.lock().unwrap().iter().map(|r| r.target.clone()).collect();
    assert_eq!(
        tokens,
        ["/client/register", "/device_authorization", "/token", "/token"],
        "pending once, then the token"
    );

    // The AWS CLI's file: SHA-1 of the session name, readable by the user only, with what a refresh needs.
    let file = cache.join("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
    let expected_name = format!("{:x}.json", <sha1::Sha1 as sha1::Digest>::digest(b"corp"));
    assert_eq!(file.file_name().unwrap().to_string_lossy(), expected_name);
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(
        (saved["accessToken"].as_str(), saved["refreshToken"].as_str()),
        (Some("at-1"), Some("rt-1"))
    );
    assert_eq!(
        (saved["clientId"].as_str(), saved["region"].as_str()),
        (Some("cid-1"), Some("eu-west-1"))
    );
    assert_eq!(saved["registrationExpiresAt"], "2031-01-02T03:04:05Z");
    #[cfg(unix)]
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&file).unwrap().permissions()) & 0o777,
        0o600
    );

    // aws-config reads that token: the portal gets it and the role's credentials come back.
    let creds = connect(&files, &target).await.unwrap().creds.current().await.unwrap();
    assert_eq!(creds.access_key_id(), "ASIASSOEXAMPLE");
    assert!(portal_seen
        .lock()
        .unwrap()
        .iter()
        .any(|r| r.header("x-amz-sso_bearer_token") == Some("at-1")));

    // A sign-in that is never confirmed stops when cancelled.
    let cancel = CancellationToken::new();
    let c2 = cancel.clone();
    let e = sign_in(&files, "dev", &cache, move |_| c2.cancel(), &cancel).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
    let e = sign_in(&files, "nope", &cache, |_| {}, &CancellationToken::new())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidProfile, "{e}");
}
