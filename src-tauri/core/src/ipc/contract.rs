//! The IPC surface, declared once: every command the window may call, with its request, its response and,
//! for streaming commands, what its channel carries. The shell's handler list, `build.rs`'s permission
//! list and the window's typed `Commands` map (`ui/src/ipc/bindings.ts`) are all generated from it.
//!
//! Grammar: `name(Request) -> Response;` or `name(Request, channel Message) -> Response;`. A command that
//! takes nothing has the request `()`. The shell's build script reads the names from this file's text, so
//! keep one command per line, starting with its name.

/// Calls `$callback!` with the list of commands (see the module's grammar).
#[macro_export]
macro_rules! with_commands {
    ($callback:ident) => {
        $callback! {
            /// Everything the window needs for its first frame (waits for start-up).
            bootstrap(()) -> $crate::ipc::Bootstrap;
            list_profiles(()) -> $crate::profiles::ProfileList;
            /// Forgets cached clients and reads the AWS files again.
            reload_profiles(()) -> $crate::profiles::ProfileList;
            select_profile($crate::ipc::SelectProfileRequest) -> $crate::client::ConnectionInfo;
            current_session(()) -> Option<$crate::client::ConnectionInfo>;
            list_buckets(()) -> Vec<$crate::listing::BucketInfo>;
            /// Streams the pages of one prefix, objects in columns; a newer listing stops this one. Returns the entry count.
            list_prefix($crate::ipc::ListPrefixRequest, channel $crate::columns::ColumnPage) -> u32;
            /// Finds objects at every depth under a prefix by name and filters; each page's hits and the count of
            /// keys read arrive on the channel. A newer search or `stop_search` stops it. Returns the last totals.
            search_objects($crate::ipc::SearchRequest, channel $crate::search::SearchPage) -> $crate::search::SearchPage;
            stop_search(()) -> ();
            /// An object's facts and, for a PDF or an image, an inline link signed with the type it is served as.
            preview_object($crate::ipc::ObjectRef) -> $crate::preview::Preview;
            /// A PDF's first page as the window drew it (the gallery), kept as that version's thumbnail.
            keep_thumbnail($crate::ipc::KeepThumbnailRequest) -> ();
            /// A link for a browser: inline only for PDFs and raster images, a download otherwise.
            presign_share($crate::ipc::PresignShareRequest) -> $crate::presign::Presigned;
            /// Links to several files of one folder, each with its real expiry; recorded in the issued-links record.
            share_objects($crate::ipc::ShareObjectsRequest) -> Vec<$crate::share::SharedLink>;
            /// Every link this app issued (without the links themselves), newest first.
            issued_links(()) -> Vec<$crate::share::IssuedLink>;
            /// The app link to a folder or file for the active profile (`bucketlens://open?url=s3://…&profile=…`).
            app_link($crate::ipc::ObjectRef) -> String;
            /// The profiles whose current credentials can read a bucket (for a link that names none the person has).
            readable_profiles($crate::ipc::BucketRequest) -> Vec<String>;
            /// The active profile's bookmarks and recent places.
            get_places(()) -> $crate::places::Places;
            /// Records that a folder was opened; returns when it was opened before.
            visit_place($crate::places::Place) -> $crate::places::Visit;
            edit_bookmarks($crate::places::BookmarkEdit) -> $crate::places::Places;
            get_settings(()) -> $crate::settings::Settings;
            save_settings($crate::settings::Settings) -> $crate::settings::Settings;
            validate_settings($crate::settings::Settings) -> Vec<$crate::settings::FieldError>;
            parse_location($crate::ipc::ParseLocationRequest) -> $crate::s3url::S3Location;
            delete_object($crate::ipc::DeleteObjectRequest) -> ();
            open_url($crate::ipc::OpenUrlRequest) -> ();
            copy_text($crate::ipc::CopyTextRequest) -> ();
            test_connection($crate::ipc::TestConnectionRequest) -> $crate::ipc::ConnectionTest;
            /// SSO sign-in inside the app: the code to confirm arrives on the channel (the page opens in the
            /// browser); returns once the sign-in is saved. A newer sign-in or `cancel_sso_login` stops it.
            sso_login($crate::ipc::SsoLoginRequest, channel $crate::sso_device::DeviceCode) -> ();
            cancel_sso_login(()) -> ();
            /// Adds a profile to the AWS files (as `aws configure` would; an existing name is refused) and
            /// returns the new list.
            add_profile($crate::profile_writer::NewProfile) -> $crate::profiles::ProfileList;
            /// For a new SSO profile: signs in to its start URL (the code arrives on the channel, the page opens
            /// in the browser) and lists the accounts and roles to pick from. `cancel_sso_login` stops it.
            sso_discover($crate::sso_accounts::SsoDiscoverRequest, channel $crate::sso_device::DeviceCode) -> Vec<$crate::sso_accounts::SsoRole>;
            /// The window listens for MFA questions (a role profile with `mfa_serial` needs a code); questions
            /// asked before it listened arrive at once.
            watch_mfa((), channel $crate::mfa::MfaRequest) -> ();
            /// The code for one question, or none to cancel it; false when the question is no longer open.
            answer_mfa($crate::mfa::MfaAnswer) -> bool;
            start_demo(()) -> $crate::client::ConnectionInfo;
            scan_paths($crate::ipc::ScanPathsRequest) -> $crate::upload::ScanResult;
            check_existing($crate::ipc::CheckExistingRequest) -> Vec<String>;
            /// Whether uploads of this many bytes may outlast the sign-in (asked before they start).
            check_upload_time($crate::ipc::CheckUploadTimeRequest) -> Option<$crate::upload::lifetime::LifetimeWarning>;
            /// Queues uploads under the window's row ids (all or none); progress arrives on the channel.
            start_upload($crate::ipc::StartUploadRequest, channel $crate::ipc::UploadEvent) -> ();
            cancel_upload($crate::ipc::CancelUploadRequest) -> bool;
            /// Multipart uploads a crash, a kill or a quit left unfinished (the journal), after sweeping away
            /// half-created ones.
            pending_uploads(()) -> Vec<$crate::upload::Entry>;
            /// Resumes one as a new upload row; progress arrives on the channel.
            resume_upload($crate::ipc::ResumeUploadRequest, channel $crate::ipc::UploadEvent) -> ();
            /// Aborts one on the server and forgets it.
            discard_upload($crate::ipc::PendingUploadRequest) -> ();
            pick_files(()) -> Vec<String>;
            check_update(()) -> Option<$crate::ipc::UpdateInfo>;
            install_update(()) -> ();
        }
    };
}
