//! Commands for reading a bucket: buckets, folders, one object's facts, links to it, deleting it.

use crate::state::AppState;
use bucketlens_core::ahead::Start;
use bucketlens_core::columns::ColumnPage;
use bucketlens_core::ipc::{
    DeleteObjectRequest, KeepThumbnailRequest, ListPrefixRequest, ObjectRef, ParseLocationRequest, PresignShareRequest,
};
use bucketlens_core::listing::{self, BucketInfo};
use bucketlens_core::presign::Presigned;
use bucketlens_core::preview::{self, Preview};
use bucketlens_core::s3url::{self, S3Location};
use bucketlens_core::{objects, Result};
use std::sync::atomic::Ordering;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn list_buckets(state: State<'_, AppState>) -> Result<Vec<BucketInfo>> {
    let conn = state.session.active()?;
    listing::list_buckets(&conn).await
}

/// Streams the pages of one prefix over `channel`; a newer listing stops this one. Returns the count.
/// The window's first listing of the remembered folder goes on from start-up's (`AppState::ahead`): after the
/// first page `bootstrap` carried, or from that page. Anything else lists from the start (page 0 again).
#[tauri::command]
pub async fn list_prefix(state: State<'_, AppState>, request: ListPrefixRequest, channel: Channel<ColumnPage>) -> Result<u32> {
    let conn = state.session.active()?;
    let generation = state.listing_generation.fetch_add(1, Ordering::SeqCst) + 1;
    let current = &state.listing_generation;
    let (bucket, prefix) = (&request.bucket, &request.prefix);
    let send = |page| current.load(Ordering::SeqCst) == generation && channel.send(ColumnPage::from(page)).is_ok();
    let mut cursor = Default::default();
    match state.ahead.take(&conn, bucket, prefix).await {
        Some(Start::After(after)) if request.after_first_page => cursor = after,
        Some(Start::First(first, after)) if !request.after_first_page => {
            let (loaded, is_last) = (first.loaded, first.is_last);
            if !send(first) || is_last {
                return Ok(loaded);
            }
            cursor = after;
        }
        _ => {}
    }
    listing::list_prefix_from(&conn, bucket, prefix, listing::DEFAULT_PAGE_SIZE, cursor, send).await
}

/// What the preview pane shows; its link lives as long as the preview setting says. The link is for the
/// pane only: `open_url` does not open it.
#[tauri::command]
pub async fn preview_object(state: State<'_, AppState>, request: ObjectRef) -> Result<Preview> {
    let (secs, conn) = (state.settings().expiry.preview_secs, state.session.active()?);
    preview::open(&conn, &request.bucket, &request.key, secs).await
}

/// A PDF's first page as the gallery drew it, kept as the thumbnail of the object's current version.
#[tauri::command]
pub async fn keep_thumbnail(
    state: State<'_, AppState>,
    thumbs: State<'_, crate::thumbs::Thumbs>,
    request: KeepThumbnailRequest,
) -> Result<()> {
    let conn = state.session.active()?;
    let cache = thumbs.cache_of(&state)?;
    bucketlens_core::thumbs::keep_drawn(&conn, cache, &request.bucket, &request.key, &request.image).await
}

/// A link to share or download; `expires_secs` defaults to the share setting and is clamped. Recorded in the
/// issued-links record.
#[tauri::command]
pub async fn presign_share(state: State<'_, AppState>, request: PresignShareRequest) -> Result<Presigned> {
    let PresignShareRequest {
        bucket,
        key,
        expires_secs,
        attachment,
    } = request;
    let secs = expires_secs.unwrap_or(state.settings().expiry.share_secs);
    let conn = state.session.active()?;
    let p = preview::share_link(&conn, &bucket, &key, !attachment, secs).await?;
    state.links.add(&[bucketlens_core::share::IssuedLink {
        profile: conn.target.label().to_owned(),
        bucket,
        key,
        recipient: None,
        issued_at: bucketlens_core::client::unix_ms(std::time::SystemTime::now()),
        expires_at: p.expires_at,
    }])?;
    state.grants.allow_link(&p.url);
    Ok(p)
}

/// Deletes through a presigned DELETE; the window asks for confirmation first.
#[tauri::command]
pub async fn delete_object(state: State<'_, AppState>, request: DeleteObjectRequest) -> Result<()> {
    let conn = state.session.active()?;
    state
        .settings()
        .guard(conn.target.label(), &request.bucket, request.confirmed_for.as_deref())?;
    objects::delete_object(&conn, &request.bucket, &request.key, state.settings().expiry.delete_secs).await
}

/// What was typed or pasted in the path box: any form `s3url::parse` reads, or an app link (its place).
#[tauri::command]
pub fn parse_location(request: ParseLocationRequest) -> Result<S3Location> {
    let input = request.input.trim();
    if input.get(..11).is_some_and(|h| h.eq_ignore_ascii_case("bucketlens:")) {
        return Ok(s3url::parse_app_link(input)?.location);
    }
    s3url::parse(input)
}
