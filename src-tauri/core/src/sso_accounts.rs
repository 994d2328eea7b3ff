//! The SSO half of adding a profile: sign in to a start URL before any profile names it, then list the
//! accounts and roles that sign-in may use (ListAccounts, ListAccountRoles), so a person picks them instead
//! of typing ids. The token is saved under the future profile's `sso-session` name, so the profile works as
//! soon as it is written, without a second sign-in.

use crate::error::{Detail, Error, Result};
use crate::profiles::AwsFiles;
use crate::sso_device::{DeviceCode, SsoTarget};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use std::path::Path;
use tokio_util::sync::CancellationToken;
use ts_rs::TS;

/// Where to sign in, and the name the profile (and its `sso-session`) will have.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SsoDiscoverRequest {
    pub name: String,
    pub start_url: String,
    pub sso_region: String,
}

/// One role the person may take in one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SsoRole {
    pub account_id: String,
    pub account_name: String,
    pub email: Option<String>,
    pub role_name: String,
}

fn portal_error(e: impl std::error::Error + Send + Sync + 'static, name: &str) -> Error {
    let text = crate::error_map::full_chain(&e);
    Error::SsoLoginRequired(Detail::msg(format!("listing the accounts of the sign-in failed: {text}")).profile(name))
}

/// Signs in (the code goes to `show`), saves the token where the AWS CLI keeps the session's, and lists every
/// account and role, sorted by account name then role. A name already in the AWS files is refused first.
pub async fn discover(
    files: &AwsFiles,
    req: &SsoDiscoverRequest,
    cache: &Path,
    show: impl FnOnce(DeviceCode),
    cancel: &CancellationToken,
) -> Result<Vec<SsoRole>> {
    use crate::profile_writer::{check_name, check_sso, read_both, refuse_taken};
    check_name(&req.name)?;
    check_sso(&req.start_url, &req.sso_region)?;
    let (_, config, _, creds) = read_both(files)?;
    // The token file is named after the session: a taken name would overwrite someone else's sign-in.
    refuse_taken(&config, &creds, &req.name, true)?;
    let target = SsoTarget {
        session: Some(req.name.clone()),
        start_url: req.start_url.clone(),
        region: req.sso_region.clone(),
        scopes: vec!["sso:account:access".into()],
    };
    let sdk = crate::sso_device::sdk_config(files, None, &req.sso_region).await;
    let token = crate::sso_device::sign_in_to(&sdk, &target, &req.name, cache, show, cancel).await?;
    let sso = aws_sdk_sso::Client::new(&sdk);
    let accounts = sso
        .list_accounts()
        .access_token(&token)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .map_err(|e| portal_error(e, &req.name))?;
    // Roles of up to eight accounts at a time: a company may have hundreds of accounts.
    let ids: Vec<String> = accounts.iter().map(|a| a.account_id().unwrap_or_default().to_owned()).collect();
    let lists = futures::stream::iter(ids.into_iter().map(|id| {
        let (sso, token) = (sso.clone(), token.clone());
        async move {
            sso.list_account_roles()
                .access_token(token)
                .account_id(id)
                .into_paginator()
                .items()
                .send()
                .try_collect()
                .await
        }
    }))
    .buffered(8)
    .collect::<Vec<_>>()
    .await;
    let mut out = Vec::new();
    for (a, roles) in accounts.iter().zip(lists) {
        for r in roles.map_err(|e| portal_error(e, &req.name))? {
            out.push(SsoRole {
                account_id: a.account_id().unwrap_or_default().to_owned(),
                account_name: a.account_name().unwrap_or_default().to_owned(),
                email: a.email_address().map(str::to_owned),
                role_name: r.role_name().unwrap_or_default().to_owned(),
            });
        }
    }
    out.sort_by(|x, y| (&x.account_name, &x.account_id, &x.role_name).cmp(&(&y.account_name, &y.account_id, &y.role_name)));
    tracing::info!(profile = %req.name, roles = out.len(), "listed the accounts of an SSO sign-in");
    Ok(out)
}
