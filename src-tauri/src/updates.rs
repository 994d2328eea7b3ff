//! Updates: asks the release feed whether a newer signed release exists, and installs it only when the person
//! says so. The feed and the public key come from `tauri.conf.json` (`plugins.updater`). An organisation may
//! point `BUCKETLENS_UPDATE_URL` at its own mirror (https only); the artifact's signature is still checked
//! against the key built into the app, and must name the version the feed announces (no downgrades).

use std::sync::Mutex;
use std::time::Duration;

use bucketlens_core::error::Detail;
use bucketlens_core::ipc::UpdateInfo;
use bucketlens_core::{Error, Result};
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Update, UpdaterBuilder, UpdaterExt};

/// The update the last check found: the only one `install_update` will install (the window names none).
#[derive(Default)]
pub struct Pending(Mutex<Option<Update>>);

/// The updater as configured, with the organisation's mirror if `BUCKETLENS_UPDATE_URL` names one.
pub fn builder<R: Runtime>(app: &AppHandle<R>) -> Result<UpdaterBuilder> {
    let mut builder = app.updater_builder().timeout(Duration::from_secs(30));
    if let Some(mirror) = std::env::var("BUCKETLENS_UPDATE_URL").ok().filter(|u| !u.is_empty()) {
        builder = builder.endpoints(vec![mirror_url(&mirror)?]).map_err(from_updater)?;
    }
    Ok(builder)
}

/// An organisation's update mirror: an https URL, nothing else.
pub fn mirror_url(mirror: &str) -> Result<url::Url> {
    url::Url::parse(mirror)
        .ok()
        .filter(|u| u.scheme() == "https" && u.host_str().is_some())
        .ok_or_else(|| Error::invalid_input(format!("BUCKETLENS_UPDATE_URL must be an https URL, not {mirror}")))
}

/// Asks the feed; remembers what it offers for `install`.
pub async fn check(builder: UpdaterBuilder, pending: &Pending) -> Result<Option<UpdateInfo>> {
    let found = builder.build().map_err(from_updater)?.check().await.map_err(from_updater)?;
    let info = found.as_ref().map(|u| UpdateInfo {
        version: u.version.clone(),
        current: u.current_version.clone(),
        date: u.date.and_then(|d| d.format(&time::format_description::well_known::Rfc3339).ok()),
        notes: u.body.clone(),
    });
    *pending.0.lock().expect("update lock") = found;
    Ok(info)
}

/// Downloads the offered update and checks its signature (and the version it was signed for).
pub async fn download(pending: &Pending) -> Result<(Update, Vec<u8>)> {
    let update = pending.0.lock().expect("update lock").clone();
    let update = update.ok_or_else(|| Error::invalid_input("no update is on offer: check for updates first"))?;
    let bytes = update.download(|_, _| {}, || {}).await.map_err(from_updater)?;
    Ok((update, bytes))
}

/// Installs verified bytes (the app restarts afterwards).
pub fn install(update: &Update, bytes: &[u8]) -> Result<()> {
    update.install(bytes).map_err(from_updater)
}

/// The updater's failures as BucketLens errors: a bad signature or a feed that lies is `UpdateRejected`.
pub fn from_updater(e: tauri_plugin_updater::Error) -> Error {
    use tauri_plugin_updater::Error as U;
    let message = e.to_string();
    match e {
        U::Minisign(_) | U::Base64(_) | U::SignatureUtf8(_) => {
            Error::UpdateRejected(Detail::msg(format!("the update's signature does not verify: {message}")))
        }
        U::Reqwest(_) | U::Network(_) => Error::Network(Detail::msg(format!("the update feed: {message}"))),
        U::ReleaseNotFound | U::Serialization(_) | U::Semver(_) | U::TargetNotFound(_) | U::TargetsNotFound(_) => {
            Error::UpdateRejected(Detail::msg(format!("the update feed's answer is not usable: {message}")))
        }
        U::Io(err) => Error::io("installing the update", err),
        U::EmptyEndpoints => Error::invalid_input(
            "this build has no update feed (none was set when it was built): download new releases from the project's page",
        ),
        U::UrlParse(_) => Error::invalid_input(format!("the update feed: {message}")),
        _ => Error::UpdateRejected(Detail::msg(message)),
    }
}
