//! SSO sign-in inside the app, without the AWS CLI: the OAuth device authorization flow against IAM
//! Identity Center (SSO-OIDC: RegisterClient, StartDeviceAuthorization, CreateToken polled at the interval
//! it asks for), then the token written to `~/.aws/sso/cache/` under the name and in the format the AWS CLI
//! uses, so aws-config (and the CLI) read the same sign-in. An `sso_session` profile also keeps the client
//! registration and refresh token there, which lets the SDK renew the token by itself.

use crate::error::{Detail, Error, Result};
use crate::profiles::{kind_of, AwsFiles, ProfileKind};
use aws_config::BehaviorVersion;
use serde::Serialize;
use sha1::{Digest, Sha1};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use tokio_util::sync::CancellationToken;
use ts_rs::TS;

/// Where a profile signs in: its `sso-session` (or the legacy keys on the profile itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SsoTarget {
    /// The `sso-session` name; `None` for a legacy profile (start URL and region on the profile).
    pub session: Option<String>,
    pub start_url: String,
    pub region: String,
    pub scopes: Vec<String>,
}

/// The token file the AWS CLI keeps in `cache` for `key`: the SHA-1 of the session name, or of the start
/// URL for a legacy profile.
pub fn token_file(cache: &Path, key: &str) -> PathBuf {
    cache.join(format!("{:x}.json", Sha1::digest(key.as_bytes())))
}

impl SsoTarget {
    pub fn cache_file(&self, cache: &Path) -> PathBuf {
        token_file(cache, self.session.as_deref().unwrap_or(&self.start_url))
    }
}

/// What the person must do: open the page and confirm the code. Nothing here is a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceCode {
    pub user_code: String,
    pub verification_uri: String,
    /// The page with the code filled in.
    pub verification_uri_complete: Option<String>,
    /// When the code stops working, as Unix milliseconds.
    #[ts(type = "number")]
    pub expires_at: i64,
}

fn not_sso(profile: &str, why: &str) -> Error {
    Error::InvalidProfile(Detail::msg(format!("profile {profile:?} {why}")).profile(profile))
}

/// Reads where `profile` signs in from the AWS config files.
pub async fn target(files: &AwsFiles, profile: &str) -> Result<SsoTarget> {
    let set = crate::profiles::load_set(files)
        .await?
        .ok_or_else(|| not_sso(profile, "is not in the AWS config"))?;
    let p = set
        .get_profile(profile)
        .ok_or_else(|| not_sso(profile, "is not in the AWS config"))?;
    if kind_of(p) != ProfileKind::Sso {
        return Err(not_sso(profile, "does not use SSO"));
    }
    if let Some(name) = p.get("sso_session") {
        let s = set
            .sso_session(name)
            .ok_or_else(|| not_sso(profile, &format!("names the sso-session {name:?}, which is not in the config")))?;
        let need = |k: &str| {
            s.get(k)
                .map(str::to_owned)
                .ok_or_else(|| not_sso(profile, &format!("has no {k} in its sso-session")))
        };
        let scopes = s.get("sso_registration_scopes").unwrap_or("sso:account:access");
        return Ok(SsoTarget {
            session: Some(name.to_owned()),
            start_url: need("sso_start_url")?,
            region: need("sso_region")?,
            scopes: scopes.split(',').map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect(),
        });
    }
    let need = |k: &str| p.get(k).map(str::to_owned).ok_or_else(|| not_sso(profile, &format!("has no {k}")));
    Ok(SsoTarget {
        session: None,
        start_url: need("sso_start_url")?,
        region: need("sso_region")?,
        scopes: vec![],
    })
}

