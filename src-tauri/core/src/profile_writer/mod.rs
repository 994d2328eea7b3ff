//! Adds a profile to the AWS config and credentials files the way `aws configure` would, for people without a
//! terminal: every existing byte (comments, spacing, CRLF, other profiles) is kept, the new section is
//! appended, a backup of the old file is left beside it, and the file is replaced atomically (credentials
//! with mode 0600). A name that exists in either file is refused, never overwritten.

use crate::client::Secret;
use crate::error::{Detail, Error, Result};
use serde::Deserialize;
use ts_rs::TS;

mod files;
use files::replace;
pub use files::{append_section, paths, read_both, section_names};

/// What the add-profile dialog sends. The secret key is only ever written to the credentials file.
#[derive(Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum NewProfile {
    #[serde(rename_all = "camelCase")]
    AccessKey {
        name: String,
        access_key_id: String,
        #[ts(type = "string")]
        secret_access_key: SecretString,
        region: String,
    },
    #[serde(rename_all = "camelCase")]
    Sso {
        name: String,
        start_url: String,
        sso_region: String,
        account_id: String,
        role_name: String,
        region: String,
    },
}

/// A secret as it arrives from the window: never printed.
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct SecretString(pub String);

impl std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Secret(String::new()).fmt(f)
    }
}

impl std::fmt::Debug for NewProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl NewProfile {
    pub fn name(&self) -> &str {
        match self {
            NewProfile::AccessKey { name, .. } | NewProfile::Sso { name, .. } => name,
        }
    }
}

fn invalid(field: &str, why: &str) -> Error {
    Error::invalid_input(format!("{field}: {why}"))
}

fn check(ok: bool, field: &str, why: &str) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(invalid(field, why))
    }
}

fn all(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn region_ok(r: &str) -> bool {
    let parts: Vec<&str> = r.split('-').collect();
    parts.len() >= 3 && parts.iter().all(|x| all(x, |c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

/// A profile name that the files and the SSO cache can hold without escaping.
pub fn check_name(name: &str) -> Result<()> {
    check(
        name.len() <= 64 && all(name, |c| c.is_ascii_alphanumeric() || "-_.+@".contains(c)),
        "name",
        "letters, digits and - _ . + @ only (at most 64)",
    )
}

/// Where an SSO sign-in goes: an https start URL without user information, and a region.
pub fn check_sso(start_url: &str, sso_region: &str) -> Result<()> {
    let url = url::Url::parse(start_url).ok();
    let ok = url
        .as_ref()
        .is_some_and(|u| u.scheme() == "https" && u.host_str().is_some() && u.username().is_empty() && u.password().is_none());
    check(ok, "startUrl", "the start URL is the https:// address of your sign-in page")?;
    check(region_ok(sso_region), "ssoRegion", "a region looks like eu-west-1")
}

/// Refuses `name` when a profile (or, for SSO, an `sso-session`) of that name is in either file's text.
pub fn refuse_taken(config: &str, creds: &str, name: &str, sso: bool) -> Result<()> {
    let header = header(name);
    let sections = section_names(config);
    let taken = sections
        .iter()
        .any(|s| *s == header || (name == "default" && s == "profile default"))
        || section_names(creds).iter().any(|s| s == name)
        || (sso && sections.contains(&format!("sso-session {name}")));
    if taken {
        return Err(Error::AlreadyExists(
            Detail::msg(format!("a profile named {name:?} exists already; choose another name")).profile(name),
        ));
    }
    Ok(())
}

/// Checks every field before anything is read or written.
pub fn validate(p: &NewProfile) -> Result<()> {
    check_name(p.name())?;
    match p {
        NewProfile::AccessKey {
            access_key_id,
            secret_access_key,
            region,
            ..
        } => {
            check(
                (16..=128).contains(&access_key_id.len()) && all(access_key_id, |c| c.is_ascii_uppercase() || c.is_ascii_digit()),
                "accessKeyId",
                "an access key id is 16 to 128 capital letters and digits (AKIA…)",
            )?;
            let s = &secret_access_key.0;
            check(
                (16..=128).contains(&s.len()) && all(s, |c| c.is_ascii_graphic()),
                "secretAccessKey",
                "a secret access key is 16 to 128 characters without spaces",
            )?;
            check(region_ok(region), "region", "a region looks like eu-west-1")
        }
        NewProfile::Sso {
            start_url,
            sso_region,
            account_id,
            role_name,
            region,
            ..
        } => {
            check_sso(start_url, sso_region)?;
            check(
                account_id.len() == 12 && all(account_id, |c| c.is_ascii_digit()),
                "accountId",
                "an account id is 12 digits",
            )?;
            check(
                role_name.len() <= 64 && all(role_name, |c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c)),
                "roleName",
                "a role name has letters, digits and + = , . @ _ - only",
            )?;
            check(region_ok(region), "region", "a region looks like eu-west-1")
        }
    }
}

/// The config section a profile lives in: `[default]`, else `[profile NAME]`.
fn header(name: &str) -> String {
    if name == "default" {
        "default".to_owned()
    } else {
        format!("profile {name}")
    }
}

/// Adds `p` to the files. The config gets `[profile NAME]` (and, for SSO, `[sso-session NAME]`); the
/// credentials file gets the keys.
pub fn add_profile(files: &crate::profiles::AwsFiles, p: &NewProfile) -> Result<()> {
    validate(p)?;
    let (config_path, config, creds_path, creds) = read_both(files)?;
    let name = p.name();
    let header = header(name);
    refuse_taken(&config, &creds, name, matches!(p, NewProfile::Sso { .. }))?;
    match p {
        NewProfile::AccessKey {
            access_key_id,
            secret_access_key,
            region,
            ..
        } => {
            let new_creds = append_section(
                &creds,
                name,
                &[
                    ("aws_access_key_id", access_key_id),
                    ("aws_secret_access_key", &secret_access_key.0),
                ],
            );
            replace(&creds_path, &creds, &new_creds, true)?;
            replace(
                &config_path,
                &config,
                &append_section(&config, &header, &[("region", region)]),
                false,
            )?;
        }
        NewProfile::Sso {
            start_url,
            sso_region,
            account_id,
            role_name,
            region,
            ..
        } => {
            let text = append_section(
                &config,
                &format!("sso-session {name}"),
                &[
                    ("sso_start_url", start_url),
                    ("sso_region", sso_region),
                    ("sso_registration_scopes", "sso:account:access"),
                ],
            );
            let text = append_section(
                &text,
                &header,
                &[
                    ("sso_session", name),
                    ("sso_account_id", account_id),
                    ("sso_role_name", role_name),
                    ("region", region),
                ],
            );
            replace(&config_path, &config, &text, false)?;
        }
    }
    tracing::info!(profile = name, "profile added to the AWS files");
    Ok(())
}
