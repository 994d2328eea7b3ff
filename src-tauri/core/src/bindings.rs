//! Generates `ui/src/ipc/bindings.ts` from the Rust types and the command contract (`ipc/contract.rs`), and
//! fails when the committed file is stale.

use ts_rs::{Config, TS};

macro_rules! decls {
    ($cfg:expr; $($t:ty),* $(,)?) => {{
        let mut out = String::new();
        $( out.push_str(&format!("export {}\n\n", <$t as TS>::decl($cfg))); )*
        out
    }};
}

/// One `name: { request; response; channel }` line per declared command.
macro_rules! command_map {
    ($( $(#[$meta:meta])* $name:ident ($req:ty $(, channel $chan:ty)?) -> $res:ty; )*) => {
        fn command_map(cfg: &Config) -> String {
            let mut out = String::new();
            $(
                let channel: Option<String> = None $(.or(Some(<$chan as TS>::name(cfg))))?;
                out.push_str(&format!(
                    "  {}: {{ request: {}; response: {}; channel: {} }};\n",
                    stringify!($name),
                    <$req as TS>::name(cfg),
                    <$res as TS>::name(cfg),
                    channel.as_deref().unwrap_or("never"),
                ));
            )*
            out
        }
    };
}
crate::with_commands!(command_map);

fn generate() -> String {
    use crate::*;
    let cfg = &Config::new().with_large_int("number");
    let body = decls!(cfg;
        error::ErrorKind, error::ErrorPayload,
        profiles::ProfileKind, profiles::ProfileInfo, profiles::ProfileList,
        client::Overrides, client::ConnectionInfo,
        listing::BucketInfo, listing::FolderEntry, listing::ObjectEntry, listing::ObjectMeta,
        columns::ObjectColumns, columns::ColumnPage,
        presign::HeaderPair, presign::Presigned, preview::Viewer, preview::CardReason, preview::Preview,
        preview::TextBody, preview::TableBody,
        settings::Language, settings::Theme, settings::ProfileSettings, settings::ProfileColor, settings::ExpirySettings,
        settings::UploadSettings, settings::SearchSettings, settings::GallerySettings, settings::Settings, settings::FieldError, settings::NoticeKey, settings::Notice,
        mime::TypeSource, mime::Detected, upload::UploadOutcome, upload::Conflict, s3url::S3Location,
        ipc::Bootstrap, ipc::UpdateInfo, ipc::ConnectionTest, ipc::TestOperation, ipc::MenuAction, sso_device::DeviceCode, mfa::MfaRequest, mfa::MfaAnswer, profile_writer::NewProfile, sso_accounts::SsoDiscoverRequest, sso_accounts::SsoRole,
        ipc::UploadState, ipc::UploadEvent, upload::ScanItem, upload::SkipReason, upload::Skipped, upload::ScanResult,
        ipc::ObjectRef, ipc::DeleteObjectRequest, ipc::SelectProfileRequest, ipc::ListPrefixRequest,
        ipc::PresignShareRequest, ipc::ParseLocationRequest, ipc::OpenUrlRequest, ipc::CopyTextRequest,
        ipc::TestConnectionRequest, ipc::SsoLoginRequest, ipc::ScanPathsRequest, ipc::CheckExistingRequest,
        ipc::UploadItem, ipc::StartUploadRequest, ipc::CancelUploadRequest, ipc::PendingUploadRequest, ipc::ResumeUploadRequest, ipc::CheckUploadTimeRequest, upload::lifetime::LifetimeWarning,
        upload::DonePart, upload::EntryState, upload::Entry,
        search::SearchQuery, search::FileKind, search::SearchPage, ipc::SearchRequest, s3url::AppLink,
        share::SharedLink, share::IssuedLink, ipc::ShareObjectsRequest, ipc::BucketRequest, ipc::KeepThumbnailRequest,
        places::Place, places::Bookmark, places::Places, places::Visit, places::BookmarkEdit,
    );
    let kinds: Vec<String> = error::ErrorKind::ALL.iter().map(|k| format!("\"{}\"", k.name())).collect();
    format!(
        "// Generated from the Rust types by `cargo test -p bucketlens-core bindings` (UPDATE_BINDINGS=1 rewrites it).\n\
         // Do not edit by hand.\n\n{body}\
         export const ERROR_KINDS: readonly ErrorKind[] = [{}];\n\n\
         /** Every IPC command (src-tauri/core/src/ipc/contract.rs): its request, response and channel message. */\n\
         export type Commands = {{\n{}}};\n\n\
         export type CommandName = keyof Commands;\n",
        kinds.join(", "),
        command_map(cfg)
    )
}

#[test]
fn bindings_are_fresh() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/bindings.ts");
    let want = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/ipc/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p bucketlens-core bindings`"
    );
}
