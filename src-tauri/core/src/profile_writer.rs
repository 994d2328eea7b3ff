//! Adds a profile to the AWS config and credentials files the way `aws configure` would, for people without a
//! terminal: every existing byte (comments, spacing, CRLF, other profiles) is kept, the new section is
//! appended, a backup of the old file is left beside it, and the file is replaced atomically (credentials
//! with mode 0600). A name that exists in either file is refused, never overwritten.

use crate::client::Secret;
use crate::error::{Detail, Error, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

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

/// Checks every field before anything is read or written.
pub fn validate(p: &NewProfile) -> Result<()> {
    let name = p.name();
    check(
        name.len() <= 64 && all(name, |c| c.is_ascii_alphanumeric() || "-_.+@".contains(c)),
        "name",
        "letters, digits and - _ . + @ only (at most 64)",
    )?;
    let region_ok = |r: &str| {
        let parts: Vec<&str> = r.split('-').collect();
        parts.len() >= 3 && parts.iter().all(|x| all(x, |c| c.is_ascii_lowercase() || c.is_ascii_digit()))
    };
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
            let url = url::Url::parse(start_url).ok();
            check(
                url.as_ref()
                    .is_some_and(|u| u.scheme() == "https" && u.host_str().is_some() && u.username().is_empty() && u.password().is_none()),
                "startUrl",
                "the start URL is the https:// address of your sign-in page",
            )?;
            check(region_ok(sso_region), "ssoRegion", "a region looks like eu-west-1")?;
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

/// The section names in an INI text, as aws-config reads them: `[profile x]` → `profile x` (inner spaces
/// collapsed), `[default]` → `default`. Lines that are not headers are ignored.
pub fn section_names(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix('['))
        .filter_map(|l| l.split(']').next().filter(|_| l.contains(']')))
        .map(|inner| inner.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// `text` with `section` appended in the file's own line ending, after one blank line; nothing else changes.
pub fn append_section(text: &str, header: &str, lines: &[(&str, &str)]) -> String {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = text.to_owned();
    if !out.is_empty() {
        if !out.ends_with('\n') {
            out.push_str(eol);
        }
        if !out.ends_with(&format!("{eol}{eol}")) && out.trim() != "" {
            out.push_str(eol);
        }
    }
    out.push_str(&format!("[{header}]{eol}"));
    for (k, v) in lines {
        out.push_str(&format!("{k} = {v}{eol}"));
    }
    out
}

/// Where the files are: the explicit ones, else `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws`.
pub fn paths(files: &crate::profiles::AwsFiles) -> Result<(PathBuf, PathBuf)> {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().join(".aws"));
    let pick = |explicit: &Option<PathBuf>, env: &str, name: &str| {
        explicit
            .clone()
            .or_else(|| std::env::var_os(env).filter(|v| !v.is_empty()).map(PathBuf::from))
            .or_else(|| home().map(|h| h.join(name)))
            .ok_or_else(|| Error::internal("no home folder for the AWS files"))
    };
    Ok((
        pick(&files.config, "AWS_CONFIG_FILE", "config")?,
        pick(&files.credentials, "AWS_SHARED_CREDENTIALS_FILE", "credentials")?,
    ))
}

fn read(path: &Path) -> Result<String> {
    match std::fs::read(path) {
        Ok(b) => String::from_utf8(b).map_err(|_| Error::invalid_input(format!("{} is not UTF-8 text", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(Error::io(&format!("reading {}", path.display()), e)),
    }
}

/// Replaces `path` with `text`: a backup (`NAME.bak`) of the old file, a temporary file beside it, flushed,
/// then renamed over. Refused if the file changed since `before` was read (another program wrote it).
fn replace(path: &Path, before: &str, text: &str, private: bool) -> Result<()> {
    use std::io::Write;
    let io = |what: &str| {
        let what = format!("{what} {}", path.display());
        move |e| Error::io(&what, e)
    };
    let dir = path.parent().ok_or_else(|| Error::internal("the AWS file has no folder"))?;
    if !dir.exists() {
        std::fs::create_dir_all(dir).map_err(io("creating the folder of"))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
    }
    if read(path)? != before {
        return Err(Error::PreconditionFailed(Detail::msg(format!(
            "{} changed while the profile was being added; nothing was written, try again",
            path.display()
        ))));
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("aws");
    if path.exists() {
        std::fs::copy(path, dir.join(format!("{name}.bak"))).map_err(io("backing up"))?;
    }
    let tmp = dir.join(format!(".{name}.bucketlens-{}", std::process::id()));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mode = match (private, std::fs::metadata(path)) {
            (true, _) => 0o600,
            (false, Ok(m)) => std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o777,
            (false, Err(_)) => 0o644,
        };
        opts.mode(mode);
    }
    let mut f = opts.open(&tmp).map_err(io("writing beside"))?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(io("writing beside"))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(&format!("replacing {}", path.display()), e)
    })
}

/// Adds `p` to the files. The config gets `[profile NAME]` (and, for SSO, `[sso-session NAME]`); the
/// credentials file gets the keys.
pub fn add_profile(files: &crate::profiles::AwsFiles, p: &NewProfile) -> Result<()> {
    validate(p)?;
    let (config_path, creds_path) = paths(files)?;
    let (config, creds) = (read(&config_path)?, read(&creds_path)?);
    let name = p.name();
    let header = if name == "default" {
        "default".to_owned()
    } else {
        format!("profile {name}")
    };
    let sections = section_names(&config);
    let taken = sections
        .iter()
        .any(|s| *s == header || (name == "default" && s == "profile default"))
        || section_names(&creds).iter().any(|s| s == name)
        || (matches!(p, NewProfile::Sso { .. }) && sections.contains(&format!("sso-session {name}")));
    if taken {
        return Err(Error::AlreadyExists(
            Detail::msg(format!("a profile named {name:?} exists already; choose another name")).profile(name),
        ));
    }
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
