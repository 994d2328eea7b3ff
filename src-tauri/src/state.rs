//! What the running app holds: the core session, the settings, the demo server, start-up results.

use bucketlens_core::ipc::Bootstrap;
use bucketlens_core::paths::AppPaths;
use bucketlens_core::profiles::AwsFiles;
use bucketlens_core::session::Session;
use bucketlens_core::settings::{Notice, Settings, SettingsOwner};
use bucketlens_core::{Error, Result};
use bucketlens_demo::{DemoServer, DEMO_BUCKET, DEMO_PROFILE};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::Mutex;

/// How long the window's first question waits for the remembered folder's first page (listed since the
/// profile connected): longer, and a slow bucket would hold up the whole window instead of only its list.
const FIRST_PAGE_WAIT: std::time::Duration = std::time::Duration::from_millis(400);

/// How the app was started.
#[derive(Debug, Clone, Default)]
pub struct LaunchOptions {
    pub demo: bool,
    pub paths: Option<AppPaths>,
    /// The place named on the command line (`s3://…` or a `bucketlens://open?…` link), for the window's first frame.
    pub open: Option<bucketlens_core::ipc::MenuAction>,
}

impl LaunchOptions {
    /// `--demo` or `BUCKETLENS_DEMO=1` starts the embedded demo server.
    pub fn from_env() -> Self {
        let demo = std::env::args().any(|a| a == "--demo") || std::env::var("BUCKETLENS_DEMO").is_ok_and(|v| v == "1" || v == "true");
        let args: Vec<String> = std::env::args().collect();
        Self {
            demo,
            paths: None,
            open: crate::instance::location_in(&args),
        }
    }
}

pub struct AppState {
    pub session: Session,
    /// The settings: read from memory, changed (validated, saved, swapped) only through the owner.
    pub settings: SettingsOwner,
    pub paths: AppPaths,
    pub options: LaunchOptions,
    /// Bumped by every new listing, so an older listing stops when the user moves on.
    pub listing_generation: AtomicU64,
    /// Bumped by every new search and by `stop_search`: a search whose number is no longer current stops.
    pub search_generation: AtomicU64,
    /// The remembered folder's first page, listed at start-up while WebKit starts (taken by `list_prefix`).
    pub ahead: bucketlens_core::ahead::ListingAhead,
    pub uploads: std::sync::Arc<bucketlens_core::upload::UploadQueue>,
    /// What the window was handed (dropped paths, scanned files, minted links).
    pub grants: crate::grants::Grants,
    /// Set to stop the running scan when a newer one starts.
    pub scan_cancel: Mutex<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// Stops the SSO sign-in that is waiting for its code to be confirmed.
    pub sign_in_cancel: Mutex<tokio_util::sync::CancellationToken>,
    /// Where role profiles with an MFA device ask the window for the code.
    pub mfa: std::sync::Arc<crate::mfa_prompt::WindowPrompt>,
    /// Bookmarks, recent places and last visits, per profile (`places.json` in the settings folder).
    pub places: bucketlens_core::places::PlacesStore,
    /// The record of issued share links (in the data folder).
    pub links: bucketlens_core::share::LinkRecord,
    /// Set when the app runs with a native menu (not on the mock runtime of the tests).
    pub native_menu: AtomicBool,
    notices: Mutex<Vec<Notice>>,
    demo_server: Mutex<Option<DemoServer>>,
    ready: tokio::sync::OnceCell<(Option<Error>, Option<Error>)>,
}

impl AppState {
    /// The journal of multipart uploads, in the data folder.
    pub fn journal(&self) -> bucketlens_core::upload::Journal {
        bucketlens_core::upload::Journal::new(&self.paths.data_dir)
    }

    /// Uploads paused by the active profile's expired sign-in continue (they pause again if it still is).
    pub fn resume_signed_in(&self) {
        if let Ok(conn) = self.session.active() {
            let n = self.uploads.signed_in(conn.target.label());
            if n > 0 {
                tracing::info!(n, "uploads paused by an expired sign-in continue");
            }
        }
    }

    pub fn new(options: LaunchOptions) -> Self {
        let paths = options.paths.clone().unwrap_or_else(AppPaths::resolve);
        let (settings, notice) = SettingsOwner::open(&paths.config_dir);
        let session = Session::new(AwsFiles::default());
        let mfa = std::sync::Arc::new(crate::mfa_prompt::WindowPrompt::default());
        session.set_mfa_prompt(mfa.clone());
        Self {
            places: bucketlens_core::places::PlacesStore::new(&paths.config_dir),
            links: bucketlens_core::share::LinkRecord::new(&paths.data_dir),
            session,
            mfa,
            settings,
            paths,
            options,
            listing_generation: AtomicU64::new(0),
            search_generation: AtomicU64::new(0),
            ahead: Default::default(),
            native_menu: AtomicBool::new(false),
            uploads: Default::default(),
            grants: Default::default(),
            scan_cancel: Default::default(),
            sign_in_cancel: Default::default(),
            notices: Mutex::new(notice.into_iter().collect()),
            demo_server: Mutex::new(None),
            ready: tokio::sync::OnceCell::new(),
        }
    }

