//! Role profiles that need an MFA code (`mfa_serial`), which aws-config's profile chain cannot ask for: the
//! code is asked of the person (a dialog in the app, the terminal in the CLI), AssumeRole is called once
//! with it, and the role's credentials are kept until shortly before they expire, across reconnects.
//! A rejected code is reported as such and never sent again; a cancelled prompt sends nothing.

use crate::error::{Detail, Error, ErrorKind, Result};
use crate::profiles::AwsFiles;
use aws_config::BehaviorVersion;
use aws_credential_types::provider::{error::CredentialsError, future, ProvideCredentials, SharedCredentialsProvider};
use aws_credential_types::Credentials;
use aws_sdk_s3::config::Region;
use aws_sdk_s3::error::ProvideErrorMetadata;
use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};
use ts_rs::TS;

/// What the person is asked for. Nothing here is a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MfaRequest {
    /// Names this question for the answer (`answer_mfa`).
    pub id: String,
    pub profile: String,
    /// The device: `arn:aws:iam::…:mfa/NAME` or a hardware serial.
    pub serial: String,
    pub role_arn: String,
}

/// The answer: the code, or `None` when the person cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MfaAnswer {
    pub id: String,
    pub code: Option<String>,
}

/// Asks a person for the current code of an MFA device. `None`: cancelled.
pub trait MfaPrompt: Send + Sync + std::fmt::Debug {
    fn ask(&self, request: MfaRequest) -> BoxFuture<'static, Option<String>>;
}

/// The prompt and the credentials it earned, shared by every connection of a session.
#[derive(Debug, Default)]
pub struct Mfa {
    prompt: RwLock<Option<Arc<dyn MfaPrompt>>>,
    /// Role credentials by (profile, role, device).
    earned: Mutex<HashMap<(String, String, String), Credentials>>,
}

impl Mfa {
    pub fn set_prompt(&self, prompt: Arc<dyn MfaPrompt>) {
        *self.prompt.write().unwrap() = Some(prompt);
    }
}

/// How long before expiry credentials count as spent (as the client's own cache does).
const MARGIN: Duration = Duration::from_secs(60);

/// Checks a code before anything is sent: AWS MFA codes are six digits.
pub fn check_code(code: &str) -> Result<String> {
    let code = code.trim();
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code.to_owned())
    } else {
        Err(Error::invalid_input("an MFA code is the 6 digits your device shows now"))
    }
}

#[derive(Debug, Clone)]
struct Role {
    profile: String,
    arn: String,
    serial: Option<String>,
    session_name: Option<String>,
    external_id: Option<String>,
    duration: Option<i32>,
}

/// Assumes one role with credentials from its source, asking for a code when the profile names a device.
#[derive(Debug)]
struct RoleProvider {
    role: Role,
    source: SharedCredentialsProvider,
    files: AwsFiles,
    region: String,
    mfa: Arc<Mfa>,
}

/// The credentials provider for `name`: aws-config's own chain, unless the profile (or a role it is assumed
/// from) names an MFA device. `None` means aws-config's chain serves the profile unchanged.
pub(crate) async fn provider_for(files: &AwsFiles, name: &str, region: &str, mfa: &Arc<Mfa>) -> Result<Option<SharedCredentialsProvider>> {
    let Some(set) = crate::profiles::load_set(files).await? else {
        return Ok(None);
    };
    if !needs_mfa(&set, name, 0) {
        return Ok(None);
    }
    build(&set, files, name, region, mfa, 0).map(Some)
}

fn needs_mfa(set: &aws_config::profile::ProfileSet, name: &str, depth: usize) -> bool {
    let Some(p) = set.get_profile(name) else { return false };
    if depth > 8 || p.get("role_arn").is_none() {
        return false;
    }
    p.get("mfa_serial").is_some() || p.get("source_profile").is_some_and(|s| s != name && needs_mfa(set, s, depth + 1))
}

fn build(
    set: &aws_config::profile::ProfileSet,
    files: &AwsFiles,
    name: &str,
    region: &str,
    mfa: &Arc<Mfa>,
    depth: usize,
) -> Result<SharedCredentialsProvider> {
    let chain = |n: &str| crate::client::profile_chain(files, n, region);
    if !needs_mfa(set, name, depth) {
        return Ok(chain(name));
    }
    let p = set.get_profile(name).expect("needs_mfa found it");
    let invalid = |why: &str| Error::InvalidProfile(Detail::msg(format!("profile {name:?} {why}")).profile(name));
    let source = match (p.get("source_profile"), p.get("credential_source")) {
        (Some(s), None) if s == name => chain(name),
        (Some(s), None) => build(set, files, s, region, mfa, depth + 1)?,
        (None, Some("Environment")) => {
            SharedCredentialsProvider::new(aws_config::environment::EnvironmentVariableCredentialsProvider::new())
        }
        (None, Some(other)) => {
            return Err(invalid(&format!(
                "uses credential_source {other:?}, which works here only as Environment"
            )))
        }
        _ => return Err(invalid("needs exactly one of source_profile or credential_source")),
    };
    let duration = match p.get("duration_seconds") {
        Some(d) => Some(
            d.trim()
                .parse()
                .map_err(|_| invalid("has a duration_seconds that is not a number"))?,
        ),
        None => None,
    };
    Ok(SharedCredentialsProvider::new(RoleProvider {
        role: Role {
            profile: name.to_owned(),
            arn: p.get("role_arn").unwrap_or_default().to_owned(),
            serial: p.get("mfa_serial").map(str::to_owned),
            session_name: p.get("role_session_name").map(str::to_owned),
            external_id: p.get("external_id").map(str::to_owned),
            duration,
        },
        source,
        files: files.clone(),
        region: p.get("region").unwrap_or(region).to_owned(),
        mfa: mfa.clone(),
    }))
}

