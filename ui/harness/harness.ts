// Test harness: the real UI with its IPC answered by an in-page fake backend (@tauri-apps/api/mocks).
// Query: ?lang=ja|en &rows=N (keys under many/) &denyBuckets=1. State for assertions: window.__harness.
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import type {
  Bootstrap,
  CommandName,
  ErrorKind,
  ColumnPage,
  ObjectEntry,
  Entry,
  ObjectMeta,
  Preview,
  Presigned,
  Viewer,
  MfaRequest,
  MenuAction,
  ScanItem,
  Settings,
} from "../src/ipc/bindings";
import { toColumns } from "../src/features/browse/objectColumns";
import { type Fake, findFakes, findState } from "./find";

const params = new URLSearchParams(location.search);
const lang = (params.get("lang") ?? "en") as "en" | "ja" | "system";
const many = Number(params.get("rows") ?? 2500);
const when = "2026-11-20T10:00:00Z";

type Obj = { key: string; size: number; type: string; modified?: string };
const objects: Obj[] = [
  { key: "welcome.txt", size: 77, type: "text/plain" },
  { key: "reports/q3.pdf", size: 4400, type: "application/pdf", modified: "2026-11-28T09:00:00Z" },
  { key: "reports/月次報告書.pdf", size: 3100, type: "application/pdf" },
  { key: "images/photo.jpg", size: 86_000, type: "image/jpeg" },
  { key: "images/page.html", size: 90, type: "text/html" },
  { key: "images/broken.png", size: 12, type: "image/png" },
  // Served from the bucket's address, which a test intercepts to hold the bytes back (a slow photo).
  { key: "images/large.png", size: 9_000_000, type: "image/png" },
  { key: "notes/readme.md", size: 200, type: "text/markdown" },
  { key: "notes/sales.csv", size: 120, type: "text/csv" },
  { key: "notes/data.json", size: 40, type: "application/json" },
  {
    key: "notes/report.docx",
    size: 9000,
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
];

/** What the fake backend read from the text objects (the real one reads the first MiB and decodes it). */
const TEXTS: Record<string, string> = {
  "notes/readme.md":
    "# Team notes\n\nSee <script>window.__pwned = 1</script> the [wiki](https://wiki.example.com/a) and " +
    "[bad](javascript:alert(1)).\n\n![chart](https://tracker.example.com/pixel.png)\n\n" +
    '<img src=x onerror="window.__pwned=2">\n',
  "notes/data.json": '{\n  "total": 10.50\n}',
  "images/page.html": "<html><body><script>alert(1)</script>Not rendered.</body></html>",
};

/** The kind a name says (mirrors core `FileKind::of` for the names here). */
export function kindOf(name: string): ObjectEntry["kind"] {
  const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  if (!name.includes(".")) return null;
  if (ext === "pdf") return "pdf";
  if (["jpg", "png", "gif", "webp", "svg"].includes(ext)) return "image";
  if (["txt", "md", "csv", "json", "html", "log"].includes(ext)) return "text";
  if (["docx", "xlsx"].includes(ext)) return "office";
  return null;
}
// `?photos=N`: N pictures under photos/ (the gallery's virtualisation).
for (let i = 1; i <= Number(params.get("photos") ?? 0); i++)
  objects.push({ key: `photos/img-${String(i).padStart(5, "0")}.jpg`, size: 1000 + i, type: "image/jpeg" });
for (let i = 1; i <= many; i++)
  objects.push({ key: `many/item-${String(i).padStart(5, "0")}.txt`, size: i, type: "text/plain" });

const state = {
  copied: [] as string[],
  deleted: [] as string[],
  opened: [] as string[],
  calls: [] as string[],
  listed: [] as { prefix: string; afterFirstPage: boolean }[],
  /** The commands called before the first object row was in the page. */
  callsBeforeFirstRow: null as string[] | null,
  saved: [] as Settings[],
  selected: [] as string[],
  /** Keys asked for through preview_object, in order. */
  previews: [] as string[],
  /** PDF pages the gallery drew and handed back (keep_thumbnail). */
  kept: [] as { key: string; image: string }[],
  discarded: [] as string[],
  cancelled: [] as string[],
  mfaCodes: [] as (string | null)[],
  installs: 0,
  added: [] as unknown[],
};

/** `?pending=1`: two multipart uploads a previous run left unfinished. */
const unfinished = (id: string, key: string, state: "paused" | "running"): Entry => ({
  id,
  profile: "work",
  bucket: "team-docs",
  key,
  path: `/home/hanako/${key.split("/").pop()}`,
  size: 48 * 1024 * 1024,
  modifiedMs: 1_700_000_000_000,
  contentType: "image/png",
  metadata: {},
  partSize: 8 * 1024 * 1024,
  withCrc: true,
  replace: false,
  uploadId: "u-1",
  parts: [1, 2, 3].map((number) => ({ number, etag: `"e${number}"`, crc32c: "AAAAAA==" })),
  startedMs: 1_700_000_000_000,
  state,
});
let pending: Entry[] =
  params.get("pending") === "1"
    ? [unfinished("up-1", "images/panorama.png", "paused"), unfinished("up-2", "images/scan.png", "running")]
    : [];
(window as unknown as { __harness: typeof state }).__harness = state;
(window as unknown as { __find: typeof findState }).__find = findState;

const settings: Settings = {
  schemaVersion: 1,
  activeProfile: "work",
  profiles: {
    // `?guard=1`: "work" is marked production (red, confirm before changing anything).
    work: {
      region: null,
      endpointUrl: null,
      pathStyle: null,
      defaultBucket: "team-docs",
      // `?firstPage=many/`: the profile opens on that folder, and bootstrap carries its first page.
      defaultPrefix: params.get("firstPage"),
      color: params.get("guard") ? "red" : null,
      confirmChanges: params.get("guard") === "1",
    },
  },
  expiry: { previewSecs: 300, shareSecs: 3600, uploadSecs: 1800, deleteSecs: 300 },
  uploads: {
    allowedTypes: ["image/png"],
    displayName: "",
    parallel: 3,
    multipartThresholdMib: 100,
    askBeforeReplace: true,
  },
  // `?scanLimit=N`: the search setting.
  search: { scanLimit: Number(params.get("scanLimit") ?? 1_000_000) },
  gallery: { cacheMb: 500 },
  language: lang,
  theme: "light",
  logLevel: "info",
};

const noProfiles = params.get("noProfiles") === "1";
const profileList: Bootstrap["profiles"] = noProfiles
  ? { profiles: [], defaultProfile: null }
  : {
      profiles: [
        { name: "work", kind: "sso", region: "ap-northeast-1", endpointUrl: null },
        { name: "personal", kind: "static", region: "us-east-1", endpointUrl: null },
        ...(params.get("mfa") === "1"
          ? [{ name: "admin", kind: "assumeRole" as const, region: "us-east-1", endpointUrl: null }]
          : []),
      ],
      defaultProfile: "work",
    };
const bootstrap: Bootstrap = {
  version: "0.1.0",
  profiles: profileList,
  profilesError: null,
  active: noProfiles
    ? null
    : {
        profile: "work",
        region: "ap-northeast-1",
        endpointUrl: null,
        pathStyle: false,
        temporary: true,
        credentialsExpireAt: Date.now() + Number(params.get("expiresMin") ?? 120) * 60_000,
      },
  activeError: null,
  settings,
  notices: params.get("recovered")
    ? [{ key: "notice.settingsRecovered", message: "", path: "/tmp/settings.json.broken-1.bak", fields: [] }]
    : [],
  demo: false,
  logDir: "/tmp/logs",
  // `?systemLocale=ja-JP`: the operating system's language as the backend reads it.
  systemLocale: params.get("systemLocale"),
  firstPage: null,
  launch: null,
};

const tinyPng =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9" +
  "hAAAAAElFTkSuQmCC";

const bucketUrl = "https://team-docs.s3.ap-northeast-1.amazonaws.com";

let mints = 0;
function presigned(key: string, secs: number, forPreview: boolean): Presigned {
  mints += 1;
  const credsLeft = 2 * 3600;
  const effective = Math.min(secs, credsLeft);
  const url = !forPreview
    ? `${bucketUrl}/${encodeURI(key)}?X-Amz-Expires=${effective}&X-Amz-Signature=abc`
    : key.endsWith(".jpg")
      ? tinyPng
      : key.endsWith("broken.png")
        ? "data:image/png;base64,iVBORw0KGgoAAAAN"
        : `${bucketUrl}/${encodeURI(key)}?X-Amz-Expires=${effective}&X-Amz-Signature=abc${mints}`;
  return {
    url,
    method: "GET",
    headers: [],
    requestedSecs: secs,
    effectiveSecs: effective,
    expiresAt: Date.now() + effective * 1000,
    limitedByCredentials: effective < secs,
  };
}

const PAGE = 1000;
type Listed = ReturnType<typeof list>;
const pagesOf = ({ objects: objs }: Listed) => Math.max(1, Math.ceil(objs.length / PAGE));
function pageOf(prefix: string, listed: Listed, i: number): ColumnPage {
  const { folders, objects: objs } = listed;
  return {
    bucket: "team-docs",
    prefix,
    index: i,
    folders: i === 0 ? folders : [],
    objects: toColumns(objs.slice(i * PAGE, (i + 1) * PAGE)),
    loaded: folders.length + Math.min(objs.length, (i + 1) * PAGE),
    isLast: i === pagesOf(listed) - 1,
  };
}

function list(prefix: string): { folders: ColumnPage["folders"]; objects: ObjectEntry[] } {
  const folders = new Set<string>();
  const out: ObjectEntry[] = [];
  for (const o of objects) {
    if (!o.key.startsWith(prefix) || state.deleted.includes(o.key)) continue;
    const rest = o.key.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash >= 0) folders.add(prefix + rest.slice(0, slash + 1));
    else
      out.push({
        key: o.key,
        name: rest,
        size: o.size,
        lastModified: o.modified ?? when,
        etag: null,
        storageClass: "STANDARD",
        kind: kindOf(rest),
      });
  }
  return { folders: [...folders].sort().map((p) => ({ prefix: p, name: p.slice(prefix.length, -1) })), objects: out };
}

