//! Role profiles through the credentials chain against a fake STS on loopback (reached through each profile's
//! `[services]` section; the fake checks what it receives): a role assumed with its source profile's keys, a
//! role assumed from another role, a web identity token file, and roles that demand an MFA code (asked of a
//! prompt, sent once, kept until expiry; a wrong code is reported and not sent again; cancel sends nothing).

mod common;
use bucketlens_core::client::{Connections, Target};
use bucketlens_core::mfa::{MfaPrompt, MfaRequest};
use bucketlens_core::profiles::AwsFiles;
use bucketlens_core::ErrorKind;
use common::fake_http::Seen;
use common::fake_sts::{self, form, GOOD_CODE, WEB_TOKEN};
use futures::future::BoxFuture;
use std::sync::{Arc, Mutex};

const ROLE: &str = "arn:aws:iam::111122223333:role";

struct Env {
    _dir: tempfile::TempDir,
    files: AwsFiles,
    seen: Arc<Mutex<Vec<Seen>>>,
}

/// The AWS files for `profiles` (each gets the region and the fake STS) and a source profile with keys.
async fn env(profiles: &[(&str, &str)]) -> Env {
    let (url, seen) = fake_sts::start(&["AKIDSOURCEEXAMPLE"]).await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = String::from("[profile source]\nregion = us-east-1\n\n");
    for (name, body) in profiles {
        config.push_str(&format!("[profile {name}]\n{body}\nregion = us-east-1\nservices = local-sts\n\n"));
    }
    config.push_str(&format!("[services local-sts]\nsts =\n  endpoint_url = {url}\n"));
    std::fs::write(dir.path().join("config"), config).unwrap();
    std::fs::write(
        dir.path().join("credentials"),
        "[source]\naws_access_key_id = AKIDSOURCEEXAMPLE\naws_secret_access_key = source-secret\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("token.jwt"), WEB_TOKEN).unwrap();
    let files = AwsFiles::explicit(dir.path().join("config"), dir.path().join("credentials"));
    Env { _dir: dir, files, seen }
}

fn calls(seen: &Mutex<Vec<Seen>>) -> Vec<(String, String, String)> {
    let key = |s: &Seen| {
        let a = s.header("authorization").unwrap_or_default();
        a.split("Credential=")
            .nth(1)
            .and_then(|c| c.split('/').next())
            .unwrap_or("unsigned")
            .to_owned()
    };
    seen.lock()
        .unwrap()
        .iter()
        .map(|s| {
            let f = form(&s.body);
            (f["Action"].clone(), f["RoleArn"].rsplit('/').next().unwrap().to_owned(), key(s))
        })
        .collect()
}

#[tokio::test]
async fn a_role_profile_assumes_its_role_with_the_source_keys() {
    let e = env(&[("reader", &format!("role_arn = {ROLE}/Reader\nsource_profile = source"))]).await;
    let conns = Connections::new(e.files.clone());
    let conn = conns.get(&Target::profile("reader")).await.unwrap();
    let creds = conn.creds.current().await.unwrap();
    assert_eq!(creds.access_key_id(), "ASIAREADER");
    assert_eq!(creds.session_token(), Some("token-ASIAREADER"));
    let info = conn.info().await.unwrap();
    assert!(info.temporary);
    assert_eq!(info.credentials_expire_at, Some(1_893_553_445_000));
    assert_eq!(calls(&e.seen), [("AssumeRole".into(), "Reader".into(), "AKIDSOURCEEXAMPLE".into())]);
    let body = &e.seen.lock().unwrap()[0].body;
    assert!(!body.contains("source-secret"), "the secret never travels");
}

#[tokio::test]
async fn a_role_assumed_from_another_role_is_signed_by_the_first_roles_credentials() {
    let e = env(&[
        ("reader", &format!("role_arn = {ROLE}/Reader\nsource_profile = source")),
        ("writer", &format!("role_arn = {ROLE}/Writer\nsource_profile = reader")),
    ])
    .await;
    let conn = Connections::new(e.files.clone()).get(&Target::profile("writer")).await.unwrap();
    assert_eq!(conn.creds.current().await.unwrap().access_key_id(), "ASIAWRITER");
    assert_eq!(
        calls(&e.seen),
        [
            ("AssumeRole".into(), "Reader".into(), "AKIDSOURCEEXAMPLE".into()),
            ("AssumeRole".into(), "Writer".into(), "ASIAREADER".into())
        ]
    );
}

#[tokio::test]
async fn a_web_identity_profile_sends_the_token_from_its_file_unsigned() {
    let e = env(&[]).await;
    let token = e.files.config.as_ref().unwrap().with_file_name("token.jwt");
    let e = Env {
        files: {
            let cfg = e.files.config.clone().unwrap();
            let mut text = std::fs::read_to_string(&cfg).unwrap();
            text.push_str(&format!(
                "\n[profile ci]\nrole_arn = {ROLE}/Deployer\nweb_identity_token_file = {}\nrole_session_name = ci-run\n\
                 region = us-east-1\nservices = local-sts\n",
                token.display()
            ));
            std::fs::write(&cfg, text).unwrap();
            e.files.clone()
        },
        ..e
    };
    let conn = Connections::new(e.files.clone()).get(&Target::profile("ci")).await.unwrap();
    assert_eq!(conn.creds.current().await.unwrap().access_key_id(), "ASIADEPLOYER");
    assert_eq!(
        calls(&e.seen),
        [("AssumeRoleWithWebIdentity".into(), "Deployer".into(), "unsigned".into())]
    );
    assert_eq!(form(&e.seen.lock().unwrap()[0].body)["RoleSessionName"], "ci-run");
}

/// A prompt that answers from a list and counts the questions.
#[derive(Debug, Default)]
struct Answers {
    codes: Mutex<Vec<Option<String>>>,
    asked: Mutex<Vec<MfaRequest>>,
}

impl MfaPrompt for Answers {
    fn ask(&self, request: MfaRequest) -> BoxFuture<'static, Option<String>> {
        self.asked.lock().unwrap().push(request);
        let code = self.codes.lock().unwrap().remove(0);
        Box::pin(async move { code })
    }
}

