//! Builds one S3 client per (profile, overrides), caches it, and knows when its credentials expire.

use crate::error::{Detail, Error, Result};
use crate::profiles::{self, AwsFiles};
use aws_config::identity::IdentityCache;
use aws_config::BehaviorVersion;
use aws_credential_types::provider::SharedCredentialsProvider;
use aws_credential_types::Credentials;
use aws_sdk_s3::config::{Region, RequestChecksumCalculation, ResponseChecksumValidation};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use ts_rs::TS;

mod creds;
pub(crate) use creds::profile_chain;
pub use creds::CredsHandle;

/// Per-profile settings that win over the profile file and the environment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Overrides {
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    pub path_style: Option<bool>,
}

/// A secret string whose `Debug` never shows the value.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(REDACTED)")
    }
}

/// What to connect to: a named AWS profile, or fixed keys (the embedded demo server).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Profile {
        name: String,
        overrides: Overrides,
    },
    Static {
        label: String,
        access_key: String,
        secret_key: Secret,
        session_token: Option<Secret>,
        region: String,
        endpoint_url: Option<String>,
        path_style: bool,
    },
}

impl Target {
    pub fn profile(name: impl Into<String>) -> Self {
        Target::Profile {
            name: name.into(),
            overrides: Overrides::default(),
        }
    }
    pub fn label(&self) -> &str {
        match self {
            Target::Profile { name, .. } => name,
            Target::Static { label, .. } => label,
        }
    }
}

/// What the UI may know about the active connection. No secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionInfo {
    pub profile: String,
    pub region: String,
    pub endpoint_url: Option<String>,
    pub path_style: bool,
    /// True for SSO, role and session-token credentials.
    pub temporary: bool,
    /// When the current credentials stop working, as Unix milliseconds.
    #[ts(type = "number | null")]
    pub credentials_expire_at: Option<i64>,
}

/// A ready client with what it was built from.
#[derive(Debug, Clone)]
pub struct Connection {
    pub client: aws_sdk_s3::Client,
    pub target: Target,
    pub region: String,
    pub endpoint_url: Option<String>,
    pub path_style: bool,
    pub creds: CredsHandle,
    /// Bucket templates and the cached signing key for fast presigning.
    pub(crate) fast: Arc<crate::sigv4::FastPresigner>,
    /// Set once this endpoint refused a multipart upload with per-part checksums; later ones go without.
    pub(crate) refuses_part_checksums: Arc<std::sync::atomic::AtomicBool>,
}

pub fn unix_ms(t: SystemTime) -> i64 {
    t.duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

impl Connection {
    /// Current facts about the connection; resolves (and so checks) the credentials.
    pub async fn info(&self) -> Result<ConnectionInfo> {
        let c = self.creds.current().await?;
        Ok(ConnectionInfo {
            profile: self.target.label().to_owned(),
            region: self.region.clone(),
            endpoint_url: self.endpoint_url.clone(),
            path_style: self.path_style,
            temporary: c.session_token().is_some() || c.expiry().is_some(),
            credentials_expire_at: c.expiry().map(unix_ms),
        })
    }
}

fn env_first(names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| std::env::var(n).ok().filter(|v| !v.trim().is_empty()))
}

/// The region: override > profile file > `AWS_REGION` > `AWS_DEFAULT_REGION` > us-east-1.
fn region_for(overrides: &Overrides, profile: Option<&str>) -> String {
    overrides
        .region
        .clone()
        .or_else(|| profile.map(str::to_owned))
        .or_else(|| env_first(&["AWS_REGION", "AWS_DEFAULT_REGION"]))
        .unwrap_or_else(|| "us-east-1".to_owned())
}

/// The endpoint: override > profile file > `AWS_ENDPOINT_URL_S3` > `AWS_ENDPOINT_URL` > the AWS default.
fn endpoint_for(overrides: &Overrides, profile: Option<&str>) -> Option<String> {
    overrides
        .endpoint_url
        .clone()
        .or_else(|| profile.map(str::to_owned))
        .or_else(|| env_first(&["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"]))
}

impl Target {
    /// Keys from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`), with the same region
    /// and endpoint rules as a profile; `None` when either key is unset.
    pub fn from_env_keys(overrides: &Overrides) -> Option<Target> {
        let access_key = env_first(&["AWS_ACCESS_KEY_ID"])?;
        let secret_key = Secret(env_first(&["AWS_SECRET_ACCESS_KEY"])?);
        let endpoint_url = endpoint_for(overrides, None);
        Some(Target::Static {
            label: "environment".into(),
            access_key,
            secret_key,
            session_token: env_first(&["AWS_SESSION_TOKEN"]).map(Secret),
            region: region_for(overrides, None),
            path_style: overrides.path_style.unwrap_or(endpoint_url.is_some()),
            endpoint_url,
        })
    }
}

