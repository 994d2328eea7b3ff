//! Credentials as a connection holds them: cached until shortly before they expire (so presigning can read
//! the expiry it signs with), from aws-config's profile chain or from the MFA path.

use crate::error::Result;
use crate::error_map;
use crate::profiles::AwsFiles;
use aws_config::profile::ProfileFileCredentialsProvider;
use aws_credential_types::provider::{error::CredentialsError, future, ProvideCredentials, SharedCredentialsProvider};
use aws_credential_types::Credentials;
use aws_sdk_s3::config::Region;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// Caches credentials until shortly before they expire, so presigning can read the expiry it signs with.
#[derive(Debug, Clone)]
pub struct CredsHandle(Arc<CredsInner>);

#[derive(Debug)]
struct CredsInner {
    inner: SharedCredentialsProvider,
    profile: String,
    cached: tokio::sync::Mutex<Option<Credentials>>,
}

impl CredsHandle {
    pub(super) fn new(inner: SharedCredentialsProvider, profile: &str) -> Self {
        Self(Arc::new(CredsInner {
            inner,
            profile: profile.to_owned(),
            cached: Default::default(),
        }))
    }

    async fn fetch(&self) -> std::result::Result<Credentials, CredentialsError> {
        let mut g = self.0.cached.lock().await;
        if let Some(c) = g.as_ref() {
            let fresh = c.expiry().is_none_or(|e| e > SystemTime::now() + Duration::from_secs(60));
            if fresh {
                return Ok(c.clone());
            }
        }
        let c = self.0.inner.provide_credentials().await?;
        *g = Some(c.clone());
        Ok(c)
    }

    /// The credentials that the next signature will use.
    pub async fn current(&self) -> Result<Credentials> {
        self.fetch().await.map_err(|e| error_map::from_credentials(&e, &self.0.profile))
    }
}

impl ProvideCredentials for CredsHandle {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::new(self.fetch())
    }
}

/// aws-config's credentials chain for profile `name`. Its STS and SSO calls (a role, SSO) go through the one
/// HTTP client and need the region.
pub(crate) fn profile_chain(files: &AwsFiles, name: &str, region: &str) -> SharedCredentialsProvider {
    SharedCredentialsProvider::new(
        ProfileFileCredentialsProvider::builder()
            .configure(
                &aws_config::provider_config::ProviderConfig::default()
                    .with_http_client(crate::http::sdk_http_client())
                    .with_region(Some(Region::new(region.to_owned()))),
            )
            .profile_files(files.env_config_files())
            .profile_name(name)
            .build(),
    )
}
