//! Roles with `credential_source = Environment`: the keys in `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` sign
//! AssumeRole at a fake STS on loopback, through aws-config's chain and through the MFA path. A file of its own
//! (its own process) holding one test, because it sets environment variables.

mod common;
use bucketlens_core::client::{Connections, Target};
use bucketlens_core::mfa::{MfaPrompt, MfaRequest};
use bucketlens_core::profiles::AwsFiles;
use common::fake_sts::{self, form, GOOD_CODE};
use futures::future::BoxFuture;

#[derive(Debug)]
struct Good;
impl MfaPrompt for Good {
    fn ask(&self, _: MfaRequest) -> BoxFuture<'static, Option<String>> {
        Box::pin(async { Some(GOOD_CODE.to_owned()) })
    }
}

#[tokio::test]
async fn credential_source_environment_signs_with_the_environment_keys() {
    let (url, seen) = fake_sts::start(&["AKIDFROMENVIRONMENT"]).await;
    let dir = tempfile::tempdir().unwrap();
    let config = format!(
        "[profile ops]\nrole_arn = arn:aws:iam::111122223333:role/Ops\ncredential_source = Environment\n\
         region = us-east-1\nservices = s\n\n\
         [profile ops-mfa]\nrole_arn = arn:aws:iam::111122223333:role/MfaOps\ncredential_source = Environment\n\
         mfa_serial = arn:aws:iam::111122223333:mfa/alice\nregion = us-east-1\nservices = s\n\n\
         [services s]\nsts =\n  endpoint_url = {url}\n"
    );
    std::fs::write(dir.path().join("config"), config).unwrap();
    let files = AwsFiles::explicit(dir.path().join("config"), dir.path().join("credentials"));
    std::env::set_var("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
    std::env::set_var("AWS_SECRET_ACCESS_KEY", "environment-secret");
    std::env::remove_var("AWS_SESSION_TOKEN");
    let conns = Connections::new(files);
    conns.mfa().set_prompt(std::sync::Arc::new(Good));
    for (profile, key) in [("ops", "ASIAOPS"), ("ops-mfa", "ASIAMFAOPS")] {
        let conn = conns.get(&Target::profile(profile)).await.unwrap();
        assert_eq!(conn.creds.current().await.unwrap().access_key_id(), key);
    }
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2);
    for (s, role) in seen
        .iter()
        .zip(["arn:aws:iam::111122223333:role/Ops", "arn:aws:iam::111122223333:role/MfaOps"])
    {
        assert!(s.header("authorization").unwrap().contains("Credential=AKIDFROMENVIRONMENT/"));
        assert_eq!(form(&s.body)["RoleArn"], role);
    }
    assert_eq!(form(&seen[1].body)["TokenCode"], GOOD_CODE);
}
