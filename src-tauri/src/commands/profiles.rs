//! Commands about who the app is talking to: start-up, the profile list, switching, testing, signing in.

use crate::state::AppState;
use bucketlens_core::client::{ConnectionInfo, Overrides};
use bucketlens_core::ipc::{Bootstrap, ConnectionTest, SelectProfileRequest, SsoLoginRequest, TestConnectionRequest};
use bucketlens_core::profiles::ProfileList;
use bucketlens_core::sso_device::{self, DeviceCode};
use bucketlens_core::{Error, Result};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

/// The window's first question. The menu is not rebuilt here: start-up installs it (`warm_up` in lib.rs) while
/// the page loads, so the first list does not wait for dozens of menu items made on the main thread.
#[tauri::command]
pub async fn bootstrap<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Bootstrap> {
    let boot = state.bootstrap().await;
    crate::menu::apply_theme(&app, boot.settings.theme);
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
    // Someone may have signed in outside the app: uploads paused by an expired sign-in try again.
    state.resume_signed_in();
    crate::menu::refresh(&app).await;
    Ok(list)
}

#[tauri::command]
pub async fn select_profile<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: SelectProfileRequest,
) -> Result<ConnectionInfo> {
    let name = request.name;
    let overrides = state.settings().profile(&name).overrides;
    let info = state.session.select(&name, overrides).await?;
    state.settings.update(|s| s.active_profile = Some(name))?;
    crate::menu::refresh(&app).await;
    state.resume_signed_in();
    Ok(info)
}

#[tauri::command]
pub async fn current_session(state: State<'_, AppState>) -> Result<Option<ConnectionInfo>> {
    state.session.active_info().await
}

/// Settings → Test connection with the overrides being edited (nothing is switched or saved).
#[tauri::command]
pub async fn test_connection(state: State<'_, AppState>, request: TestConnectionRequest) -> Result<ConnectionTest> {
    let TestConnectionRequest {
        name,
        overrides,
        default_bucket,
    } = request;
    state.session.test(&name, overrides, default_bucket.as_deref()).await
}

/// Signs an SSO profile in, inside the app: the code goes to the window and its page opens in the system
/// browser; the token is saved where the AWS CLI keeps it. Uploads paused by the expired sign-in continue.
#[tauri::command]
pub async fn sso_login<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: SsoLoginRequest,
    channel: Channel<DeviceCode>,
) -> Result<()> {
    let (cancel, cache) = begin_sign_in(&state)?;
    let st = state.inner();
    let show = |code: DeviceCode| show_code(&app, st, &channel, code);
    sso_device::sign_in(state.session.files(), &request.profile, &cache, show, &cancel).await?;
    // Clients built before hold the old sign-in's providers: the next use builds them again.
    state.session.reload();
    state.uploads.signed_in(&request.profile);
    Ok(())
}

/// Starts a sign-in (stopping any other) and says where its token goes.
fn begin_sign_in(state: &AppState) -> Result<(tokio_util::sync::CancellationToken, std::path::PathBuf)> {
    let cancel = tokio_util::sync::CancellationToken::new();
    std::mem::replace(&mut *state.sign_in_cancel.lock().unwrap(), cancel.clone()).cancel();
    let cache =
        bucketlens_core::upload::lifetime::sso_cache_dir().ok_or_else(|| Error::internal("no home folder to keep the sign-in in"))?;
    Ok((cancel, cache))
}

/// Shows a sign-in code: its page opens in the system browser (https only), the window gets the code either way.
fn show_code<R: Runtime>(app: &AppHandle<R>, state: &AppState, channel: &Channel<DeviceCode>, code: DeviceCode) {
    let page = code
        .verification_uri_complete
        .clone()
        .unwrap_or_else(|| code.verification_uri.clone());
    if page.starts_with("https://") {
        use tauri_plugin_opener::OpenerExt;
        state.grants.allow_link(&page);
        if let Err(e) = app.opener().open_url(page, None::<&str>) {
            tracing::warn!(error = %e, "could not open the sign-in page");
        }
    }
    let _ = channel.send(code);
}

/// Signs in to a new SSO profile's start URL and lists its accounts and roles (the add-profile dialog).
#[tauri::command]
pub async fn sso_discover<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: bucketlens_core::sso_accounts::SsoDiscoverRequest,
    channel: Channel<DeviceCode>,
) -> Result<Vec<bucketlens_core::sso_accounts::SsoRole>> {
    let (cancel, cache) = begin_sign_in(&state)?;
    let st = state.inner();
    let show = |code: DeviceCode| show_code(&app, st, &channel, code);
    bucketlens_core::sso_accounts::discover(state.session.files(), &request, &cache, show, &cancel).await
}

/// Stops the sign-in that is waiting for confirmation.
#[tauri::command]
pub fn cancel_sso_login(state: State<'_, AppState>) {
    state.sign_in_cancel.lock().unwrap().cancel();
}

/// Adds a profile from the add-profile dialog to the user's AWS files; the list is read again.
#[tauri::command]
pub async fn add_profile<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: bucketlens_core::profile_writer::NewProfile,
) -> Result<ProfileList> {
    bucketlens_core::profile_writer::add_profile(state.session.files(), &request)?;
    state.session.reload();
    crate::menu::refresh(&app).await;
    state.session.profiles().await
}

/// The window's channel for MFA questions.
#[tauri::command]
pub fn watch_mfa(state: State<'_, AppState>, channel: Channel<bucketlens_core::mfa::MfaRequest>) {
    state.mfa.watch(channel);
}

/// The window's answer to one MFA question (a code is checked by the core before anything is sent).
#[tauri::command]
pub fn answer_mfa(state: State<'_, AppState>, request: bucketlens_core::mfa::MfaAnswer) -> bool {
    state.mfa.answer(&request.id, request.code)
}

/// "Try the demo bucket" from the first-run screen: starts the embedded server and selects its profile.
#[tauri::command]
pub async fn start_demo<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<ConnectionInfo> {
    state.start_demo().await?;
    let info = state.session.select(bucketlens_demo::DEMO_PROFILE, Overrides::default()).await?;
    crate::menu::refresh(&app).await;
    Ok(info)
}
