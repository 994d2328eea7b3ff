//! Adding an SSO profile by picking, not typing: sign in to a start URL before any profile names it (fakes of
//! SSO-OIDC and the portal on loopback, reached through the default profile's `[services]`), list every
//! account and role across pages, then write the profile: it has credentials at once, with no second sign-in.

mod common;
use bucketlens_core::client::{connect, Target};
use bucketlens_core::profile_writer::{add_profile, NewProfile};
use bucketlens_core::profiles::AwsFiles;
use bucketlens_core::sso_accounts::{discover, SsoDiscoverRequest};
use bucketlens_core::ErrorKind;
use common::fake_http::serve;
use common::fake_sso::{oidc, portal};
use std::sync::{Arc, Mutex};
use tokio_util::sync::CancellationToken;

#[tokio::test]
async fn sign_in_then_pick_an_account_and_role_then_the_new_profile_works_without_signing_in_again() {
    let dir = tempfile::tempdir().unwrap();
    let polls = Arc::new(Mutex::new(0u32));
    let p = polls.clone();
    let (oidc_url, oidc_seen) = serve(Arc::new(move |r| oidc(r, &p))).await;
    let (portal_url, portal_seen) = serve(Arc::new(portal)).await;
    let config = format!(
        "# my config\n[default]\nregion = us-east-1\nservices = fakes\n\n[services fakes]\nsso-oidc =\n  endpoint_url = \
         {oidc_url}\nsso =\n  endpoint_url = {portal_url}\n\n[profile taken]\nregion = us-east-1\n"
    );
    std::fs::write(dir.path().join("config"), config).unwrap();
    let files = AwsFiles::explicit(dir.path().join("config"), dir.path().join("credentials"));
    let cache = dir.path().join("sso-cache");
    let request = |name: &str| SsoDiscoverRequest {
        name: name.into(),
        start_url: "https://corp.awsapps.com/start".into(),
        sso_region: "eu-west-1".into(),
    };

    // A name in use is refused before anything is sent (its token file would be overwritten).
    let e = discover(&files, &request("taken"), &cache, |_| {}, &CancellationToken::new())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::AlreadyExists, "{e}");
    assert!(oidc_seen.lock().unwrap().is_empty());

    let shown = Arc::new(Mutex::new(None));
    let s = shown.clone();
    let roles = discover(
        &files,
        &request("company"),
        &cache,
        move |c| *s.lock().unwrap() = Some(c.user_code),
        &CancellationToken::new(),
    )
    .await
    .unwrap();
    assert_eq!(shown.lock().unwrap().as_deref(), Some("ABCD-EFGH"));
    let picked: Vec<(&str, &str, &str)> = roles
        .iter()
        .map(|r| (r.account_name.as_str(), r.account_id.as_str(), r.role_name.as_str()))
        .collect();
    assert_eq!(
        picked,
        [
            ("Development", "444455556666", "Admin"),
            ("Production", "111122223333", "Dev"),
            ("Production", "111122223333", "ReadOnly"),
        ],
        "both pages of accounts and of roles, sorted"
    );
    assert_eq!(roles[0].email.as_deref(), Some("aws-dev@example.com"));
    let calls: Vec<String> = portal_seen
        .lock()
        .unwrap()
        .iter()
        .map(|r| r.target.split('?').next().unwrap().to_owned())
        .collect();
    assert_eq!(calls.iter().filter(|c| *c == "/assignment/accounts").count(), 2);
    assert_eq!(calls.iter().filter(|c| *c == "/assignment/roles").count(), 3);
    assert!(portal_seen
        .lock()
        .unwrap()
        .iter()
        .all(|r| r.header("x-amz-sso_bearer_token") == Some("at-1")));

    // The person picks Production / Dev; the profile is written and has credentials at once.
    add_profile(
        &files,
        &NewProfile::Sso {
            name: "company".into(),
            start_url: "https://corp.awsapps.com/start".into(),
            sso_region: "eu-west-1".into(),
            account_id: "111122223333".into(),
            role_name: "Dev".into(),
            region: "us-east-1".into(),
        },
    )
    .unwrap();
    let registrations_before = oidc_seen.lock().unwrap().len();
    let creds = connect_with_cache(&files, &cache, &portal_url).await;
    assert_eq!(creds, "ASIASSOEXAMPLE");
    assert_eq!(oidc_seen.lock().unwrap().len(), registrations_before, "no second sign-in");
}

/// aws-config reads the SSO cache under `~/.aws/sso/cache`: point HOME at a folder whose cache is `cache`. The
/// new profile names no `[services]`: the portal's endpoint comes from the environment.
async fn connect_with_cache(files: &AwsFiles, cache: &std::path::Path, portal: &str) -> String {
    let home = cache.parent().unwrap().join("home");
    std::fs::create_dir_all(home.join(".aws/sso")).unwrap();
    std::os::unix::fs::symlink(cache, home.join(".aws/sso/cache")).unwrap();
    // The only test of this binary: nothing else reads HOME meanwhile.
    std::env::set_var("HOME", &home);
    std::env::set_var("AWS_ENDPOINT_URL_SSO", portal);
    let conn = connect(files, &Target::profile("company")).await.unwrap();
    conn.creds.current().await.unwrap().access_key_id().to_owned()
}
