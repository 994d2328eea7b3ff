//! The active profile and its client: what the app and the CLI talk to S3 through.

use crate::client::{Connection, ConnectionInfo, Connections, Overrides, Target};
use crate::error::{Detail, Error, Result};
use crate::ipc::{ConnectionTest, TestOperation};
use crate::profiles::{self, AwsFiles, ProfileInfo, ProfileList};
use std::sync::{Arc, RwLock};

/// Profiles from the AWS files plus profiles added while the app runs (such as a local server's).
#[derive(Debug)]
pub struct Session {
    connections: Connections,
    added: RwLock<Vec<(ProfileInfo, Target)>>,
    active: RwLock<Option<Arc<Connection>>>,
}

impl Session {
    pub fn new(files: AwsFiles) -> Self {
        Self {
            connections: Connections::new(files),
            added: RwLock::default(),
            active: RwLock::default(),
        }
    }

    /// Adds a profile that is not in the AWS files (it replaces an added one of the same name).
    pub fn add_profile(&self, info: ProfileInfo, target: Target) {
        let mut added = self.added.write().unwrap();
        added.retain(|(i, _)| i.name != info.name);
        added.push((info, target));
    }

    /// Profiles of the AWS files, with the added ones first.
    pub async fn profiles(&self) -> Result<ProfileList> {
        let mut list = profiles::list_profiles(self.connections.files()).await?;
        let added = self.added.read().unwrap();
        list.profiles.splice(0..0, added.iter().map(|(i, _)| i.clone()));
        Ok(list)
    }

    /// Where role profiles with an MFA device ask for their code.
    pub fn set_mfa_prompt(&self, prompt: Arc<dyn crate::mfa::MfaPrompt>) {
        self.connections.mfa().set_prompt(prompt);
    }

    /// Forgets cached clients so edited AWS files are read again.
    pub fn reload(&self) {
        self.connections.clear();
    }

    fn target_for(&self, name: &str, overrides: Overrides) -> Target {
        if let Some((_, t)) = self.added.read().unwrap().iter().find(|(i, _)| i.name == name) {
            return t.clone();
        }
        Target::Profile {
            name: name.to_owned(),
            overrides,
        }
    }

    /// Builds (or reuses) the client for `name` and makes it active. On failure the previous profile stays.
    pub async fn select(&self, name: &str, overrides: Overrides) -> Result<ConnectionInfo> {
        let target = self.target_for(name, overrides);
        let conn = self.connections.get(&target).await.map_err(|mut e| {
            e.detail_mut().profile.get_or_insert_with(|| name.to_owned());
            e
        })?;
        let info = conn.info().await?;
        *self.active.write().unwrap() = Some(conn);
        tracing::info!(profile = name, region = %info.region, "profile selected");
        Ok(info)
    }

    /// Settings → Test connection: builds a throw-away client with `overrides` (nothing is activated or
    /// cached), then HeadBucket on `default_bucket` or ListBuckets.
    pub async fn test(&self, name: &str, overrides: Overrides, default_bucket: Option<&str>) -> Result<ConnectionTest> {
        let target = self.target_for(name, overrides);
        let conn = self.connections.connect(&target).await?;
        conn.creds.current().await?;
        let (operation, bucket_count) = match default_bucket.filter(|b| !b.is_empty()) {
            Some(b) => {
                crate::listing::head_bucket(&conn, b).await?;
                (TestOperation::HeadBucket, None)
            }
            None => (
                TestOperation::ListBuckets,
                Some(crate::listing::list_buckets(&conn).await?.len() as u32),
            ),
        };
        Ok(ConnectionTest {
            operation,
            bucket_count,
            region: conn.region.clone(),
            endpoint_url: conn.endpoint_url.clone(),
        })
    }

    /// The profiles whose credentials, as they are now, can read `bucket`: all tried at once with HeadBucket,
    /// each within `wait`. Nothing is asked of the person (no MFA code, no sign-in): a profile that would need
    /// one counts only when this session already holds its credentials. In the order of `names`.
    pub async fn readable(&self, bucket: &str, names: &[(String, Overrides)], wait: std::time::Duration) -> Vec<String> {
        let tries = names.iter().map(|(name, overrides)| async move {
            let target = self.target_for(name, overrides.clone());
            let attempt = async {
                let conn = match self.connections.cached(&target) {
                    Some(c) => c,
                    None => Arc::new(crate::client::connect(self.files(), &target).await?),
                };
                crate::listing::head_bucket(&conn, bucket).await
            };
            match tokio::time::timeout(wait, attempt).await {
                Ok(Ok(_)) => Some(name.clone()),
                Ok(Err(e)) => {
                    tracing::debug!(profile = %name, kind = e.kind().name(), "cannot read the bucket");
                    None
                }
                Err(_) => None,
            }
        });
        futures::future::join_all(tries).await.into_iter().flatten().collect()
    }

    /// The AWS files the profiles come from.
    pub fn files(&self) -> &AwsFiles {
        self.connections.files()
    }

    pub fn active(&self) -> Result<Arc<Connection>> {
        self.active
            .read()
            .unwrap()
            .clone()
            .ok_or_else(|| Error::NoCredentials(Detail::msg("no profile is selected")))
    }

    pub async fn active_info(&self) -> Result<Option<ConnectionInfo>> {
        let conn = self.active.read().unwrap().clone();
        match conn {
            Some(c) => Ok(Some(c.info().await?)),
            None => Ok(None),
        }
    }
}