// Mirrors the core's rules closely enough to drive the form (the core's own tests cover the rules).
function validate(s: Settings) {
  const out: { field: string; message: string }[] = [];
  for (const [k, v] of Object.entries(s.expiry))
    if (!(v >= 1 && v <= 604800))
      out.push({ field: `expiry.${k}`, message: `must be between 1 second and 7 days (604800 s), not ${v}` });
  if (!(s.search.scanLimit >= 1 && s.search.scanLimit <= 10_000_000))
    out.push({ field: "search.scanLimit", message: "must be between 1 and 10000000 keys" });
  if (!(s.gallery.cacheMb >= 5 && s.gallery.cacheMb <= 20_000))
    out.push({ field: "gallery.cacheMb", message: "must be between 5 and 20000 MB" });
  for (const [name, p] of Object.entries(s.profiles)) {
    if (p.region !== null && !/^[a-z0-9-]+$/.test(p.region))
      out.push({ field: `profiles.${name}.region`, message: `"${p.region}" is not a region name` });
    if (p.endpointUrl !== null && !/^https?:\/\/[^/\s]+/.test(p.endpointUrl))
      out.push({ field: `profiles.${name}.endpointUrl`, message: "must be http:// or https:// with a host" });
  }
  return out;
}

const error = (kind: ErrorKind, messageKey: string, bucket?: string) => ({
  kind,
  message: kind,
  messageKey,
  nextStep: "",
  bucket,
});

