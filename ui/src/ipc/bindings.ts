// Generated from the Rust types by `cargo test -p bucketlens-core bindings` (UPDATE_BINDINGS=1 rewrites it).
// Do not edit by hand.

export type ErrorKind = "NoCredentials" | "ProfileNotFound" | "InvalidProfile" | "AccessDenied" | "InvalidAccessKey" | "NoSuchBucket" | "NoSuchKey" | "ExpiredToken" | "SsoLoginRequired" | "MfaRejected" | "SignatureMismatch" | "ExpiredUrl" | "ClockSkew" | "Network" | "TlsUntrusted" | "Throttled" | "AlreadyExists" | "PreconditionFailed" | "InvalidInput" | "UnsupportedType" | "Cancelled" | "Io" | "FileChanged" | "UpdateRejected" | "Internal";

export type ErrorPayload = { kind: ErrorKind, message: string, messageKey: string, nextStep: string, profile?: string, bucket?: string, key?: string, };

export type ProfileKind = "static" | "sso" | "credentialProcess" | "assumeRole" | "webIdentity" | "demo" | "other";

export type ProfileInfo = { name: string, kind: ProfileKind, region: string | null, endpointUrl: string | null, };

export type ProfileList = { profiles: Array<ProfileInfo>, defaultProfile: string | null, };

export type Overrides = { region: string | null, endpointUrl: string | null, pathStyle: boolean | null, };

export type ConnectionInfo = { profile: string, region: string, endpointUrl: string | null, pathStyle: boolean, 
/**
 * True for SSO, role and session-token credentials.
 */
temporary: boolean, 
/**
 * When the current credentials stop working, as Unix milliseconds.
 */
credentialsExpireAt: number | null, };

export type BucketInfo = { name: string, 
/**
 * RFC 3339.
 */
created: string | null, };

export type FolderEntry = { 
/**
 * The full prefix, ending in the delimiter.
 */
prefix: string, 
/**
 * The last segment, without the delimiter.
 */
name: string, };

export type ObjectEntry = { key: string, 
/**
 * The key without the listed prefix.
 */
name: string, size: number, 
/**
 * RFC 3339.
 */
lastModified: string | null, etag: string | null, storageClass: string | null, 
/**
 * What the name says the file is (its extension); the window's icons and viewer steps use it.
 */
kind: FileKind | null, };

export type ObjectMeta = { bucket: string, key: string, size: number, contentType: string | null, lastModified: string | null, etag: string | null, storageClass: string | null, metadata: { [key in string]: string }, };

export type ObjectColumns = { 
/**
 * Every object's name (its key without the listed prefix), one after another with nothing between.
 */
names: string, 
/**
 * Where each name ends in `names`, counted in UTF-16 code units (what a JavaScript string index counts).
 */
nameEnds: Array<number>, sizes: Array<number>, 
/**
 * Last modified, in milliseconds since 1970; null when the server sent no date.
 */
modified: Array<number | null>, 
/**
 * One letter per object for its kind (`FileKind::letter`): one short string instead of a value per key.
 */
kinds: string, };

export type ColumnPage = { bucket: string, prefix: string, index: number, folders: Array<FolderEntry>, objects: ObjectColumns, 
/**
 * Entries delivered so far, this page included.
 */
loaded: number, isLast: boolean, };

export type HeaderPair = { name: string, value: string, };

export type Presigned = { url: string, method: string, headers: Array<HeaderPair>, requestedSecs: number, 
/**
 * What the URL is signed for: the request, clamped, and cut to the credentials' own expiry.
 */
effectiveSecs: number, 
/**
 * Unix milliseconds.
 */
expiresAt: number, 
/**
 * True when temporary credentials made the URL shorter-lived than asked.
 */
limitedByCredentials: boolean, };

export type Viewer = "pdf" | "image" | "text" | "table" | "markdown" | "media" | "card";

export type CardReason = "type" | "empty" | "dotSegment" | "binary";

export type Preview = { meta: ObjectMeta, viewer: Viewer, 
/**
 * The type the link is signed to be served as.
 */
servedAs: string | null, link: Presigned | null, card: CardReason | null, text: TextBody | null, table: TableBody | null, };

