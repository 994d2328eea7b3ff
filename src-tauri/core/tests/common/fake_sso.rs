//! Fake IAM Identity Center services for tests: SSO-OIDC (register, device authorization, token polled until
//! confirmed) and the SSO portal (role credentials, accounts and their roles, two pages each), each checking
//! the client, device code and bearer token it receives.
#![allow(dead_code)]

use super::fake_http::Seen;
use std::sync::Mutex;

/// ListAccounts (two pages) and ListAccountRoles (two pages for the first account) for token `at-1`.
fn assignments(target: &str) -> Option<serde_json::Value> {
    use serde_json::json;
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let has = |kv: &str| query.split('&').any(|q| q == kv);
    match path {
        "/assignment/accounts" if !has("next_token=p2") => Some(json!({"accountList": [
            {"accountId": "111122223333", "accountName": "Production", "emailAddress": "aws-prod@example.com"}],
            "nextToken": "p2"})),
        "/assignment/accounts" => Some(json!({"accountList": [
            {"accountId": "444455556666", "accountName": "Development", "emailAddress": "aws-dev@example.com"}]})),
        "/assignment/roles" if has("account_id=111122223333") && !has("next_token=r2") => Some(json!({"roleList": [
            {"roleName": "ReadOnly", "accountId": "111122223333"}], "nextToken": "r2"})),
        "/assignment/roles" if has("account_id=111122223333") => Some(json!({"roleList": [
            {"roleName": "Dev", "accountId": "111122223333"}]})),
        "/assignment/roles" if has("account_id=444455556666") => Some(json!({"roleList": [
            {"roleName": "Admin", "accountId": "444455556666"}]})),
        _ => None,
    }
}

pub fn oidc(req: &Seen, polls: &Mutex<u32>) -> (u16, &'static str, String) {
    let body: serde_json::Value = serde_json::from_str(&req.body).unwrap_or_default();
    let json = |v: serde_json::Value| (200, "application/json", v.to_string());
    match req.target.as_str() {
        "/client/register" if body["clientType"] == "public" && body["scopes"][0] == "sso:account:access" => json(
            serde_json::json!({"clientId": "cid-1", "clientSecret": "csecret-1", "clientIdIssuedAt": 1_700_000_000,
                "clientSecretExpiresAt": 1_925_089_445}),
        ),
        "/device_authorization" if body["clientId"] == "cid-1" && body["startUrl"] == "https://corp.awsapps.com/start" => {
            let n = {
                let mut p = polls.lock().unwrap();
                *p += 100;
                *p / 100
            };
            json(serde_json::json!({"deviceCode": format!("dev-{n}"), "userCode": "ABCD-EFGH",
                "verificationUri": "https://device.sso.example/", "verificationUriComplete":
                "https://device.sso.example/?user_code=ABCD-EFGH", "expiresIn": 600, "interval": 1}))
        }
        "/token" if body["grantType"] == "urn:ietf:params:oauth:grant-type:device_code" && body["clientSecret"] == "csecret-1" => {
            let first = {
                let mut p = polls.lock().unwrap();
                *p += 1;
                *p % 100 == 1
            };
            if body["deviceCode"] == "dev-1" && !first {
                json(serde_json::json!({"accessToken": "at-1", "tokenType": "Bearer", "expiresIn": 3600, "refreshToken": "rt-1"}))
            } else {
                (
                    400,
                    "application/json",
                    r#"{"__type":"AuthorizationPendingException","error":"authorization_pending"}"#.into(),
                )
            }
        }
        // The SDK renewing an expired token: only the refresh token it was given works.
        "/token" if body["grantType"] == "refresh_token" && body["clientSecret"] == "csecret-1" => {
            if body["refreshToken"] == "rt-1" {
                json(serde_json::json!({"accessToken": "at-1", "tokenType": "Bearer", "expiresIn": 3600, "refreshToken": "rt-2"}))
            } else {
                (
                    400,
                    "application/json",
                    r#"{"__type":"InvalidGrantException","error":"invalid_grant"}"#.into(),
                )
            }
        }
        _ => (
            400,
            "application/json",
            format!(r#"{{"__type":"InvalidRequestException","error":"unexpected {}"}}"#, req.target),
        ),
    }
}

pub fn portal(req: &Seen) -> (u16, &'static str, String) {
    if req.header("x-amz-sso_bearer_token") == Some("at-1") {
        if let Some(a) = assignments(&req.target) {
            return (200, "application/json", a.to_string());
        }
    }
    let ok = req.target.starts_with("/federation/credentials?")
        && req.target.contains("account_id=111122223333")
        && req.target.contains("role_name=Dev")
        && req.header("x-amz-sso_bearer_token") == Some("at-1");
    if !ok {
        return (
            401,
            "application/json",
            r#"{"__type":"UnauthorizedException","message":"no"}"#.into(),
        );
    }
    let creds = serde_json::json!({"roleCredentials": {"accessKeyId": "ASIASSOEXAMPLE", "secretAccessKey": "sso-secret",
        "sessionToken": "sso-session-token", "expiration": 1_893_553_445_000_i64}});
    (200, "application/json", creds.to_string())
}