    pub fn settings(&self) -> Settings {
        self.settings.get()
    }

    /// Where `profile` opens, as the window reads it too: its default bucket and folder.
    fn home(&self, profile: &str) -> Option<(String, String)> {
        let p = self.settings().profile(profile);
        Some((p.default_bucket?, p.default_prefix.unwrap_or_default()))
    }

    /// Starts the demo server if asked, then selects the remembered (or default) profile. Runs once.
    async fn start(&self) -> (Option<Error>, Option<Error>) {
        if self.options.demo {
            if let Err(e) = self.start_demo().await {
                tracing::error!(error = %e, "demo server failed to start");
                return (None, Some(e));
            }
        }
        let list = match self.session.profiles().await {
            Ok(l) => l,
            Err(e) => return (Some(e), None),
        };
        let remembered = self
            .settings()
            .active_profile
            .filter(|p| list.profiles.iter().any(|i| &i.name == p));
        let pick = if self.options.demo {
            Some(DEMO_PROFILE.to_owned())
        } else {
            remembered.or(list.default_profile.clone())
        };
        let Some(name) = pick else { return (None, None) };
        let overrides = self.settings().profile(&name).overrides;
        match self.session.select(&name, overrides).await {
            Ok(_) => {
                // The window opens on this place: its first page is on the way before the window asks.
                if let (Some((bucket, prefix)), Ok(conn)) = (self.home(&name), self.session.active()) {
                    self.ahead
                        .start(conn, &bucket, &prefix, bucketlens_core::listing::DEFAULT_PAGE_SIZE);
                }
                (None, None)
            }
            Err(e) => (None, Some(e)),
        }
    }

    /// Starts the embedded demo server (once) and adds its profile to the session.
    pub async fn start_demo(&self) -> Result<()> {
        if self.demo_running() {
            return Ok(());
        }
        let server = bucketlens_demo::start_seeded(&self.paths.demo_dir(), 0, true).await?;
        self.session.add_profile(server.endpoint.profile(), server.endpoint.target());
        self.settings.update_unsaved(|s| {
            s.profiles.entry(DEMO_PROFILE.to_owned()).or_default().default_bucket = Some(DEMO_BUCKET.to_owned());
        });
        *self.demo_server.lock().unwrap() = Some(server);
        Ok(())
    }

    pub fn demo_running(&self) -> bool {
        self.demo_server.lock().unwrap().is_some()
    }

    /// Runs start-up (the demo server, the remembered profile's connection) without waiting for the window to
    /// ask: the app calls it as it builds the window, so the profile is ready when the page's script first runs.
    /// Returns what start-up reported: the profile list's error and the remembered profile's.
    pub async fn warm_up(&self) -> &(Option<Error>, Option<Error>) {
        self.ready.get_or_init(|| self.start()).await
    }

    /// Waits for start-up, then describes the app for the window's first frame.
    pub async fn bootstrap(&self) -> Bootstrap {
        let (profiles_error, active_error) = self.warm_up().await.clone();
        let (profiles, profiles_error) = match self.session.profiles().await {
            Ok(p) => (p, profiles_error),
            Err(e) => (Default::default(), Some(e)),
        };
        let (active, active_error) = match self.session.active_info().await {
            Ok(a) => (a, active_error),
            Err(e) => (None, Some(e)),
        };
        let home = active.as_ref().and_then(|info| self.home(&info.profile));
        let first_page = match (home, self.session.active()) {
            (Some((bucket, prefix)), Ok(conn)) => self
                .ahead
                .first_page(&conn, &bucket, &prefix, FIRST_PAGE_WAIT)
                .await
                .map(Into::into),
            _ => None,
        };
        Bootstrap {
            first_page,
            launch: self.options.open.clone(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            profiles,
            profiles_error,
            active,
            active_error,
            settings: self.settings(),
            notices: std::mem::take(&mut *self.notices.lock().unwrap()),
            demo: self.demo_running(),
            log_dir: self.paths.log_dir.display().to_string(),
            system_locale: bucketlens_core::settings::system_locale(),
        }
    }
}
