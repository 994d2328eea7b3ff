//! Lists the AWS profiles a user has, read through aws-config's own loader, without ever exposing a secret.

use crate::error::{Detail, Error, Result};
use aws_config::profile::{Profile, ProfileFileLoadError};
use aws_runtime::env_config::file::{EnvConfigFileKind, EnvConfigFiles};
use aws_types::os_shim_internal::{Env, Fs};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

/// Which shared config and credentials files to read. `None` means aws-config's own resolution
/// (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, then `~/.aws/...`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct AwsFiles {
    pub config: Option<PathBuf>,
    pub credentials: Option<PathBuf>,
}

impl AwsFiles {
    pub fn explicit(config: impl Into<PathBuf>, credentials: impl Into<PathBuf>) -> Self {
        Self {
            config: Some(config.into()),
            credentials: Some(credentials.into()),
        }
    }

    pub fn env_config_files(&self) -> EnvConfigFiles {
        if self.config.is_none() && self.credentials.is_none() {
            return EnvConfigFiles::default();
        }
        // A named file that does not exist counts as empty, as the default files do.
        let mut b = EnvConfigFiles::builder();
        match &self.config {
            Some(p) if p.exists() => b = b.with_file(EnvConfigFileKind::Config, p),
            Some(_) => {}
            None => b = b.include_default_config_file(true),
        }
        match &self.credentials {
            Some(p) if p.exists() => b = b.with_file(EnvConfigFileKind::Credentials, p),
            Some(_) => {}
            None => b = b.include_default_credentials_file(true),
        }
        b.with_contents(EnvConfigFileKind::Config, "").build()
    }
}

/// How a profile gets its credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProfileKind {
    Static,
    Sso,
    CredentialProcess,
    AssumeRole,
    WebIdentity,
    Demo,
    Other,
}

/// One profile as the UI shows it. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInfo {
    pub name: String,
    pub kind: ProfileKind,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
}

/// All profiles, plus the one aws-config would pick by default (`AWS_PROFILE` or "default").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileList {
    pub profiles: Vec<ProfileInfo>,
    pub default_profile: Option<String>,
}

pub fn kind_of(p: &Profile) -> ProfileKind {
    if p.get("sso_session").is_some() || p.get("sso_start_url").is_some() || p.get("sso_account_id").is_some() {
        ProfileKind::Sso
    } else if p.get("credential_process").is_some() {
        ProfileKind::CredentialProcess
    } else if p.get("role_arn").is_some() && p.get("web_identity_token_file").is_some() {
        ProfileKind::WebIdentity
    } else if p.get("role_arn").is_some() {
        ProfileKind::AssumeRole
    } else if p.get("aws_access_key_id").is_some() {
        ProfileKind::Static
    } else {
        ProfileKind::Other
    }
}

pub(crate) async fn load_set(files: &AwsFiles) -> Result<Option<aws_config::profile::ProfileSet>> {
    aws_config::profile::load(&Fs::real(), &Env::real(), &files.env_config_files(), None)
        .await
        .map(Some)
        .map_err(|e: ProfileFileLoadError| {
            Error::InvalidProfile(Detail::msg(format!(
                "the AWS config could not be read: {}",
                crate::error_map::full_chain(&e)
            )))
        })
}

/// Lists the profiles. Missing files give an empty list; an unparsable file is an `InvalidProfile` error.
pub async fn list_profiles(files: &AwsFiles) -> Result<ProfileList> {
    let Some(set) = load_set(files).await? else {
        return Ok(ProfileList {
            profiles: vec![],
            default_profile: None,
        });
    };
    let mut profiles: Vec<ProfileInfo> = set
        .profiles()
        .filter_map(|name| set.get_profile(name))
        .map(|p| ProfileInfo {
            name: p.name().to_owned(),
            kind: kind_of(p),
            region: p.get("region").map(str::to_owned),
            // A user name or password in the file's endpoint is never shown (connecting refuses such an endpoint).
            endpoint_url: p.get("endpoint_url").map(crate::logging::redact),
        })
        .collect();
    profiles.sort_by(|a, b| (a.name != "default", &a.name).cmp(&(b.name != "default", &b.name)));
    let selected = set.selected_profile().to_owned();
    let default_profile = profiles.iter().any(|p| p.name == selected).then_some(selected);
    Ok(ProfileList { profiles, default_profile })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn write_files(config: &str, credentials: &str) -> (tempfile::TempDir, AwsFiles) {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("config");
        let k = dir.path().join("credentials");
        std::fs::write(&c, config).unwrap();
        std::fs::write(&k, credentials).unwrap();
        (dir, AwsFiles::explicit(c, k))
    }

    #[tokio::test]
    async fn kinds_regions_and_endpoints_come_from_the_files() {
        let config = r#"
[default]
region = eu-west-1

[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = ap-northeast-1

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1

[profile proc]
credential_process = /usr/bin/true

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = default

[profile minio]
endpoint_url = http://127.0.0.1:9000
region = us-east-1

[profile leaky]
endpoint_url = https://svc:hunter2@s3.internal.example
"#;
        let creds = "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = SECRETEXAMPLE\n\n[minio]\naws_access_key_id=a\naws_secret_access_key=b\n";
        let (_d, files) = write_files(config, creds);
        let list = list_profiles(&files).await.unwrap();
        let by = |n: &str| list.profiles.iter().find(|p| p.name == n).unwrap().clone();
        assert_eq!(list.profiles[0].name, "default");
        assert_eq!(by("default").kind, ProfileKind::Static);
        assert_eq!(by("default").region.as_deref(), Some("eu-west-1"));
        assert_eq!(by("sso-dev").kind, ProfileKind::Sso);
        assert_eq!(by("sso-dev").region.as_deref(), Some("ap-northeast-1"));
        assert_eq!(by("proc").kind, ProfileKind::CredentialProcess);
        assert_eq!(by("admin").kind, ProfileKind::AssumeRole);
        assert_eq!(by("minio").endpoint_url.as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(by("leaky").endpoint_url.as_deref(), Some("https://REDACTED@s3.internal.example"));
        let json = serde_json::to_string(&list).unwrap();
        assert!(!json.contains("SECRETEXAMPLE") && !json.contains("AKIDEXAMPLE"), "{json}");
        assert!(!json.contains("hunter2"), "{json}");
    }

    #[tokio::test]
    async fn missing_files_give_an_empty_list() {
        let dir = tempfile::tempdir().unwrap();
        let files = AwsFiles::explicit(dir.path().join("nope"), dir.path().join("nope2"));
        let list = list_profiles(&files).await.unwrap();
        assert!(list.profiles.is_empty());
        assert_eq!(list.default_profile, None);
    }

    #[tokio::test]
    async fn broken_file_is_a_clear_error() {
        let (_d, files) = write_files("[profile broken\nregion = x\n", "");
        let err = list_profiles(&files).await.unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidProfile, "{err}");
    }
}