fn prompt(codes: &[Option<&str>]) -> Arc<Answers> {
    Arc::new(Answers {
        codes: Mutex::new(codes.iter().map(|c| c.map(str::to_owned)).collect()),
        asked: Mutex::default(),
    })
}

const MFA_ROLE: &str = "source_profile = source\nmfa_serial = arn:aws:iam::111122223333:mfa/alice";

#[tokio::test]
async fn an_mfa_role_asks_for_the_code_once_and_keeps_the_credentials_across_reconnects() {
    let e = env(&[("admin", &format!("role_arn = {ROLE}/MfaAdmin\n{MFA_ROLE}\nduration_seconds = 3600"))]).await;
    let conns = Connections::new(e.files.clone());
    let answers = prompt(&[Some(GOOD_CODE)]);
    conns.mfa().set_prompt(answers.clone());
    let conn = conns.get(&Target::profile("admin")).await.unwrap();
    assert_eq!(conn.creds.current().await.unwrap().access_key_id(), "ASIAMFAADMIN");
    // A reload (edited files, a new sign-in elsewhere) builds new clients: the code is not asked again.
    conns.clear();
    let again = conns.get(&Target::profile("admin")).await.unwrap();
    assert_eq!(again.creds.current().await.unwrap().access_key_id(), "ASIAMFAADMIN");
    let asked = answers.asked.lock().unwrap().clone();
    assert_eq!(asked.len(), 1);
    assert_eq!(
        (asked[0].profile.as_str(), asked[0].serial.as_str()),
        ("admin", "arn:aws:iam::111122223333:mfa/alice")
    );
    assert_eq!(
        calls(&e.seen),
        [("AssumeRole".into(), "MfaAdmin".into(), "AKIDSOURCEEXAMPLE".into())]
    );
    let f = form(&e.seen.lock().unwrap()[0].body);
    assert_eq!((f["TokenCode"].as_str(), f["DurationSeconds"].as_str()), (GOOD_CODE, "3600"));
}

#[tokio::test]
async fn a_wrong_code_is_reported_and_sent_once_then_the_next_try_asks_again() {
    let e = env(&[("admin", &format!("role_arn = {ROLE}/MfaAdmin\n{MFA_ROLE}"))]).await;
    let conns = Connections::new(e.files.clone());
    let answers = prompt(&[Some("999999"), Some(GOOD_CODE)]);
    conns.mfa().set_prompt(answers.clone());
    let err = conns.get(&Target::profile("admin")).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MfaRejected, "{err}");
    assert_eq!(err.detail().profile.as_deref(), Some("admin"));
    assert_eq!(e.seen.lock().unwrap().len(), 1, "a refused code is not retried");
    let conn = conns.get(&Target::profile("admin")).await.unwrap();
    assert_eq!(conn.creds.current().await.unwrap().access_key_id(), "ASIAMFAADMIN");
    assert_eq!(answers.asked.lock().unwrap().len(), 2);
    let codes: Vec<String> = e.seen.lock().unwrap().iter().map(|s| form(&s.body)["TokenCode"].clone()).collect();
    assert_eq!(codes, ["999999", GOOD_CODE]);
}

#[tokio::test]
async fn cancelling_or_a_malformed_code_sends_nothing() {
    let e = env(&[("admin", &format!("role_arn = {ROLE}/MfaAdmin\n{MFA_ROLE}"))]).await;
    let conns = Connections::new(e.files.clone());
    conns.mfa().set_prompt(prompt(&[None, Some("12 34")]));
    let err = conns.get(&Target::profile("admin")).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled, "{err}");
    let err = conns.get(&Target::profile("admin")).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert!(e.seen.lock().unwrap().is_empty());
    // Without any prompt (a script), the profile says it needs a code instead of failing at STS.
    let bare = Connections::new(e.files.clone());
    let err = bare.get(&Target::profile("admin")).await.unwrap_err();
    assert!(err.message().contains("needs an MFA code"), "{err}");
    assert!(e.seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_role_assumed_from_an_mfa_role_asks_for_the_code_of_the_first() {
    let e = env(&[
        ("admin", &format!("role_arn = {ROLE}/MfaAdmin\n{MFA_ROLE}")),
        ("deploy", &format!("role_arn = {ROLE}/Deploy\nsource_profile = admin")),
    ])
    .await;
    let conns = Connections::new(e.files.clone());
    conns.mfa().set_prompt(prompt(&[Some(GOOD_CODE)]));
    let conn = conns.get(&Target::profile("deploy")).await.unwrap();
    assert_eq!(conn.creds.current().await.unwrap().access_key_id(), "ASIADEPLOY");
    assert_eq!(
        calls(&e.seen),
        [
            ("AssumeRole".into(), "MfaAdmin".into(), "AKIDSOURCEEXAMPLE".into()),
            ("AssumeRole".into(), "Deploy".into(), "ASIAMFAADMIN".into())
        ]
    );
}