export type TextBody = { text: string, 
/**
 * The encoding it was read as (`UTF-8`, `Shift_JIS`, …).
 */
encoding: string, 
/**
 * Only the first `TEXT_LIMIT` bytes are here.
 */
truncated: boolean, 
/**
 * JSON that parsed and was re-indented.
 */
pretty: boolean, };

export type TableBody = { rows: Array<Array<string>>, encoding: string, 
/**
 * More rows (or columns) exist than are here.
 */
more: boolean, delimiter: string, };

export type Language = "system" | "ja" | "en";

export type Theme = "system" | "light" | "dark";

export type ProfileSettings = { defaultBucket: string | null, defaultPrefix: string | null, 
/**
 * Shown beside the profile and along the top of the window while it is active.
 */
color: ProfileColor | null, 
/**
 * Uploads and deletes through this profile ask first, naming it and the bucket (a production guard).
 */
confirmChanges: boolean, region: string | null, endpointUrl: string | null, pathStyle: boolean | null, };

export type ProfileColor = "red" | "orange" | "yellow" | "green" | "blue" | "purple" | "gray";

export type ExpirySettings = { previewSecs: number, shareSecs: number, uploadSecs: number, deleteSecs: number, };

export type UploadSettings = { allowedTypes: Array<string>, 
/**
 * Stored as `x-amz-meta-uploaded-by`; empty means the OS user name.
 */
displayName: string, parallel: number, multipartThresholdMib: number, askBeforeReplace: boolean, };

export type SearchSettings = { 
/**
 * Keys one search reads at most before it stops with "stopped at the limit".
 */
scanLimit: number, };

export type GallerySettings = { 
/**
 * MB of thumbnails kept in the data folder; the least recently used go first.
 */
cacheMb: number, };

export type Settings = { schemaVersion: number, activeProfile: string | null, profiles: { [key in string]: ProfileSettings }, expiry: ExpirySettings, uploads: UploadSettings, search: SearchSettings, gallery: GallerySettings, language: Language, theme: Theme, logLevel: string, };

export type FieldError = { field: string, message: string, };

export type NoticeKey = "notice.settingsRecovered" | "notice.settingsRepaired";

export type Notice = { key: NoticeKey, message: string, path: string | null, 
/**
 * The settings that went back to their defaults (`notice.settingsRepaired`).
 */
fields: Array<string>, };

export type TypeSource = "bytes" | "extension" | "unknown";

export type Detected = { mime: string, source: TypeSource, 
/**
 * Set when the extension suggests another type than the bytes (a PNG named `.jpg`).
 */
extensionClaims: string | null, };

export type UploadOutcome = { bucket: string, key: string, size: number, detected: Detected, etag: string | null, 
/**
 * Base64 CRC32C the single PUT signed (the server checked it); none for multipart uploads.
 */
checksumCrc32c: string | null, multipart: boolean, skipped: boolean, };

export type Conflict = "ask" | "replace" | "keepBoth" | "skip";

export type S3Location = { bucket: string, 
/**
 * A folder prefix (ends in `/` or is empty) or an object key.
 */
key: string, };

export type Bootstrap = { version: string, profiles: ProfileList, 
/**
 * Why the AWS files could not be read, if they could not.
 */
profilesError: ErrorPayload | null, active: ConnectionInfo | null, 
/**
 * Why the remembered profile could not be selected at start, if it could not.
 */
activeError: ErrorPayload | null, settings: Settings, notices: Array<Notice>, demo: boolean, logDir: string, 
/**
 * The operating system's language (e.g. `ja-JP`) for the "System" setting; the webview's own
 * `navigator.language` need not follow it.
 */
systemLocale: string | null, 
/**
 * The remembered place's first page, when start-up listed it in time (`crate::ahead`); the window shows
 * it in its first frame and lists the rest with `afterFirstPage`.
 */
firstPage: ColumnPage | null, 
/**
 * The place the app was launched to open (an `s3://` or `bucketlens://` argument), as `MenuAction::OpenLocation`.
 */
launch: MenuAction | null, };

