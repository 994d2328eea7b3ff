//! Whether the sign-in will outlast the uploads about to start, so people are warned before, not half-way.
//! What limits a sign-in depends on the profile: the SDK renews role, process and web-identity credentials
//! by itself, so only what it cannot renew counts: an SSO access token without a refresh token (its cache
//! file's `expiresAt`), or fixed temporary keys with a known expiry.

use crate::client::{Connection, Target};
use crate::error::Result;
use crate::profiles::{kind_of, AwsFiles, ProfileKind};
use aws_config::profile::ProfileSet;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use ts_rs::TS;

/// The rate assumed before any upload of this run was measured: 2 MiB/s, a modest office uplink.
pub const ASSUMED_RATE: f64 = 2.0 * 1024.0 * 1024.0;

/// Uploads about to start may outlast the sign-in.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LifetimeWarning {
    /// When the sign-in ends, as Unix milliseconds.
    #[ts(type = "number")]
    pub ends_at: i64,
    #[ts(type = "number")]
    pub remaining_secs: u64,
    #[ts(type = "number")]
    pub estimated_secs: u64,
    /// Bytes per second the estimate used, and whether it was measured in this run (else assumed).
    pub rate: f64,
    pub measured: bool,
}

/// `~/.aws/sso/cache`, where the AWS CLI and the SDKs keep SSO tokens.
pub fn sso_cache_dir() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    Some(Path::new(&home).join(".aws").join("sso").join("cache"))
}

/// When the SSO token in `file` stops working for good: its expiry, unless a refresh token lets the SDK
/// renew it (then no end is known).
fn sso_token_ends(file: &Path) -> Option<SystemTime> {
    let token: serde_json::Value = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
    if token.get("refreshToken").and_then(|v| v.as_str()).is_some_and(|s| !s.is_empty()) {
        return None;
    }
    let at = chrono::DateTime::parse_from_rfc3339(token.get("expiresAt")?.as_str()?).ok()?;
    Some(SystemTime::UNIX_EPOCH + Duration::from_millis(at.timestamp_millis().max(0) as u64))
}

/// When `profile`'s sign-in ends beyond what the SDK renews by itself; `None` when no end is known. A role
/// follows its `source_profile` chain; `creds_expiry` is the current credentials' own expiry, which counts
/// only for fixed keys (nothing renews them). An SSO profile whose token is missing gives `now` (signed out).
pub fn sign_in_ends(set: &ProfileSet, profile: &str, cache: &Path, creds_expiry: Option<SystemTime>) -> Option<SystemTime> {
    let mut name = profile.to_owned();
    for _ in 0..8 {
        let p = set.get_profile(&name)?;
        match kind_of(p) {
            ProfileKind::Sso => {
                let key = p.get("sso_session").or_else(|| p.get("sso_start_url"))?;
                let file = crate::sso_device::token_file(cache, key);
                return if file.exists() {
                    sso_token_ends(&file)
                } else {
                    Some(SystemTime::now())
                };
            }
            ProfileKind::AssumeRole => name = p.get("source_profile")?.to_owned(),
            ProfileKind::Static => return creds_expiry.filter(|_| name == profile),
            _ => return None,
        }
    }
    None
}

/// The warning, if any, for uploading `bytes` now through `conn` (its credentials are resolved, so a
/// sign-in that already ended is an error here, before anything starts).
pub async fn warning(conn: &Connection, files: &AwsFiles, bytes: u64, rate: Option<f64>) -> Result<Option<LifetimeWarning>> {
    let expiry = conn.creds.current().await?.expiry();
    let ends = match &conn.target {
        Target::Profile { name, .. } => match (crate::profiles::load_set(files).await?, sso_cache_dir()) {
            (Some(set), Some(cache)) => sign_in_ends(&set, name, &cache, expiry),
            _ => None,
        },
        Target::Static { session_token, .. } => expiry.filter(|_| session_token.is_some()),
    };
    Ok(check(ends, SystemTime::now(), bytes, rate))
}

