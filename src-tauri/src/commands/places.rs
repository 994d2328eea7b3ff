//! Commands for getting to places: bookmarks, recent places and last visits of the active profile, app links
//! to a folder or file, and the profiles that can read a bucket a link names.

use crate::state::AppState;
use bucketlens_core::ipc::{BucketRequest, ObjectRef};
use bucketlens_core::places::{BookmarkEdit, Place, Places, Visit};
use bucketlens_core::s3url::{self, S3Location};
use bucketlens_core::Result;
use tauri::State;

/// How long each profile may take to show it can read a bucket.
const READABLE_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

fn profile(state: &AppState) -> Result<String> {
    Ok(state.session.active()?.target.label().to_owned())
}

#[tauri::command]
pub fn get_places(state: State<'_, AppState>) -> Result<Places> {
    Ok(state.places.places(&profile(&state)?))
}

#[tauri::command]
pub fn visit_place(state: State<'_, AppState>, request: Place) -> Result<Visit> {
    state.places.visit(
        &profile(&state)?,
        &request,
        bucketlens_core::client::unix_ms(std::time::SystemTime::now()),
    )
}

#[tauri::command]
pub fn edit_bookmarks(state: State<'_, AppState>, request: BookmarkEdit) -> Result<Places> {
    state.places.edit(&profile(&state)?, request)
}

#[tauri::command]
pub fn app_link(state: State<'_, AppState>, request: ObjectRef) -> Result<String> {
    let place = Place {
        bucket: request.bucket.clone(),
        prefix: String::new(),
    };
    place.check()?;
    let location = S3Location {
        bucket: request.bucket,
        key: request.key,
    };
    Ok(s3url::app_link(&location, Some(&profile(&state)?)))
}

#[tauri::command]
pub async fn readable_profiles(state: State<'_, AppState>, request: BucketRequest) -> Result<Vec<String>> {
    let settings = state.settings();
    let names: Vec<_> = state
        .session
        .profiles()
        .await?
        .profiles
        .into_iter()
        .map(|p| {
            let overrides = settings.profile(&p.name).overrides;
            (p.name, overrides)
        })
        .collect();
    Ok(state.session.readable(&request.bucket, &names, READABLE_WAIT).await)
}