export type UpdateInfo = { 
/**
 * The version offered, e.g. "0.2.0".
 */
version: string, 
/**
 * The version running now.
 */
current: string, 
/**
 * When it was published (RFC 3339), if the feed says.
 */
date: string | null, 
/**
 * The release notes, as the feed gives them (plain text).
 */
notes: string | null, };

export type ConnectionTest = { operation: TestOperation, bucketCount: number | null, region: string, endpointUrl: string | null, };

export type TestOperation = "ListBuckets" | "HeadBucket";

export type MenuAction = { "action": "settings" } | { "action": "refresh" } | { "action": "focusLocation" } | { "action": "focusFilter" } | { "action": "upload" } | { "action": "reloadProfiles" } | { "action": "about" } | { "action": "checkUpdates" } | { "action": "selectProfile", profile: string, } | { "action": "openLocation", bucket: string, prefix: string, key: string | null, profile: string | null, 
/**
 * An app link (which says whose place it is), not an `s3://` address (opened with the active profile).
 */
link: boolean, };

export type DeviceCode = { userCode: string, verificationUri: string, 
/**
 * The page with the code filled in.
 */
verificationUriComplete: string | null, 
/**
 * When the code stops working, as Unix milliseconds.
 */
expiresAt: number, };

export type MfaRequest = { 
/**
 * Names this question for the answer (`answer_mfa`).
 */
id: string, profile: string, 
/**
 * The device: `arn:aws:iam::…:mfa/NAME` or a hardware serial.
 */
serial: string, roleArn: string, };

export type MfaAnswer = { id: string, code: string | null, };

export type NewProfile = { "kind": "accessKey", name: string, accessKeyId: string, secretAccessKey: string, region: string, } | { "kind": "sso", name: string, startUrl: string, ssoRegion: string, accountId: string, roleName: string, region: string, };

export type SsoDiscoverRequest = { name: string, startUrl: string, ssoRegion: string, };

export type SsoRole = { accountId: string, accountName: string, email: string | null, roleName: string, };

export type UploadState = "queued" | "uploading" | "done" | "failed" | "skipped" | "cancelled" | "paused";

export type UploadEvent = { 
/**
 * The row id the window gave the upload.
 */
id: string, state: UploadState, sent: number, total: number, 
/**
 * Bytes per second over the last moments.
 */
rate: number, 
/**
 * The key actually written (Keep both may change it).
 */
key: string, contentType: string | null, error: ErrorPayload | null, };

export type ScanItem = { path: string, key: string, size: number, detected: Detected, 
/**
 * False when the type is not in the allow-list (the item is shown refused, not sent).
 */
allowed: boolean, 
/**
 * Why the key can't be used (a control or direction character, a `..` folder…), when it can't.
 */
nameProblem: string | null, };

export type SkipReason = "unreadable" | "link" | "special" | "tooDeep" | "tooMany";

export type Skipped = { path: string, reason: SkipReason, detail: string, };

export type ScanResult = { items: Array<ScanItem>, 
/**
 * How many of the given paths were folders (the UI asks before uploading a folder).
 */
folders: number, totalBytes: number, skippedHidden: number, 
/**
 * Paths left out, each with the reason.
 */
skipped: Array<Skipped>, 
/**
 * True when the scan was cancelled (a newer one started); the result is then partial.
 */
cancelled: boolean, };

export type ObjectRef = { bucket: string, key: string, };

export type DeleteObjectRequest = { bucket: string, key: string, confirmedFor: string | null, };

export type SelectProfileRequest = { name: string, };

export type ListPrefixRequest = { bucket: string, prefix: string, 
/**
 * The window shows this place's first page already (it came with `bootstrap`): list what follows it.
 */
afterFirstPage: boolean, };

export type PresignShareRequest = { bucket: string, key: string, 
/**
 * Defaults to the share setting; clamped to what S3 and the credentials allow.
 */
expiresSecs: number | null, 
/**
 * Download as a file (`attachment`) instead of opening in the browser.
 */
attachment: boolean, };

export type ParseLocationRequest = { input: string, };

export type OpenUrlRequest = { url: string, };

export type CopyTextRequest = { text: string, 
/**
 * The same as HTML, for mail clients that paste it (the text stays the plain alternative).
 */
html: string | null, };

export type TestConnectionRequest = { name: string, overrides: Overrides, defaultBucket: string | null, };

