// Typed wrappers over the Rust commands. Types come from bindings.ts, generated from Rust.
import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  Bootstrap,
  BucketInfo,
  ConnectionInfo,
  ConnectionTest,
  Conflict,
  ScanResult,
  UploadEvent,
  Detected,
  Overrides,
  SignInOutcome,
  ErrorPayload,
  FieldError,
  ListPage,
  ObjectMeta,
  Presigned,
  ProfileList,
  S3Location,
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

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    if (isErrorPayload(e)) throw new AppError(e);
    throw new AppError({
      kind: "Internal",
      message: String(e),
      messageKey: "error.internal",
      nextStep: "",
    });
  }
}

export const api = {
  bootstrap: () => call<Bootstrap>("bootstrap"),
  listProfiles: () => call<ProfileList>("list_profiles"),
  reloadProfiles: () => call<ProfileList>("reload_profiles"),
  selectProfile: (name: string) => call<ConnectionInfo>("select_profile", { name }),
  listBuckets: () => call<BucketInfo[]>("list_buckets"),
  listPrefix: (bucket: string, prefix: string, onPage: (p: ListPage) => void) => {
    const channel = new Channel<ListPage>();
    channel.onmessage = onPage;
    return call<number>("list_prefix", { bucket, prefix, onPage: channel });
  },
  headObject: (bucket: string, key: string) => call<ObjectMeta>("head_object", { bucket, key }),
  presignPreview: (bucket: string, key: string, contentType: string | null) =>
    call<Presigned>("presign_preview", { bucket, key, contentType }),
  presignShare: (bucket: string, key: string, expiresSecs: number | null, attachment: boolean) =>
    call<Presigned>("presign_share", { bucket, key, expiresSecs, attachment }),
  getSettings: () => call<Settings>("get_settings"),
  saveSettings: (settings: Settings) => call<Settings>("save_settings", { settings }),
  validateSettings: (settings: Settings) => call<FieldError[]>("validate_settings", { settings }),
  parseLocation: (input: string) => call<S3Location>("parse_location", { input }),
  deleteObject: (bucket: string, key: string) => call<null>("delete_object", { bucket, key }),
  sniffType: (bucket: string, key: string) => call<Detected>("sniff_type", { bucket, key }),
  openUrl: (url: string) => call<null>("open_url", { url }),
  copyText: (text: string) => call<null>("copy_text", { text }),
  testConnection: (name: string, overrides: Overrides, defaultBucket: string | null) =>
    call<ConnectionTest>("test_connection", { name, overrides, defaultBucket }),
  ssoLogin: (profile: string) => call<SignInOutcome>("sso_login", { profile }),
  startDemo: () => call<ConnectionInfo>("start_demo"),
  scanPaths: (paths: string[], prefix: string) => call<ScanResult>("scan_paths", { paths, prefix }),
  checkExisting: (bucket: string, keys: string[]) => call<string[]>("check_existing", { bucket, keys }),
  startUpload: (bucket: string, items: { path: string; key: string; conflict: Conflict }[], onEvent: (e: UploadEvent) => void) => {
    const channel = new Channel<UploadEvent>();
    channel.onmessage = onEvent;
    return call<number[]>("start_upload", { bucket, items, onEvent: channel });
  },
  cancelUpload: (id: number) => call<boolean>("cancel_upload", { id }),
  pickFiles: () => call<string[]>("pick_files"),
};