/** `?mfa=1`: the role profile "admin" asks for an MFA code on every select; 123456 is right. */
let mfaChannel: ((q: MfaRequest) => void) | null = null;
const mfaWaiting = new Map<string, (code: string | null) => void>();
const askMfa = () =>
  new Promise<string | null>((resolve) => {
    const id = `admin-${Date.now()}`;
    mfaWaiting.set(id, resolve);
    mfaChannel?.({
      id,
      profile: "admin",
      serial: "arn:aws:iam::111122223333:mfa/hanako",
      roleArn: "arn:aws:iam::111122223333:role/Admin",
    });
  });

/** `?ssoSignedOut=1`: the SSO profile "work" needs a sign-in until `sso_login` completes. */
let signedIn = false;
let cancelSignIn = () => {};

// One fake per declared command: the map's type comes from the generated `Commands`, so a command added,
// renamed or retyped in Rust breaks this file's type check until the fake follows.
type Fakes = { [K in CommandName]: Fake<K> };

const profilesNow = () =>
  state.selected.includes("Demo (local)")
    ? {
        profiles: [
          { name: "Demo (local)", kind: "demo" as const, region: "us-east-1", endpointUrl: "http://127.0.0.1:1" },
        ],
        defaultProfile: null,
      }
    : profileList;