/// Checks an endpoint URL: http(s) and a host, with an optional port and path; no user name or password
/// (they would be shown and logged), no query or fragment. Settings and Test connection both use it.
pub fn validate_endpoint(url: &str) -> Result<()> {
    let parsed = url::Url::parse(url).map_err(|_| Error::invalid_input("the endpoint is not a URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(Error::invalid_input("the endpoint must be http:// or https:// with a host"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(Error::invalid_input(
            "the endpoint must not hold a user name or password; keys belong in the AWS profile",
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(Error::invalid_input("the endpoint must not have a query (?…) or fragment (#…)"));
    }
    Ok(())
}

/// Builds a client. The profile's credentials come only from that profile (not from `AWS_ACCESS_KEY_ID`),
/// so picking a profile means using it. Precedence: override > profile file > environment > default.
pub async fn connect(files: &AwsFiles, target: &Target) -> Result<Connection> {
    connect_with(files, target, &Arc::default()).await
}

/// [`connect`], with the session's MFA prompt and the role credentials it earned.
pub async fn connect_with(files: &AwsFiles, target: &Target, mfa: &Arc<crate::mfa::Mfa>) -> Result<Connection> {
    let timeouts = aws_config::timeout::TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(5))
        .read_timeout(Duration::from_secs(60))
        .build();
    let base = aws_config::defaults(BehaviorVersion::latest())
        .http_client(crate::http::sdk_http_client())
        .timeout_config(timeouts)
        .identity_cache(IdentityCache::no_cache());
    let (loader, region, endpoint, path_style, creds) = match target {
        Target::Profile { name, overrides } => {
            let set = profiles::load_set(files).await?;
            let profile = set.as_ref().and_then(|s| s.get_profile(name)).ok_or_else(|| {
                Error::ProfileNotFound(Detail::msg(format!("profile {name:?} is not in the AWS config or credentials files")).profile(name))
            })?;
            let region = region_for(overrides, profile.get("region"));
            let endpoint = endpoint_for(overrides, profile.get("endpoint_url"));
            let provider = match crate::mfa::provider_for(files, name, &region, mfa).await? {
                Some(p) => p,
                None => profile_chain(files, name, &region),
            };
            let creds = CredsHandle::new(provider, name);
            let loader = base.profile_files(files.env_config_files()).profile_name(name);
            let path_style = overrides.path_style.unwrap_or(endpoint.is_some());
            (loader, region, endpoint, path_style, creds)
        }
        Target::Static {
            label,
            access_key,
            secret_key,
            session_token,
            region,
            endpoint_url,
            path_style,
        } => {
            let c = Credentials::new(
                access_key,
                &secret_key.0,
                session_token.as_ref().map(|s| s.0.clone()),
                None,
                "bucketlens-static",
            );
            let creds = CredsHandle::new(SharedCredentialsProvider::new(c), label);
            (base, region.clone(), endpoint_url.clone(), *path_style, creds)
        }
    };
    if let Some(ep) = &endpoint {
        validate_endpoint(ep)?;
    }
    if region.trim().is_empty() || region.contains(char::is_whitespace) {
        return Err(Error::invalid_input(format!("region {region:?} is not a valid region name")));
    }
    let sdk = loader
        .region(Region::new(region.clone()))
        .credentials_provider(creds.clone())
        .load()
        .await;
    let mut b = aws_sdk_s3::config::Builder::from(&sdk)
        .force_path_style(path_style)
        .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
        .response_checksum_validation(ResponseChecksumValidation::WhenRequired);
    if let Some(ep) = &endpoint {
        b = b.endpoint_url(ep);
    }
    Ok(Connection {
        client: aws_sdk_s3::Client::from_conf(b.build()),
        target: target.clone(),
        region,
        endpoint_url: endpoint,
        path_style,
        creds,
        fast: Arc::default(),
        refuses_part_checksums: Arc::default(),
    })
}

/// Clients by target, built outside the lock and swapped in; cleared when the profile files change.
#[derive(Debug, Default)]
pub struct Connections {
    files: AwsFiles,
    cache: Mutex<HashMap<Target, Arc<Connection>>>,
    mfa: Arc<crate::mfa::Mfa>,
}

impl Connections {
    pub fn new(files: AwsFiles) -> Self {
        Self {
            files,
            cache: Mutex::default(),
            mfa: Arc::default(),
        }
    }
    pub fn files(&self) -> &AwsFiles {
        &self.files
    }
    pub fn mfa(&self) -> &crate::mfa::Mfa {
        &self.mfa
    }
    /// A new client for `target` that is not cached (Test connection).
    pub async fn connect(&self, target: &Target) -> Result<Connection> {
        connect_with(&self.files, target, &self.mfa).await
    }
    /// The cached client for `target`, if one was built.
    pub fn cached(&self, target: &Target) -> Option<Arc<Connection>> {
        self.cache.lock().unwrap().get(target).cloned()
    }
    /// Returns the cached client for `target`, building (and checking credentials of) a new one if needed.
    pub async fn get(&self, target: &Target) -> Result<Arc<Connection>> {
        if let Some(c) = self.cached(target) {
            return Ok(c);
        }
        let conn = Arc::new(self.connect(target).await?);
        conn.creds.current().await?;
        self.cache.lock().unwrap().insert(target.clone(), conn.clone());
        Ok(conn)
    }
    pub fn clear(&self) {
        self.cache.lock().unwrap().clear();
    }
}
