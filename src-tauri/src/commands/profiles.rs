//! Commands about who the app is talking to: start-up, the profile list, switching, testing, signing in.

use crate::state::AppState;
use bucketlens_core::client::{ConnectionInfo, Overrides};
use bucketlens_core::ipc::{Bootstrap, ConnectionTest, SelectProfileRequest, SsoLoginRequest, TestConnectionRequest};
use bucketlens_core::profiles::ProfileList;
use bucketlens_core::signin::SignInOutcome;
use bucketlens_core::Result;
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

/// Runs `aws sso login --profile NAME` when the AWS CLI is installed; otherwise says what to run.
#[tauri::command]
pub async fn sso_login(state: State<'_, AppState>, request: SsoLoginRequest) -> Result<SignInOutcome> {
    let outcome = bucketlens_core::signin::sso_login(&request.profile).await?;
    if outcome.cli_found {
        state.uploads.signed_in(&request.profile);
    }
    Ok(outcome)
}

/// "Try the demo bucket" from the first-run screen: starts the embedded server and selects its profile.
#[tauri::command]
pub async fn start_demo<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<ConnectionInfo> {
    state.start_demo().await?;
    let info = state.session.select(bucketlens_demo::DEMO_PROFILE, Overrides::default()).await?;
    crate::menu::refresh(&app).await;
    Ok(info)
}