const fakes: Fakes = {
  bootstrap: () => {
    const first = params.get("firstPage");
    return first === null ? bootstrap : { ...bootstrap, firstPage: pageOf(first, list(first), 0) };
  },
  // `?renew=1`: the backend renewed the credentials (an hour more); `?renewFails=1`: the sign-in ended.
  current_session: () => {
    if (params.get("renewFails")) throw { ...error("SsoLoginRequired", "error.ssoLoginRequired"), profile: "work" };
    if (params.get("renew") && bootstrap.active)
      return { ...bootstrap.active, credentialsExpireAt: Date.now() + 3600_000 };
    return bootstrap.active;
  },
  list_buckets: async () => {
    if (params.get("denyBuckets")) throw error("AccessDenied", "error.accessDenied");
    // `?slowFailure=1`: "personal" answers after 600 ms, with a network error (a DNS lookup that fails late).
    if (params.get("slowFailure") && state.selected.at(-1) === "personal") {
      await new Promise((r) => setTimeout(r, 600));
      throw error("Network", "error.network");
    }
    return state.selected.at(-1) === "personal"
      ? [{ name: "personal-photos", created: when }]
      : [{ name: "team-docs", created: when }];
  },
  // `afterFirstPage`: the window holds page 0 (it came with bootstrap, `?firstPage=`), so it starts at page 1.
  list_prefix: async ({ prefix, afterFirstPage }, channel) => {
    state.listed.push({ prefix, afterFirstPage });
    const listed = list(prefix);
    const { folders, objects: objs } = listed;
    const pages = pagesOf(listed);
    for (let i = afterFirstPage ? 1 : 0; i < pages; i++) {
      channel.onmessage(pageOf(prefix, listed, i));
      await new Promise((r) => setTimeout(r, 5));
    }
    return folders.length + objs.length;
  },
  ...findFakes({
    params,
    entries: () =>
      objects
        .filter((o) => !state.deleted.includes(o.key))
        .map((o) => ({
          key: o.key,
          name: o.key,
          size: o.size,
          lastModified: o.modified ?? when,
          etag: null,
          storageClass: "STANDARD",
          kind: kindOf(o.key),
        })),
    presigned,
    profile: () => state.selected.at(-1) ?? "work",
  }),
  keep_thumbnail: ({ key, image }) => {
    state.kept.push({ key, image });
    return null;
  },
  preview_object: ({ key }) => {
    const o = objects.find((x) => x.key === key);
    if (!o) throw error("NoSuchKey", "error.noSuchKey", "team-docs");
    const meta: ObjectMeta = {
      bucket: "team-docs",
      key: o.key,
      size: o.size,
      contentType: o.type,
      lastModified: when,
      etag: null,
      storageClass: null,
      metadata: { "uploaded-by": "hanako" },
    };
    // The real backend decides from an allow-list (core/src/preview/kind.rs); the fake only needs its outcomes.
    const linked = o.type === "application/pdf" || o.type.startsWith("image/");
    const viewer: Viewer = linked
      ? o.type === "application/pdf"
        ? "pdf"
        : "image"
      : o.type === "text/markdown"
        ? "markdown"
        : o.type === "text/csv"
          ? "table"
          : o.type.startsWith("text/") || o.type === "application/json"
            ? "text"
            : "card";
    const text = TEXTS[key] ?? `Text of ${key}\n`;
    const preview: Preview = {
      meta,
      viewer,
      servedAs: linked ? o.type : null,
      link: linked ? presigned(key, 300, true) : null,
      card: viewer === "card" ? "type" : null,
      text:
        viewer === "text" || viewer === "markdown"
          ? { text, encoding: "UTF-8", truncated: false, pretty: o.type === "application/json" }
          : null,
      table:
        viewer === "table"
          ? {
              rows: [
                ["部署", "売上"],
                ["営業", "1,200"],
                ["経理", "<b>300</b>"],
              ],
              encoding: "Shift_JIS",
              more: false,
              delimiter: ",",
            }
          : null,
    };
    state.previews.push(key);
    return preview;
  },
  presign_share: ({ key, expiresSecs }) => presigned(key, expiresSecs ?? 3600, false),
  copy_text: ({ text }) => {
    state.copied.push(text);
    return null;
  },
  open_url: ({ url }) => {
    state.opened.push(url);
    return null;
  },
  delete_object: ({ key, confirmedFor }) => {
    if (settings.profiles.work?.confirmChanges && confirmedFor !== "work")
      throw error("InvalidInput", "error.invalidInput");
    state.deleted.push(key);
    return null;
  },
  parse_location: ({ input }) => {
    const m = /^s3:\/\/([a-z0-9.-]+)\/?(.*)$/.exec(input.trim());
    if (!m) throw error("InvalidInput", "error.invalidInput");
    return { bucket: m[1] ?? "", key: m[2] ?? "" };
  },
  select_profile: async ({ name }) => {
    state.selected.push(name);
    if (name === "admin") {
      const code = await askMfa();
      if (code === null) throw { ...error("Cancelled", "error.cancelled"), profile: "admin" };
      if (code !== "123456") throw { ...error("MfaRejected", "error.mfaRejected"), profile: "admin" };
    }
    if (name === "work" && params.get("ssoSignedOut") === "1" && !signedIn) {
      throw { ...error("SsoLoginRequired", "error.ssoLoginRequired"), profile: "work" };
    }
    const active = bootstrap.active ?? {
      region: "us-east-1",
      endpointUrl: null,
      pathStyle: false,
      temporary: false,
      credentialsExpireAt: null,
    };
    return { ...active, profile: name === "demo" ? "Demo (local)" : name };
  },
  list_profiles: profilesNow,
  reload_profiles: profilesNow,
  start_demo: () => {
    state.selected.push("Demo (local)");
    return {
      profile: "Demo (local)",
      region: "us-east-1",
      endpointUrl: "http://127.0.0.1:1",
      pathStyle: true,
      temporary: false,
      credentialsExpireAt: null,
    };
  },
  get_settings: () => state.saved.at(-1) ?? settings,
  validate_settings: (s) => validate(s),
  save_settings: (s) => {
    if (validate(s).length) throw error("InvalidInput", "error.invalidInput");
    state.saved.push(s);
    return s;
  },
  test_connection: ({ overrides }) => {
    if (overrides.endpointUrl?.includes("dead")) throw error("Network", "error.network");
    return { operation: "ListBuckets", bucketCount: 3, region: "ap-northeast-1", endpointUrl: null };
  },
  scan_paths: ({ paths, prefix }) => {
    const items: ScanItem[] = [];
    let folders = 0;
    for (const p of paths) {
      if (p.endsWith("/")) folders += 1;
      const names = p.endsWith("/") ? ["a.png", "b.png"].map((n) => `${p}${n}`) : [p];
      for (const n of names) {
        const rel = p.endsWith("/")
          ? n.slice(n.slice(0, -1).lastIndexOf("/", p.length - 2) + 1)
          : (n.split("/").pop() ?? n);
        const mime = n.endsWith(".sh") ? "text/x-shellscript" : n.endsWith(".pdf") ? "application/pdf" : "image/png";
        const detected = { mime, source: "bytes" as const, extensionClaims: n.endsWith(".jpg") ? "image/jpeg" : null };
        items.push({
          path: n,
          key: prefix + rel,
          size: 3_000_000,
          detected,
          allowed: mime !== "text/x-shellscript",
          nameProblem: null,
        });
      }
    }
    return {
      items,
      folders,
      totalBytes: items.length * 3_000_000,
      skippedHidden: folders,
      skipped: [],
      cancelled: false,
    };
  },
  check_existing: ({ keys }) => keys.filter((k) => objects.some((o) => o.key === k)),
  start_upload: ({ items, confirmedFor }, channel) => {
    if (settings.profiles.work?.confirmChanges && confirmedFor !== "work")
      throw error("InvalidInput", "error.invalidInput");
    items.forEach((it) => {
      const id = it.id;
      const total = 3_000_000;
      let key = it.key;
      if (it.conflict === "keepBoth") key = key.replace(/(\.[^.]+)$/, " (1)$1");
      const send = (
        state: "queued" | "uploading" | "done" | "skipped" | "paused",
        sent: number,
        rate: number,
        contentType: string | null = null,
        err: ReturnType<typeof error> | null = null,
      ) => channel.onmessage({ id, state, sent, total, rate, key, contentType, error: err });
      if (it.path.includes("expired")) {
        // The sign-in expires half-way: the row pauses until the next sign-in.
        setTimeout(() => send("uploading", total / 2, 1_000_000), 40);
        const expired = error("ExpiredToken", "error.expiredToken");
        setTimeout(() => send("paused", 0, 0, null, expired), 120);
        return;
      }
      if (it.path.includes("instant")) {
        // A small file on a fast server: every event arrives before start_upload returns.
        objects.push({ key, size: total, type: "image/png" });
        send("queued", 0, 0);
        send("done", total, 9_000_000, "image/png");
        return;
      }
      if (it.conflict === "skip") {
        setTimeout(() => send("skipped", 0, 0), 50);
        return;
      }
      [0.25, 0.5, 0.75].forEach((f, n) => {
        setTimeout(() => send("uploading", total * f, 1_000_000), 40 * (n + 1));
      });
      setTimeout(() => {
        objects.push({ key, size: total, type: "image/png" });
        send("done", total, 1_500_000, "image/png");
      }, 200);
    });
    return null;
  },
  // `?signInLeft=SECS`: the sign-in ends that soon; uploads are estimated at the assumed 2 MiB/s.
  check_upload_time: ({ bytes }) => {
    const left = params.get("signInLeft");
    if (left === null) return null;
    const rate = 2 * 1024 * 1024;
    const estimatedSecs = Math.ceil(bytes / rate);
    const remainingSecs = Number(left);
    if (estimatedSecs <= remainingSecs * 0.9) return null;
    return { endsAt: Date.UTC(2026, 10, 30, 9, 30), remainingSecs, estimatedSecs, rate, measured: false };
  },
  cancel_upload: ({ id }) => {
    state.cancelled.push(id);
    return true;
  },
  pending_uploads: () => pending.slice(),
  resume_upload: ({ id, row }, channel) => {
    const e = pending.find((p) => p.id === id);
    if (!e) throw error("InvalidInput", "error.invalidInput");
    pending = pending.filter((p) => p.id !== id);
    const rowId = row;
    const event = (state: "uploading" | "done", sent: number) => ({
      id: rowId,
      state,
      sent,
      total: e.size,
      rate: 1_000_000,
      key: e.key,
      contentType: state === "done" ? e.contentType : null,
      error: null,
    });
    setTimeout(() => channel.onmessage(event("uploading", e.size / 2)), 50);
    setTimeout(() => channel.onmessage(event("done", e.size)), 150);
    return null;
  },
  discard_upload: ({ id }) => {
    state.discarded.push(id);
    pending = pending.filter((p) => p.id !== id);
    return null;
  },
  pick_files: () => ["/home/hanako/写真.png"],
  // The device flow: the code arrives at once; the person confirms 400 ms later, unless cancelled first.
  sso_login: (_request, channel) =>
    new Promise<null>((resolve, reject) => {
      const done = setTimeout(
        () => {
          signedIn = true;
          resolve(null);
        },
        params.get("signInHold") ? 60_000 : 400,
      );
      cancelSignIn = () => {
        clearTimeout(done);
        reject(error("Cancelled", "error.cancelled"));
      };
      setTimeout(
        () =>
          channel.onmessage({
            userCode: "WXYZ-1234",
            verificationUri: "https://device.sso.example/",
            verificationUriComplete: "https://device.sso.example/?user_code=WXYZ-1234",
            expiresAt: Date.now() + 600_000,
          }),
        30,
      );
    }),
  cancel_sso_login: () => {
    cancelSignIn();
    return null;
  },
  add_profile: (p) => {
    if (profileList.profiles.some((x) => x.name === p.name)) throw error("AlreadyExists", "error.alreadyExists");
    state.added.push(p.kind === "accessKey" ? { ...p, secretAccessKey: `${p.secretAccessKey.length} chars` } : p);
    profileList.profiles.push({
      name: p.name,
      kind: p.kind === "sso" ? "sso" : "static",
      region: p.region,
      endpointUrl: null,
    });
    return profileList;
  },
  // The add-profile sign-in: the code at once, the accounts after the person "confirms" 300 ms later.
  sso_discover: ({ name }, channel) =>
    new Promise((resolve, reject) => {
      if (profileList.profiles.some((x) => x.name === name))
        return reject(error("AlreadyExists", "error.alreadyExists"));
      setTimeout(
        () =>
          channel.onmessage({
            userCode: "QRST-5678",
            verificationUri: "https://device.sso.example/",
            verificationUriComplete: null,
            expiresAt: Date.now() + 600_000,
          }),
        30,
      );
      const done = setTimeout(
        () =>
          resolve([
            { accountId: "444455556666", accountName: "Development", email: null, roleName: "Admin" },
            { accountId: "111122223333", accountName: "Production", email: "aws@example.com", roleName: "ReadOnly" },
          ]),
        300,
      );
      cancelSignIn = () => {
        clearTimeout(done);
        reject(error("Cancelled", "error.cancelled"));
      };
    }),
  watch_mfa: (_request, channel) => {
    mfaChannel = (q) => channel.onmessage(q);
    return null;
  },
  answer_mfa: ({ id, code }) => {
    state.mfaCodes.push(code);
    const waiting = mfaWaiting.get(id);
    mfaWaiting.delete(id);
    waiting?.(code);
    return waiting !== undefined;
  },
  // `?update=1`: the feed offers 0.2.0; `?update=bad`: it offers one whose signature does not verify.
  check_update: () =>
    params.get("update")
      ? { version: "0.2.0", current: "0.1.0", date: "2026-11-20T09:00:00Z", notes: "Gallery view.\nFaster search." }
      : null,
  install_update: async () => {
    state.installs++;
    if (params.get("update") === "bad") throw error("UpdateRejected", "error.updateRejected");
    return null;
  },
};

