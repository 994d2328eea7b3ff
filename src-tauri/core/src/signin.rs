//! Helps with SSO sign-in: runs `aws sso login --profile NAME` when the AWS CLI is installed.

use crate::error::{Detail, Error, Result};
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

/// The AWS CLI on PATH, if any.
pub fn aws_cli() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(if cfg!(windows) { "aws.exe" } else { "aws" }))
        .find(|p| p.is_file())
}

/// What the UI shows when the CLI is missing: the exact command to run elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignInOutcome {
    pub cli_found: bool,
    pub command: String,
}

pub fn command_for(profile: &str) -> String {
    format!("aws sso login --profile {profile}")
}

/// Runs the sign-in and waits (up to 10 minutes) for the browser flow to finish.
pub async fn sso_login(profile: &str) -> Result<SignInOutcome> {
    let command = command_for(profile);
    let Some(cli) = aws_cli() else {
        return Ok(SignInOutcome { cli_found: false, command });
    };
    let mut child = tokio::process::Command::new(cli)
        .args(["sso", "login", "--profile", profile])
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| Error::io("starting the AWS CLI", e))?;
    let status = tokio::time::timeout(std::time::Duration::from_secs(600), child.wait())
        .await
        .map_err(|_| Error::SsoLoginRequired(Detail::msg("sign-in did not finish within 10 minutes").profile(profile)))?
        .map_err(|e| Error::io("waiting for the AWS CLI", e))?;
    if !status.success() {
        return Err(Error::SsoLoginRequired(
            Detail::msg(format!("`{command}` ended with {status}")).profile(profile),
        ));
    }
    Ok(SignInOutcome { cli_found: true, command })
}
