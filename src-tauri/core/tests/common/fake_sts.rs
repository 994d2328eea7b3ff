//! A fake STS on loopback that checks what it gets as AWS would: AssumeRole signed (SigV4, region and service in
//! the scope) by a key it knows, the role's MFA code when the role demands one; AssumeRoleWithWebIdentity
//! unsigned with the expected token. Each role's credentials name the role, so a test sees which call made them.
#![allow(dead_code)]

use super::fake_http::{serve, Answer, Seen};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The code the fake MFA device shows.
pub const GOOD_CODE: &str = "123456";
/// The token in the web identity token file.
pub const WEB_TOKEN: &str = "eyJ.fake-oidc.jwt";

pub fn form(body: &str) -> HashMap<String, String> {
    url::form_urlencoded::parse(body.as_bytes()).into_owned().collect()
}

/// The role's name (last part of its ARN) in upper case: the credentials it gets are `ASIA<NAME>`.
pub fn role_key(arn: &str) -> String {
    format!("ASIA{}", arn.rsplit('/').next().unwrap_or_default().to_ascii_uppercase())
}

fn signed_by(req: &Seen) -> Option<String> {
    let auth = req.header("authorization")?;
    let cred = auth.split("Credential=").nth(1)?.split(',').next()?;
    let mut parts = cred.split('/');
    let key = parts.next()?.to_owned();
    let (_date, region, service) = (parts.next()?, parts.next()?, parts.next()?);
    (auth.starts_with("AWS4-HMAC-SHA256") && region == "us-east-1" && service == "sts" && auth.contains("Signature=")).then_some(key)
}

fn error(code: &str, message: &str) -> Answer {
    (
        403,
        "text/xml",
        format!(
            "<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>\
             <RequestId>r-err</RequestId></ErrorResponse>"
        ),
    )
}

fn credentials(action: &str, arn: &str) -> Answer {
    let key = role_key(arn);
    let body = format!(
        "<{action}Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><{action}Result><Credentials>\
         <AccessKeyId>{key}</AccessKeyId><SecretAccessKey>secret-{key}</SecretAccessKey>\
         <SessionToken>token-{key}</SessionToken><Expiration>2030-01-02T03:04:05Z</Expiration></Credentials>\
         <AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId><Arn>{arn}</Arn></AssumedRoleUser></{action}Result>\
         <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></{action}Response>"
    );
    (200, "text/xml", body)
}

/// Starts the fake. `known` are the long-term keys it accepts; roles whose name starts with "Mfa" demand the
/// device `arn:aws:iam::111122223333:mfa/alice` and [`GOOD_CODE`].
pub async fn start(known: &[&str]) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let known: Vec<String> = known.iter().map(|k| k.to_string()).collect();
    serve(Arc::new(move |req: &Seen| {
        let f = form(&req.body);
        let arn = f.get("RoleArn").cloned().unwrap_or_default();
        match f.get("Action").map(String::as_str) {
            Some("AssumeRole") => {
                let Some(key) = signed_by(req) else {
                    return error("IncompleteSignature", "not signed");
                };
                if !known.contains(&key) && !key.starts_with("ASIA") {
                    return error("InvalidClientTokenId", "The security token included in the request is invalid.");
                }
                if key.starts_with("ASIA") && req.header("x-amz-security-token") != Some(&format!("token-{key}")) {
                    return error("InvalidClientTokenId", "session token missing");
                }
                if arn.rsplit('/').next().unwrap_or_default().starts_with("Mfa") {
                    if f.get("SerialNumber").map(String::as_str) != Some("arn:aws:iam::111122223333:mfa/alice") {
                        return error("AccessDenied", "User is not authorized to perform: sts:AssumeRole (MFA required)");
                    }
                    if f.get("TokenCode").map(String::as_str) != Some(GOOD_CODE) {
                        return error(
                            "AccessDenied",
                            "MultiFactorAuthentication failed with invalid MFA one time pass code. ",
                        );
                    }
                }
                credentials("AssumeRole", &arn)
            }
            Some("AssumeRoleWithWebIdentity") if req.header("authorization").is_none() => {
                if f.get("WebIdentityToken").map(String::as_str) != Some(WEB_TOKEN) {
                    return error("InvalidIdentityToken", "bad token");
                }
                credentials("AssumeRoleWithWebIdentity", &arn)
            }
            _ => error("InvalidAction", "unexpected request"),
        }
    }))
    .await
}
