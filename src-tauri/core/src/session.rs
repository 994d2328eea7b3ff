//! The active profile and its client: what the app and the CLI talk to S3 through.

use crate::client::{Connection, ConnectionInfo, Connections, Overrides, Target};
use crate::demo::{DemoEndpoint, DEMO_PROFILE};
use crate::error::{Detail, Error, Result};
use crate::ipc::ConnectionTest;
use crate::profiles::{self, AwsFiles, ProfileInfo, ProfileKind, ProfileList};
use std::sync::{Arc, RwLock};

/// Profiles from the AWS files plus the embedded demo server when it runs.
#[derive(Debug)]
pub struct Session {
    connections: Connections,
    demo: RwLock<Option<DemoEndpoint>>,
    active: RwLock<Option<Arc<Connection>>>,
}

impl Session {
    pub fn new(files: AwsFiles) -> Self {
        Self {
            connections: Connections::new(files),
            demo: RwLock::default(),
            active: RwLock::default(),
        }
    }

    pub fn set_demo(&self, demo: Option<DemoEndpoint>) {
        *self.demo.write().unwrap() = demo;
    }

    pub fn demo(&self) -> Option<DemoEndpoint> {
        self.demo.read().unwrap().clone()
    }

    /// Profiles of the AWS files, with the demo profile first when the demo server runs.
    pub async fn profiles(&self) -> Result<ProfileList> {
        let mut list = profiles::list_profiles(self.connections.files()).await?;
        if let Some(d) = self.demo() {
            list.profiles.insert(
                0,
                ProfileInfo {
                    name: DEMO_PROFILE.to_owned(),
                    kind: ProfileKind::Demo,
                    region: Some(d.region.clone()),
                    endpoint_url: Some(d.endpoint_url.clone()),
                },
            );
        }
        Ok(list)
    }

    /// Forgets cached clients so edited AWS files are read again.
    pub fn reload(&self) {
        self.connections.clear();
    }

    fn target_for(&self, name: &str, overrides: Overrides) -> Result<Target> {
        if name == DEMO_PROFILE {
            return self.demo().map(|d| d.target()).ok_or_else(|| {
                Error::ProfileNotFound(Detail::msg("the demo server is not running; start BucketLens with --demo").profile(name))
            });
        }
        Ok(Target::Profile {
            name: name.to_owned(),
            overrides,
        })
    }

    /// Builds (or reuses) the client for `name` and makes it active. On failure the previous profile stays.
    pub async fn select(&self, name: &str, overrides: Overrides) -> Result<ConnectionInfo> {
        let target = self.target_for(name, overrides)?;
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
        let target = self.target_for(name, overrides)?;
        let conn = crate::client::connect(self.connections.files(), &target).await?;
        conn.creds.current().await?;
        let (operation, bucket_count) = match default_bucket.filter(|b| !b.is_empty()) {
            Some(b) => {
                crate::listing::head_bucket(&conn, b).await?;
                ("HeadBucket", None)
            }
            None => ("ListBuckets", Some(crate::listing::list_buckets(&conn).await?.len() as u32)),
        };
        Ok(ConnectionTest {
            operation: operation.to_owned(),
            bucket_count,
            region: conn.region.clone(),
            endpoint_url: conn.endpoint_url.clone(),
        })
    }

    /// The active connection, or `NoCredentials` when no profile was chosen yet.
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