mockIPC(
  async (cmd, raw) => {
    const args = (raw ?? {}) as { request?: unknown; channel?: unknown };
    state.calls.push(cmd);
    if (!(cmd in fakes)) throw error("Internal", "error.internal");
    const fake = fakes[cmd as CommandName] as Fake<CommandName>;
    return fake(args.request as never, args.channel as never);
  },
  { shouldMockEvents: true },
);

mockWindows("main");
// Thumbnails come from the page's own server under /thumb/ (a test answers them with page.route); the app's
// `thumb:` scheme exists only in the real window.
(window as unknown as { __TAURI_INTERNALS__: { convertFileSrc: unknown } }).__TAURI_INTERNALS__.convertFileSrc = (
  path: string,
  protocol: string,
) => `${location.origin}/${protocol}/${encodeURIComponent(path)}`;
const firstRow = new MutationObserver(() => {
  if (!document.querySelector(".row.object")) return;
  state.callsBeforeFirstRow = [...state.calls];
  firstRow.disconnect();
});
firstRow.observe(document, { subtree: true, childList: true });
(window as unknown as { __drop: (paths: string[]) => Promise<void> }).__drop = (paths) =>
  emit("tauri://drag-drop", { paths, position: { x: 10, y: 10 } });
// A native menu click (or its keyboard shortcut), as the backend sends it.
(window as unknown as { __menu: (action: MenuAction) => Promise<void> }).__menu = (action) => emit("menu", action);

await import("../src/main");