impl RoleProvider {
    async fn credentials(&self) -> Result<Credentials> {
        let r = &self.role;
        let key = (r.profile.clone(), r.arn.clone(), r.serial.clone().unwrap_or_default());
        let fresh = |c: &Credentials| c.expiry().is_none_or(|e| e > SystemTime::now() + MARGIN);
        if let Some(c) = self.mfa.earned.lock().unwrap().get(&key).filter(|c| fresh(c)) {
            return Ok(c.clone());
        }
        let code = match &r.serial {
            None => None,
            Some(serial) => {
                let prompt = self.mfa.prompt.read().unwrap().clone().ok_or_else(|| {
                    Error::NoCredentials(
                        Detail::msg(format!(
                            "profile {:?} needs an MFA code and nothing here can ask for one",
                            r.profile
                        ))
                        .profile(&r.profile),
                    )
                })?;
                let request = MfaRequest {
                    id: format!("{}-{}", r.profile, crate::client::unix_ms(SystemTime::now())),
                    profile: r.profile.clone(),
                    serial: serial.clone(),
                    role_arn: r.arn.clone(),
                };
                let answer = prompt
                    .ask(request)
                    .await
                    .ok_or_else(|| Error::Cancelled(Detail::msg("the MFA code was not entered").profile(&r.profile)))?;
                Some(check_code(&answer)?)
            }
        };
        let c = self.assume(code).await?;
        self.mfa.earned.lock().unwrap().insert(key, c.clone());
        Ok(c)
    }

    /// One AssumeRole call, never retried: a code is good once, and a refused one is refused again.
    async fn assume(&self, code: Option<String>) -> Result<Credentials> {
        let r = &self.role;
        let sdk = aws_config::defaults(BehaviorVersion::latest())
            .http_client(crate::http::sdk_http_client())
            .profile_files(self.files.env_config_files())
            .profile_name(&r.profile)
            .region(Region::new(self.region.clone()))
            .credentials_provider(self.source.clone())
            .retry_config(aws_config::retry::RetryConfig::disabled())
            .load()
            .await;
        let session = r
            .session_name
            .clone()
            .unwrap_or_else(|| format!("bucketlens-{}", crate::client::unix_ms(SystemTime::now())));
        let out = aws_sdk_sts::Client::new(&sdk)
            .assume_role()
            .role_arn(&r.arn)
            .role_session_name(session)
            .set_serial_number(r.serial.clone())
            .set_token_code(code)
            .set_external_id(r.external_id.clone())
            .set_duration_seconds(r.duration)
            .send()
            .await
            .map_err(|e| self.refused(e))?;
        let c = out
            .credentials()
            .ok_or_else(|| Error::internal("STS answered AssumeRole without credentials"))?;
        let expiry = SystemTime::try_from(*c.expiration()).ok();
        tracing::info!(profile = %r.profile, mfa = r.serial.is_some(), "role assumed");
        Ok(Credentials::new(
            c.access_key_id(),
            c.secret_access_key(),
            Some(c.session_token().to_owned()),
            expiry,
            "bucketlens-role",
        ))
    }

    fn refused<E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static>(
        &self,
        e: aws_sdk_sts::error::SdkError<E, aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
    ) -> Error {
        let rejected = e
            .as_service_error()
            .and_then(|s| s.message())
            .is_some_and(|m| m.contains("MultiFactorAuthentication"));
        let mut err = crate::error_map::from_sdk(e);
        if rejected {
            err = Error::new(
                ErrorKind::MfaRejected,
                Detail::msg(format!(
                    "AWS did not accept the MFA code for {:?}; it was not sent again",
                    self.role.serial.as_deref().unwrap_or_default()
                )),
            );
        }
        let d = err.detail_mut();
        d.profile = Some(self.role.profile.clone());
        d.message = format!("assuming role {} failed: {}", self.role.arn, d.message);
        err
    }
}

impl ProvideCredentials for RoleProvider {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::new(async move { self.credentials().await.map_err(CredentialsError::provider_error) })
    }
}