export type SsoLoginRequest = { profile: string, };

export type ScanPathsRequest = { paths: Array<string>, prefix: string, };

export type CheckExistingRequest = { bucket: string, keys: Array<string>, };

export type UploadItem = { 
/**
 * The window's row id for this upload; its events carry it.
 */
id: string, path: string, key: string, conflict: Conflict, };

export type StartUploadRequest = { bucket: string, items: Array<UploadItem>, 
/**
 * The profile the person confirmed these uploads for (needed when its settings ask for a confirmation).
 */
confirmedFor: string | null, };

export type CancelUploadRequest = { 
/**
 * The row id.
 */
id: string, };

export type PendingUploadRequest = { id: string, };

export type ResumeUploadRequest = { id: string, row: string, };

export type CheckUploadTimeRequest = { bytes: number, };

export type LifetimeWarning = { 
/**
 * When the sign-in ends, as Unix milliseconds.
 */
endsAt: number, remainingSecs: number, estimatedSecs: number, 
/**
 * Bytes per second the estimate used, and whether it was measured in this run (else assumed).
 */
rate: number, measured: boolean, };

export type DonePart = { number: number, etag: string, crc32c: string | null, };

export type EntryState = "running" | "paused";

export type Entry = { id: string, 
/**
 * The profile (connection label) it was started with.
 */
profile: string, bucket: string, key: string, path: string, size: number, 
/**
 * The file's modification time (Unix ms) and device/inode at the start.
 */
modifiedMs: number | null, contentType: string, metadata: { [key in string]: string }, partSize: number, withCrc: boolean, replace: boolean, 
/**
 * `None` until CreateMultipartUpload answered.
 */
uploadId: string | null, parts: Array<DonePart>, 
/**
 * Unix ms.
 */
startedMs: number, state: EntryState, };

export type SearchQuery = { name: string, 
/**
 * Bytes, inclusive.
 */
minSize: number | null, maxSize: number | null, 
/**
 * RFC 3339 or `YYYY-MM-DD` (midnight UTC); modified at or after.
 */
modifiedAfter: string | null, 
/**
 * Modified before.
 */
modifiedBefore: string | null, 
/**
 * Only files of this kind, as their names say.
 */
kind: FileKind | null, };

export type FileKind = "pdf" | "image" | "text" | "office" | "media";

export type SearchPage = { 
/**
 * Each hit's `name` is its path below the searched prefix.
 */
hits: Array<ObjectEntry>, 
/**
 * Keys read so far, this page included.
 */
scanned: number, 
/**
 * Hits so far, this page included.
 */
found: number, done: boolean, 
/**
 * The scan limit was reached before the end of the prefix.
 */
stoppedAtLimit: boolean, };

export type SearchRequest = { bucket: string, prefix: string, query: SearchQuery, 
/**
 * Keys to read at most: 1 to 10,000,000; none means `search::DEFAULT_SCAN_LIMIT`.
 */
limit: number | null, };

export type AppLink = { location: S3Location, profile: string | null, };

export type SharedLink = { key: string, link: Presigned, };

export type IssuedLink = { profile: string, bucket: string, key: string, recipient: string | null, issuedAt: number, expiresAt: number, };

export type ShareObjectsRequest = { bucket: string, keys: Array<string>, 
/**
 * Defaults to the share setting; clamped to what S3 and the credentials allow.
 */
expiresSecs: number | null, 
/**
 * Who the links are for, if the person typed it: kept in the local record of issued links.
 */
recipient: string | null, };

export type BucketRequest = { bucket: string, };

export type KeepThumbnailRequest = { bucket: string, key: string, 
/**
 * The picture (JPEG), base64.
 */
image: string, };

export type Place = { bucket: string, prefix: string, };

export type Bookmark = { name: string, bucket: string, prefix: string, };

export type Places = { bookmarks: Array<Bookmark>, recent: Array<Place>, };

export type Visit = { previousMs: number | null, places: Places, };

export type BookmarkEdit = { "op": "add", place: Place, name: string | null, } | { "op": "rename", place: Place, name: string, } | { "op": "move", place: Place, to: number, } | { "op": "remove", place: Place, };

