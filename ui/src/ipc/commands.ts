// Typed access to the Rust commands. `Commands` (in bindings.ts) is generated from the one declaration of
// the IPC surface in Rust, so a wrong command name, request or response type does not compile.
import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  BookmarkEdit,
  CommandName,
  Commands,
  Conflict,
  ErrorPayload,
  NewProfile,
  Overrides,
  SearchQuery,
  Settings,
} from "./bindings";

/** Thrown for every failed command: the core's error as data. */
export class AppError extends Error {
  constructor(public readonly payload: ErrorPayload) {
    super(payload.message);
  }
}

export function isErrorPayload(v: unknown): v is ErrorPayload {
  return typeof v === "object" && v !== null && "kind" in v && "message" in v;
}

type Request<K extends CommandName> = Commands[K]["request"];
type Response<K extends CommandName> = Commands[K]["response"];
type Message<K extends CommandName> = Commands[K]["channel"];
/** Commands without a request take no argument; the others take exactly their request. */
type RequestArgs<K extends CommandName> = Request<K> extends null ? [] : [request: Request<K>];
/** The commands that stream messages over a channel. */
type Streaming = { [K in CommandName]: [Message<K>] extends [never] ? never : K }[CommandName];

async function send<K extends CommandName>(cmd: K, args: Record<string, unknown>): Promise<Response<K>> {
  try {
    return await invoke<Response<K>>(cmd, args);
  } catch (e) {
    if (isErrorPayload(e)) throw new AppError(e);
    throw new AppError({ kind: "Internal", message: String(e), messageKey: "error.internal", nextStep: "" });
  }
}

/** Calls one command with its request (if it has one). */
export function call<K extends CommandName>(cmd: K, ...args: RequestArgs<K>): Promise<Response<K>> {
  return send(cmd, args.length ? { request: args[0] } : {});
}

/** Calls a streaming command; `onMessage` gets each message of its channel. */
export function stream<K extends Streaming>(
  cmd: K,
  request: Request<K>,
  onMessage: (m: Message<K>) => void,
): Promise<Response<K>> {
  const channel = new Channel<Message<K>>();
  channel.onmessage = onMessage;
  return send(cmd, { request, channel });
}

export const api = {
  bootstrap: () => call("bootstrap"),
  checkUpdate: () => call("check_update"),
  installUpdate: () => call("install_update"),
  listProfiles: () => call("list_profiles"),
  reloadProfiles: () => call("reload_profiles"),
  selectProfile: (name: string) => call("select_profile", { name }),
  currentSession: () => call("current_session"),
  listBuckets: () => call("list_buckets"),
  listPrefix: (bucket: string, prefix: string, onPage: (p: Message<"list_prefix">) => void, afterFirstPage = false) =>
    stream("list_prefix", { bucket, prefix, afterFirstPage }, onPage),
  previewObject: (bucket: string, key: string) => call("preview_object", { bucket, key }),
  keepThumbnail: (bucket: string, key: string, image: string) => call("keep_thumbnail", { bucket, key, image }),
  presignShare: (bucket: string, key: string, expiresSecs: number | null, attachment: boolean) =>
    call("presign_share", { bucket, key, expiresSecs, attachment }),
  getSettings: () => call("get_settings"),
  saveSettings: (settings: Settings) => call("save_settings", settings),
  validateSettings: (settings: Settings) => call("validate_settings", settings),
  parseLocation: (input: string) => call("parse_location", { input }),
  deleteObject: (bucket: string, key: string, confirmedFor: string | null) =>
    call("delete_object", { bucket, key, confirmedFor }),
  openUrl: (url: string) => call("open_url", { url }),
  copyText: (text: string, html: string | null = null) => call("copy_text", { text, html }),
  searchObjects: (
    bucket: string,
    prefix: string,
    query: SearchQuery,
    limit: number | null,
    onPage: (p: Message<"search_objects">) => void,
  ) => stream("search_objects", { bucket, prefix, query, limit }, onPage),
  stopSearch: () => call("stop_search"),
  shareObjects: (bucket: string, keys: string[], expiresSecs: number | null, recipient: string | null) =>
    call("share_objects", { bucket, keys, expiresSecs, recipient }),
  issuedLinks: () => call("issued_links"),
  appLink: (bucket: string, key: string) => call("app_link", { bucket, key }),
  readableProfiles: (bucket: string) => call("readable_profiles", { bucket }),
  getPlaces: () => call("get_places"),
  visitPlace: (bucket: string, prefix: string) => call("visit_place", { bucket, prefix }),
  editBookmarks: (edit: BookmarkEdit) => call("edit_bookmarks", edit),
  testConnection: (name: string, overrides: Overrides, defaultBucket: string | null) =>
    call("test_connection", { name, overrides, defaultBucket }),
  ssoLogin: (profile: string, onCode: (c: Message<"sso_login">) => void) => stream("sso_login", { profile }, onCode),
  cancelSsoLogin: () => call("cancel_sso_login"),
  watchMfa: (onQuestion: (q: Message<"watch_mfa">) => void) => {
    const channel = new Channel<Message<"watch_mfa">>();
    channel.onmessage = onQuestion;
    return send("watch_mfa", { channel });
  },
  addProfile: (profile: NewProfile) => call("add_profile", profile),
  ssoDiscover: (request: Request<"sso_discover">, onCode: (c: Message<"sso_discover">) => void) =>
    stream("sso_discover", request, onCode),
  answerMfa: (id: string, code: string | null) => call("answer_mfa", { id, code }),
  startDemo: () => call("start_demo"),
  scanPaths: (paths: string[], prefix: string) => call("scan_paths", { paths, prefix }),
  checkExisting: (bucket: string, keys: string[]) => call("check_existing", { bucket, keys }),
  checkUploadTime: (bytes: number) => call("check_upload_time", { bytes }),
  startUpload: (
    bucket: string,
    items: { id: string; path: string; key: string; conflict: Conflict }[],
    confirmedFor: string | null,
    onEvent: (e: Message<"start_upload">) => void,
  ) => stream("start_upload", { bucket, items, confirmedFor }, onEvent),
  cancelUpload: (id: string) => call("cancel_upload", { id }),
  pickFiles: () => call("pick_files"),
  pendingUploads: () => call("pending_uploads"),
  resumeUpload: (id: string, row: string, onEvent: (e: Message<"resume_upload">) => void) =>
    stream("resume_upload", { id, row }, onEvent),
  discardUpload: (id: string) => call("discard_upload", { id }),
};