fn rfc3339(t: SystemTime) -> String {
    chrono::DateTime::<chrono::Utc>::from(t).format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn oidc_error(e: impl std::error::Error + Send + Sync + 'static, profile: &str) -> Error {
    let text = crate::error_map::full_chain(&e);
    Error::SsoLoginRequired(Detail::msg(format!("IAM Identity Center sign-in failed: {text}")).profile(profile))
}

/// Signs `profile` in: `show` gets the code to confirm (open its page in a browser), then CreateToken is
/// polled until the person confirms, declines, the code expires or `cancel` fires. The token is written to
/// `cache` (normally `~/.aws/sso/cache`).
pub async fn sign_in(
    files: &AwsFiles,
    profile: &str,
    cache: &Path,
    show: impl FnOnce(DeviceCode),
    cancel: &CancellationToken,
) -> Result<()> {
    let t = target(files, profile).await?;
    // The profile's own config decides the SSO-OIDC endpoint (`[services]`, `AWS_ENDPOINT_URL_SSO_OIDC`).
    let sdk = sdk_config(files, Some(profile), &t.region).await;
    sign_in_to(&sdk, &t, profile, cache, show, cancel).await.map(|_| ())
}

/// The SDK configuration for calls to IAM Identity Center: no credentials, the endpoints of `profile`
/// (or of the default profile and the environment).
pub(crate) async fn sdk_config(files: &AwsFiles, profile: Option<&str>, region: &str) -> aws_config::SdkConfig {
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .http_client(crate::http::sdk_http_client())
        .profile_files(files.env_config_files())
        .region(aws_config::Region::new(region.to_owned()))
        .no_credentials();
    if let Some(p) = profile {
        loader = loader.profile_name(p);
    }
    loader.load().await
}

/// The device flow for `t`, named `label` in errors and the log; saves the token and returns it.
pub(crate) async fn sign_in_to(
    sdk: &aws_config::SdkConfig,
    t: &SsoTarget,
    label: &str,
    cache: &Path,
    show: impl FnOnce(DeviceCode),
    cancel: &CancellationToken,
) -> Result<String> {
    use aws_sdk_ssooidc::operation::create_token::CreateTokenError;
    let profile = label;
    let oidc = aws_sdk_ssooidc::Client::new(sdk);
    let reg = oidc
        .register_client()
        .client_name(format!("bucketlens-{}", crate::upload::os_user()))
        .client_type("public")
        .set_scopes((!t.scopes.is_empty()).then(|| t.scopes.clone()))
        .send()
        .await
        .map_err(|e| oidc_error(e, profile))?;
    let (id, secret) = (reg.client_id().unwrap_or_default(), reg.client_secret().unwrap_or_default());
    let dev = oidc
        .start_device_authorization()
        .client_id(id)
        .client_secret(secret)
        .start_url(&t.start_url)
        .send()
        .await
        .map_err(|e| oidc_error(e, profile))?;
    let expires = SystemTime::now() + Duration::from_secs(dev.expires_in().max(1) as u64);
    show(DeviceCode {
        user_code: dev.user_code().unwrap_or_default().to_owned(),
        verification_uri: dev.verification_uri().unwrap_or_default().to_owned(),
        verification_uri_complete: dev.verification_uri_complete().map(str::to_owned),
        expires_at: crate::client::unix_ms(expires),
    });
    let mut interval = Duration::from_secs(dev.interval().clamp(1, 60) as u64);
    let token = loop {
        tokio::select! {
            () = cancel.cancelled() => return Err(Error::Cancelled(Detail::msg("sign-in cancelled").profile(profile))),
            () = tokio::time::sleep(interval) => {}
        }
        if SystemTime::now() > expires {
            return Err(Error::SsoLoginRequired(
                Detail::msg("the sign-in code expired before it was confirmed; start again").profile(profile),
            ));
        }
        let asked = oidc
            .create_token()
            .client_id(id)
            .client_secret(secret)
            .grant_type("urn:ietf:params:oauth:grant-type:device_code")
            .device_code(dev.device_code().unwrap_or_default())
            .send()
            .await;
        match asked {
            Ok(tok) => break tok,
            Err(e) => match e.as_service_error() {
                Some(CreateTokenError::AuthorizationPendingException(_)) => {}
                Some(CreateTokenError::SlowDownException(_)) => interval += Duration::from_secs(5),
                Some(CreateTokenError::AccessDeniedException(_)) => {
                    return Err(Error::SsoLoginRequired(
                        Detail::msg("the sign-in was declined in the browser").profile(profile),
                    ));
                }
                Some(CreateTokenError::ExpiredTokenException(_)) => {
                    return Err(Error::SsoLoginRequired(
                        Detail::msg("the sign-in code expired before it was confirmed; start again").profile(profile),
                    ));
                }
                _ => return Err(oidc_error(e, profile)),
            },
        }
    };
    let mut file = serde_json::json!({
        "startUrl": t.start_url,
        "region": t.region,
        "accessToken": token.access_token().unwrap_or_default(),
        "expiresAt": rfc3339(SystemTime::now() + Duration::from_secs(token.expires_in().max(0) as u64)),
    });
    // Only a session's token can be refreshed by the SDK: it needs the registration beside it.
    if t.session.is_some() {
        file["clientId"] = id.into();
        file["clientSecret"] = secret.into();
        let reg_until = SystemTime::UNIX_EPOCH + Duration::from_secs(reg.client_secret_expires_at().max(0) as u64);
        file["registrationExpiresAt"] = rfc3339(reg_until).into();
        if let Some(r) = token.refresh_token() {
            file["refreshToken"] = r.into();
        }
    }
    write_private(&t.cache_file(cache), &serde_json::to_vec_pretty(&file).unwrap_or_default())
        .map_err(|e| Error::io("saving the sign-in to the SSO cache", e))?;
    tracing::info!(profile, "signed in to IAM Identity Center");
    Ok(token.access_token().unwrap_or_default().to_owned())
}

/// Writes `bytes` atomically, readable only by the user (the file holds a token).
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".bucketlens-{}.tmp", std::process::id()));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}
