//! An SSO sign-in whose token has expired is renewed with its refresh token (CreateToken, grant
//! refresh_token, at the fake SSO-OIDC on loopback) without asking the person; a refresh token that is no
//! longer accepted asks for a sign-in (SsoLoginRequired). One test in this file: it points HOME elsewhere.

mod common;
use bucketlens_core::client::{connect, Target};
use bucketlens_core::profiles::AwsFiles;
use bucketlens_core::ErrorKind;
use common::fake_http::serve;
use common::fake_sso::{oidc, portal};
use std::sync::{Arc, Mutex};

fn token_file(refresh: &str) -> String {
    let past = (chrono::Utc::now() - chrono::Duration::minutes(1)).format("%Y-%m-%dT%H:%M:%SZ");
    serde_json::json!({"startUrl": "https://corp.awsapps.com/start", "region": "eu-west-1", "accessToken": "at-old",
        "expiresAt": past.to_string(), "refreshToken": refresh, "clientId": "cid-1", "clientSecret": "csecret-1",
        "registrationExpiresAt": "2031-01-02T03:04:05Z"})
    .to_string()
}

#[tokio::test]
async fn an_expired_sso_token_is_renewed_with_its_refresh_token_or_asks_for_a_sign_in() {
    let home = tempfile::tempdir().unwrap();
    std::env::set_var("HOME", home.path());
    let (oidc_url, oidc_seen) = serve(Arc::new(move |r| oidc(r, &Mutex::new(0)))).await;
    let (portal_url, _) = serve(Arc::new(portal)).await;
    let config = format!(
        "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n\
         services = fakes\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\n\
         [services fakes]\nsso-oidc =\n  endpoint_url = {oidc_url}\nsso =\n  endpoint_url = {portal_url}\n"
    );
    std::fs::write(home.path().join("config"), config).unwrap();
    let files = AwsFiles::explicit(home.path().join("config"), home.path().join("credentials"));
    let cache = home.path().join(".aws/sso/cache");
    std::fs::create_dir_all(&cache).unwrap();
    let file = bucketlens_core::sso_device::token_file(&cache, "corp");
    std::fs::write(&file, token_file("rt-1")).unwrap();

    let creds = connect(&files, &Target::profile("dev"))
        .await
        .unwrap()
        .creds
        .current()
        .await
        .unwrap();
    assert_eq!(creds.access_key_id(), "ASIASSOEXAMPLE");
    let grants: Vec<String> = oidc_seen
        .lock()
        .unwrap()
        .iter()
        .map(|r| serde_json::from_str::<serde_json::Value>(&r.body).unwrap()["grantType"].to_string())
        .collect();
    assert_eq!(grants, ["\"refresh_token\""], "renewed once, nobody asked");

    // The refresh token is refused (revoked, or the session ended): the person is asked to sign in.
    std::fs::write(&file, token_file("rt-revoked")).unwrap();
    let e = connect(&files, &Target::profile("dev"))
        .await
        .unwrap()
        .creds
        .current()
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::SsoLoginRequired, "{e}");
}
