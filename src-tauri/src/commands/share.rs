//! Commands for sharing: links to several files at once, and the record of the links issued.

use crate::state::AppState;
use bucketlens_core::ipc::ShareObjectsRequest;
use bucketlens_core::share::{self, IssuedLink, SharedLink};
use bucketlens_core::Result;
use tauri::State;

/// Signs a link to each file (all or none), records them (who for, until when; never the link), and allows the
/// window to open them.
#[tauri::command]
pub async fn share_objects(state: State<'_, AppState>, request: ShareObjectsRequest) -> Result<Vec<SharedLink>> {
    let recipient = request
        .recipient
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned);
    share::check(&request.keys, recipient.as_deref())?;
    let secs = request.expires_secs.unwrap_or(state.settings().expiry.share_secs);
    let conn = state.session.active()?;
    let links = share::share_links(&conn, &request.bucket, &request.keys, secs).await?;
    let issued_at = bucketlens_core::client::unix_ms(std::time::SystemTime::now());
    let records: Vec<_> = links
        .iter()
        .map(|l| IssuedLink {
            profile: conn.target.label().to_owned(),
            bucket: request.bucket.clone(),
            key: l.key.clone(),
            recipient: recipient.clone(),
            issued_at,
            expires_at: l.link.expires_at,
        })
        .collect();
    state.links.add(&records)?;
    for l in &links {
        state.grants.allow_link(&l.link.url);
    }
    Ok(links)
}

#[tauri::command]
pub fn issued_links(state: State<'_, AppState>) -> Vec<IssuedLink> {
    state.links.list()
}
