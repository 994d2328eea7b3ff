//! The IPC commands: each parses its arguments, calls the core, and returns data or a core `Error`.

use crate::state::AppState;
use bucketlens_core::client::{ConnectionInfo, Overrides};
use bucketlens_core::ipc::Bootstrap;
use bucketlens_core::ipc::ConnectionTest;
use bucketlens_core::listing::{self, BucketInfo, ListPage, ObjectMeta};
use bucketlens_core::mime::Detected;
use bucketlens_core::presign::{self, Disposition, Presigned};
use bucketlens_core::profiles::ProfileList;
use bucketlens_core::s3url::{self, S3Location};
use bucketlens_core::settings::{FieldError, Settings};
use bucketlens_core::signin::SignInOutcome;
use bucketlens_core::{Error, Result};
use std::sync::atomic::Ordering;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

#[tauri::command]
pub async fn bootstrap<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Bootstrap> {
    let boot = state.bootstrap().await;
    crate::menu::refresh(&app).await;
    Ok(boot)
}

#[tauri::command]
pub async fn list_profiles(state: State<'_, AppState>) -> Result<ProfileList> {
    state.session.profiles().await
}

#[tauri::command]
pub async fn reload_profiles<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<ProfileList> {
    state.session.reload();
    let list = state.session.profiles().await?;
    crate::menu::refresh(&app).await;
    Ok(list)
}

#[tauri::command]
pub async fn select_profile<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, name: String) -> Result<ConnectionInfo> {
    let overrides = state.settings().profile(&name).overrides;
    let info = state.session.select(&name, overrides).await?;
    let mut s = state.settings();
    if s.active_profile.as_deref() != Some(&name) {
        s.active_profile = Some(name);
        state.store.save(&s)?;
        *state.settings.write().unwrap() = s;
    }
    crate::menu::refresh(&app).await;
    Ok(info)
}

#[tauri::command]
pub async fn current_session(state: State<'_, AppState>) -> Result<Option<ConnectionInfo>> {
    state.session.active_info().await
}

#[tauri::command]
pub async fn list_buckets(state: State<'_, AppState>) -> Result<Vec<BucketInfo>> {
    let conn = state.session.active()?;
    listing::list_buckets(&conn).await
}

/// Streams the pages of one prefix over `on_page`; a newer listing stops this one. Returns the count.
#[tauri::command]
pub async fn list_prefix(state: State<'_, AppState>, bucket: String, prefix: String, on_page: Channel<ListPage>) -> Result<u32> {
    let conn = state.session.active()?;
    let generation = state.listing_generation.fetch_add(1, Ordering::SeqCst) + 1;
    let current = &state.listing_generation;
    listing::list_prefix(&conn, &bucket, &prefix, listing::DEFAULT_PAGE_SIZE, |page| {
        current.load(Ordering::SeqCst) == generation && on_page.send(page).is_ok()
    })
    .await
}

#[tauri::command]
pub async fn head_object(state: State<'_, AppState>, bucket: String, key: String) -> Result<ObjectMeta> {
    let conn = state.session.active()?;
    listing::head_object(&conn, &bucket, &key).await
}

/// An inline GET URL for the preview pane, living as long as the preview setting says.
#[tauri::command]
pub async fn presign_preview(state: State<'_, AppState>, bucket: String, key: String, content_type: Option<String>) -> Result<Presigned> {
    let secs = state.settings().expiry.preview_secs;
    let conn = state.session.active()?;
    presign::presign_get(&conn, &bucket, &key, &Disposition::Inline, content_type.as_deref(), secs).await
}

/// A link to share or download; `expires_secs` defaults to the share setting and is clamped.
#[tauri::command]
pub async fn presign_share(
    state: State<'_, AppState>,
    bucket: String,
    key: String,
    expires_secs: Option<u64>,
    attachment: bool,
) -> Result<Presigned> {
    let secs = expires_secs.unwrap_or(state.settings().expiry.share_secs);
    let disposition = if attachment {
        Disposition::Attachment {
            filename: key.rsplit('/').next().unwrap_or(&key).to_owned(),
        }
    } else {
        Disposition::Inline
    };
    let conn = state.session.active()?;
    presign::presign_get(&conn, &bucket, &key, &disposition, None, secs).await
}

/// Deletes through a presigned DELETE; the window asks for confirmation first.
#[tauri::command]
pub async fn delete_object(state: State<'_, AppState>, bucket: String, key: String) -> Result<()> {
    let conn = state.session.active()?;
    bucketlens_core::objects::delete_object(&conn, &bucket, &key, state.settings().expiry.delete_secs).await
}

/// The type from the object's first bytes, for objects stored without a useful Content-Type.
#[tauri::command]
pub async fn sniff_type(state: State<'_, AppState>, bucket: String, key: String) -> Result<Detected> {
    let conn = state.session.active()?;
    bucketlens_core::objects::sniff_type(&conn, &bucket, &key).await
}

/// Opens an http(s) URL (a presigned link) with the system's browser or download handler.
#[tauri::command]
pub fn open_url<R: Runtime>(app: AppHandle<R>, url: String) -> Result<()> {
    use tauri_plugin_opener::OpenerExt;
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(Error::invalid_input("only http(s) links can be opened"));
    }
    app.opener().open_url(url, None::<&str>).map_err(|e| Error::internal(e.to_string()))
}

/// Puts text (a link) on the system clipboard.
#[tauri::command]
pub fn copy_text<R: Runtime>(app: AppHandle<R>, text: String) -> Result<()> {
    use tauri_plugin_clipboard_manager::ClipboardExt;
    app.clipboard().write_text(text).map_err(|e| Error::internal(e.to_string()))
}

/// Settings → Test connection with the overrides being edited (nothing is switched or saved).
#[tauri::command]
pub async fn test_connection(
    state: State<'_, AppState>,
    name: String,
    overrides: Overrides,
    default_bucket: Option<String>,
) -> Result<ConnectionTest> {
    state.session.test(&name, overrides, default_bucket.as_deref()).await
}

/// Runs `aws sso login --profile NAME` when the AWS CLI is installed; otherwise says what to run.
#[tauri::command]
pub async fn sso_login(profile: String) -> Result<SignInOutcome> {
    bucketlens_core::signin::sso_login(&profile).await
}

/// "Try the demo bucket" from the first-run screen: starts the embedded server and selects its profile.
#[tauri::command]
pub async fn start_demo<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<ConnectionInfo> {
    state.start_demo().await?;
    let info = state
        .session
        .select(bucketlens_core::demo::DEMO_PROFILE, Overrides::default())
        .await?;
    crate::menu::refresh(&app).await;
    Ok(info)
}

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Settings {
    state.settings()
}

#[tauri::command]
pub fn validate_settings(settings: Settings) -> Vec<FieldError> {
    settings.validate()
}

/// Validates and saves atomically; nothing is saved while any field is invalid.
#[tauri::command]
pub async fn save_settings<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    state.store.save(&settings)?;
    *state.settings.write().unwrap() = settings.clone();
    crate::menu::refresh(&app).await;
    Ok(settings)
}

#[tauri::command]
pub fn parse_location(input: String) -> Result<S3Location> {
    s3url::parse(&input)
}