export const ERROR_KINDS: readonly ErrorKind[] = ["NoCredentials", "ProfileNotFound", "InvalidProfile", "AccessDenied", "InvalidAccessKey", "NoSuchBucket", "NoSuchKey", "ExpiredToken", "SsoLoginRequired", "MfaRejected", "SignatureMismatch", "ExpiredUrl", "ClockSkew", "Network", "TlsUntrusted", "Throttled", "AlreadyExists", "PreconditionFailed", "InvalidInput", "UnsupportedType", "Cancelled", "Io", "FileChanged", "UpdateRejected", "Internal"];

/** Every IPC command (src-tauri/core/src/ipc/contract.rs): its request, response and channel message. */
export type Commands = {
  bootstrap: { request: null; response: Bootstrap; channel: never };
  list_profiles: { request: null; response: ProfileList; channel: never };
  reload_profiles: { request: null; response: ProfileList; channel: never };
  select_profile: { request: SelectProfileRequest; response: ConnectionInfo; channel: never };
  current_session: { request: null; response: ConnectionInfo | null; channel: never };
  list_buckets: { request: null; response: Array<BucketInfo>; channel: never };
  list_prefix: { request: ListPrefixRequest; response: number; channel: ColumnPage };
  search_objects: { request: SearchRequest; response: SearchPage; channel: SearchPage };
  stop_search: { request: null; response: null; channel: never };
  preview_object: { request: ObjectRef; response: Preview; channel: never };
  keep_thumbnail: { request: KeepThumbnailRequest; response: null; channel: never };
  presign_share: { request: PresignShareRequest; response: Presigned; channel: never };
  share_objects: { request: ShareObjectsRequest; response: Array<SharedLink>; channel: never };
  issued_links: { request: null; response: Array<IssuedLink>; channel: never };
  app_link: { request: ObjectRef; response: string; channel: never };
  readable_profiles: { request: BucketRequest; response: Array<string>; channel: never };
  get_places: { request: null; response: Places; channel: never };
  visit_place: { request: Place; response: Visit; channel: never };
  edit_bookmarks: { request: BookmarkEdit; response: Places; channel: never };
  get_settings: { request: null; response: Settings; channel: never };
  save_settings: { request: Settings; response: Settings; channel: never };
  validate_settings: { request: Settings; response: Array<FieldError>; channel: never };
  parse_location: { request: ParseLocationRequest; response: S3Location; channel: never };
  delete_object: { request: DeleteObjectRequest; response: null; channel: never };
  open_url: { request: OpenUrlRequest; response: null; channel: never };
  copy_text: { request: CopyTextRequest; response: null; channel: never };
  test_connection: { request: TestConnectionRequest; response: ConnectionTest; channel: never };
  sso_login: { request: SsoLoginRequest; response: null; channel: DeviceCode };
  cancel_sso_login: { request: null; response: null; channel: never };
  add_profile: { request: NewProfile; response: ProfileList; channel: never };
  sso_discover: { request: SsoDiscoverRequest; response: Array<SsoRole>; channel: DeviceCode };
  watch_mfa: { request: null; response: null; channel: MfaRequest };
  answer_mfa: { request: MfaAnswer; response: boolean; channel: never };
  start_demo: { request: null; response: ConnectionInfo; channel: never };
  scan_paths: { request: ScanPathsRequest; response: ScanResult; channel: never };
  check_existing: { request: CheckExistingRequest; response: Array<string>; channel: never };
  check_upload_time: { request: CheckUploadTimeRequest; response: LifetimeWarning | null; channel: never };
  start_upload: { request: StartUploadRequest; response: null; channel: UploadEvent };
  cancel_upload: { request: CancelUploadRequest; response: boolean; channel: never };
  pending_uploads: { request: null; response: Array<Entry>; channel: never };
  resume_upload: { request: ResumeUploadRequest; response: null; channel: UploadEvent };
  discard_upload: { request: PendingUploadRequest; response: null; channel: never };
  pick_files: { request: null; response: Array<string>; channel: never };
  check_update: { request: null; response: UpdateInfo | null; channel: never };
  install_update: { request: null; response: null; channel: never };
};

export type CommandName = keyof Commands;
