// The harness's fakes for finding and sharing: search (streamed in pages, with Stop and the scan limit),
// bookmarks and recent places (in memory, with the core's rules that the tests lean on), app links, the profiles
// that can read a bucket, several files shared at once and the record of issued links.
// Query: ?lastVisit=ISO (every folder was opened then before) &readable=a,b (profiles that can read a bucket).
import type { Bookmark, CommandName, Commands, IssuedLink, ObjectEntry, Place, Presigned } from "../src/ipc/bindings";

export type Fake<K extends CommandName> = (
  request: Commands[K]["request"],
  channel: { onmessage: (m: Commands[K]["channel"]) => void },
) => Commands[K]["response"] | Promise<Commands[K]["response"]>;

type Names =
  | "search_objects"
  | "stop_search"
  | "get_places"
  | "visit_place"
  | "edit_bookmarks"
  | "app_link"
  | "readable_profiles"
  | "share_objects"
  | "issued_links";

interface Env {
  params: URLSearchParams;
  /** Every object of the fake bucket, as listed. */
  entries: () => ObjectEntry[];
  presigned: (key: string, secs: number, forPreview: boolean) => Presigned;
  profile: () => string;
}

export const findState = {
  searches: [] as { prefix: string; name: string; limit: number | null }[],
  stops: 0,
  visits: [] as Place[],
  shared: [] as { keys: string[]; expiresSecs: number | null; recipient: string | null }[],
};

export function findFakes({ params, entries, presigned, profile }: Env): { [K in Names]: Fake<K> } {
  let searchNo = 0;
  let bookmarks: Bookmark[] = [];
  let recent: Place[] = [];
  const visited = new Map<string, number>();
  const issued: IssuedLink[] = [];
  const lastVisit = params.get("lastVisit");
  const same = (a: Place, b: Place) => a.bucket === b.bucket && a.prefix === b.prefix;
  const places = () => ({ bookmarks: [...bookmarks], recent: [...recent] });
  return {
    // Pages of 250 keys every 30 ms, so a test can watch hits stream in and press Stop.
    search_objects: async ({ prefix, query, limit }, channel) => {
      const mine = ++searchNo;
      findState.searches.push({ prefix, name: query.name, limit });
      const under = entries().filter((o) => o.key.startsWith(prefix));
      const needle = query.name.toLowerCase().replace(/\*/g, "");
      const max = limit ?? 1_000_000;
      let scanned = 0;
      let found = 0;
      for (let i = 0; i < under.length; i += 250) {
        if (mine !== searchNo) break;
        const page = under.slice(i, Math.min(i + 250, i + max - scanned));
        scanned += page.length;
        const hits = page
          .filter((o) => (o.key.split("/").pop() ?? "").toLowerCase().includes(needle))
          .map((o) => ({ ...o, name: o.key.slice(prefix.length) }));
        found += hits.length;
        const atLimit = scanned >= max && i + 250 < under.length;
        channel.onmessage({ hits, scanned, found, done: !atLimit && i + 250 >= under.length, stoppedAtLimit: atLimit });
        if (atLimit) return { hits: [], scanned, found, done: false, stoppedAtLimit: true };
        await new Promise((r) => setTimeout(r, 30));
      }
      return { hits: [], scanned, found, done: mine === searchNo, stoppedAtLimit: false };
    },
    stop_search: () => {
      findState.stops += 1;
      searchNo += 1;
      return null;
    },
    get_places: () => places(),
    visit_place: (place) => {
      findState.visits.push(place);
      const id = `${place.bucket}/${place.prefix}`;
      const previousMs = visited.get(id) ?? (lastVisit ? Date.parse(lastVisit) : null);
      visited.set(id, Date.now());
      recent = [place, ...recent.filter((r) => !same(r, place))].slice(0, 10);
      return { previousMs, places: places() };
    },
    edit_bookmarks: (edit) => {
      const i = bookmarks.findIndex((b) => same(b, edit.place));
      const fallback = edit.place.prefix.split("/").filter(Boolean).pop() ?? edit.place.bucket;
      if (edit.op === "add") {
        const name = edit.name?.trim() || fallback;
        if (i >= 0) bookmarks[i] = { ...bookmarks[i], ...edit.place, name };
        else bookmarks.push({ ...edit.place, name });
      } else if (i < 0) {
        throw { kind: "InvalidInput", message: "not bookmarked", messageKey: "error.invalidInput", nextStep: "" };
      } else if (edit.op === "rename") {
        bookmarks[i] = { ...edit.place, name: edit.name.trim() || fallback };
      } else if (edit.op === "move") {
        const [b] = bookmarks.splice(i, 1);
        if (b) bookmarks.splice(Math.min(edit.to, bookmarks.length), 0, b);
      } else {
        bookmarks = bookmarks.filter((_, j) => j !== i);
      }
      return places();
    },
    app_link: ({ bucket, key }) =>
      `bucketlens://open?url=${encodeURIComponent(`s3://${bucket}/${key}`)}&profile=${encodeURIComponent(profile())}`,
    readable_profiles: async () => {
      await new Promise((r) => setTimeout(r, 100));
      return (params.get("readable") ?? "personal").split(",").filter(Boolean);
    },
    share_objects: ({ keys, expiresSecs, recipient }) => {
      findState.shared.push({ keys, expiresSecs, recipient });
      const links = keys.map((key) => ({ key, link: presigned(key, expiresSecs ?? 3600, false) }));
      for (const l of links)
        issued.push({
          profile: profile(),
          bucket: "team-docs",
          key: l.key,
          recipient,
          issuedAt: Date.now(),
          expiresAt: l.link.expiresAt,
        });
      return links;
    },
    issued_links: () => [...issued].reverse(),
  };
}