/// A warning when `bytes` at `rate` (measured, else [`ASSUMED_RATE`]) would take longer than the sign-in
/// has left, with a tenth of the time as margin.
pub fn check(ends: Option<SystemTime>, now: SystemTime, bytes: u64, rate: Option<f64>) -> Option<LifetimeWarning> {
    let ends = ends?;
    let remaining = ends.duration_since(now).unwrap_or_default().as_secs();
    let r = rate.filter(|r| *r > 0.0).unwrap_or(ASSUMED_RATE);
    let estimated = (bytes as f64 / r).ceil() as u64;
    (estimated as f64 > remaining as f64 * 0.9).then(|| LifetimeWarning {
        ends_at: crate::client::unix_ms(ends),
        remaining_secs: remaining,
        estimated_secs: estimated,
        rate: r,
        measured: rate.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: u64 = 1024 * 1024;

    #[test]
    fn warns_only_when_the_estimate_runs_past_nine_tenths_of_what_is_left() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let in_10_min = Some(now + Duration::from_secs(600));
        // 1 GiB at the assumed 2 MiB/s takes 512 s, under 600 s × 0.9 = 540 s: no warning …
        assert_eq!(check(in_10_min, now, 1024 * MIB, None), None);
        // … but 1.2 GiB (615 s) is.
        let w = check(in_10_min, now, 1229 * MIB, None).unwrap();
        assert_eq!((w.remaining_secs, w.estimated_secs, w.measured), (600, 615, false));
        // A measured 20 MiB/s takes it to 62 s.
        assert_eq!(check(in_10_min, now, 1229 * MIB, Some(20.0 * MIB as f64)), None);
        // No known end, no warning; an end already past warns for any upload.
        assert_eq!(check(None, now, u64::MAX, None), None);
        let past = check(Some(now - Duration::from_secs(5)), now, 1, None).unwrap();
        assert_eq!(past.remaining_secs, 0);
    }

    fn profiles(config: &str) -> (tempfile::TempDir, ProfileSet) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config"), config).unwrap();
        let files = crate::profiles::AwsFiles::explicit(dir.path().join("config"), dir.path().join("none"));
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let set = rt.block_on(crate::profiles::load_set(&files)).unwrap().unwrap();
        std::fs::create_dir_all(dir.path().join("cache")).unwrap();
        (dir, set)
    }

    fn token(dir: &Path, key: &str, expires: &str, refresh: bool) {
        use sha1::{Digest, Sha1};
        // The cache file's name is the SHA-1 of the session name, as the AWS CLI writes it.
        let name = format!("{:x}.json", Sha1::digest(key.as_bytes()));
        let mut t = serde_json::json!({"accessToken": "not-a-secret", "expiresAt": expires});
        if refresh {
            t["refreshToken"] = "r".into();
        }
        std::fs::write(dir.join("cache").join(name), t.to_string()).unwrap();
    }

    #[test]
    fn the_end_comes_from_what_the_sdk_cannot_renew() {
        let (dir, set) = profiles(
            "[profile keys]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n\
             [profile via-keys]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = keys\n\
             [sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n\
             [profile sso]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n\
             [profile via-sso]\nrole_arn = arn:aws:iam::2:role/r\nsource_profile = sso\n\
             [profile legacy]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-1\n\
             sso_account_id = 1\nsso_role_name = R\n\
             [profile process]\ncredential_process = /bin/true\n",
        );
        let cache = dir.path().join("cache");
        let soon = SystemTime::now() + Duration::from_secs(900);
        // Fixed keys end when their own expiry says; a role on them is renewed by the SDK (same keys).
        assert_eq!(sign_in_ends(&set, "keys", &cache, Some(soon)), Some(soon));
        assert_eq!(sign_in_ends(&set, "keys", &cache, None), None);
        assert_eq!(sign_in_ends(&set, "via-keys", &cache, Some(soon)), None);
        assert_eq!(sign_in_ends(&set, "process", &cache, Some(soon)), None);
        // SSO: no token yet means signed out now; a token ends at its expiry unless it can be refreshed.
        let now = SystemTime::now();
        assert!(sign_in_ends(&set, "sso", &cache, Some(soon)).unwrap() <= SystemTime::now());
        assert!(sign_in_ends(&set, "sso", &cache, None).unwrap() >= now);
        token(dir.path(), "corp", "2031-01-02T03:04:05Z", false);
        let at = sign_in_ends(&set, "sso", &cache, Some(soon)).unwrap();
        assert_eq!(crate::client::unix_ms(at), 1_925_089_445_000);
        assert_eq!(
            sign_in_ends(&set, "via-sso", &cache, Some(soon)),
            Some(at),
            "a role on SSO ends with it"
        );
        token(dir.path(), "corp", "2031-01-02T03:04:05Z", true);
        assert_eq!(sign_in_ends(&set, "sso", &cache, Some(soon)), None, "a refresh token renews it");
        // A legacy profile's token is named after its start URL.
        token(dir.path(), "https://old.awsapps.com/start", "2031-01-02T03:04:05Z", false);
        assert!(sign_in_ends(&set, "legacy", &cache, None).is_some_and(|t| t > soon));
    }
}
