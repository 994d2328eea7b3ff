// The objects of a folder as the listing pages bring them: each page kept in columns as it arrived (one string of
// names, typed arrays of sizes and dates), never copied and never turned into one object per key. A million keys
// cost about 35 bytes each here; a row's `ObjectEntry` is made only when a row is drawn or chosen.
import type { FileKind, ObjectColumns as Page, ObjectEntry } from "../../ipc/bindings";

/** The backend's one-letter kinds (core `FileKind::letter`). */
const KINDS: Record<string, FileKind> = { p: "pdf", i: "image", t: "text", o: "office", m: "media" };
/** Kinds the full-window viewer steps through. */
const VIEWABLE: ReadonlySet<FileKind> = new Set(["pdf", "image", "text", "media"]);

/** True when a file of this kind (as its name says) is shown by a viewer rather than a card. */
export const viewable = (o: ObjectEntry): boolean => o.kind !== null && VIEWABLE.has(o.kind);

interface Chunk {
  start: number;
  names: string;
  ends: Uint32Array;
  sizes: Float64Array;
  /** Milliseconds since 1970; NaN where the server sent no date. */
  modified: Float64Array;
  /** One letter per object. */
  kinds: string;
}

/** The name of the chunk's `j`-th object. */
function nameIn(c: Chunk, j: number): string {
  return c.names.slice(j === 0 ? 0 : (c.ends[j - 1] ?? 0), c.ends[j] ?? 0);
}

export class ObjectColumns {
  private readonly chunks: Chunk[] = [];
  length = 0;

  /** `prefix` is the listed folder: an object's key is the prefix followed by its name. */
  constructor(readonly prefix: string) {}

  push(page: Page): void {
    const n = page.nameEnds.length;
    if (n === 0) return;
    this.chunks.push({
      start: this.length,
      names: page.names,
      ends: Uint32Array.from(page.nameEnds),
      sizes: Float64Array.from(page.sizes),
      modified: Float64Array.from(page.modified, (m) => m ?? Number.NaN),
      kinds: page.kinds,
    });
    this.length += n;
  }

  private chunk(i: number): Chunk | undefined {
    if (i < 0 || i >= this.length) return undefined;
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.chunks[mid]?.start ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.chunks[lo];
  }

  name(i: number): string {
    const c = this.chunk(i);
    return c ? nameIn(c, i - c.start) : "";
  }

  size(i: number): number {
    const c = this.chunk(i);
    return c ? (c.sizes[i - c.start] ?? 0) : 0;
  }

  /** Milliseconds since 1970, NaN when unknown. */
  modified(i: number): number {
    const c = this.chunk(i);
    return c ? (c.modified[i - c.start] ?? Number.NaN) : Number.NaN;
  }

  /** The entry at `i` as the rest of the window knows objects, or undefined outside 0..length. */
  at(i: number): ObjectEntry | undefined {
    const c = this.chunk(i);
    if (!c) return undefined;
    const j = i - c.start;
    const name = nameIn(c, j);
    const ms = c.modified[j] ?? Number.NaN;
    return {
      key: this.prefix + name,
      name,
      size: c.sizes[j] ?? 0,
      lastModified: Number.isNaN(ms) ? null : new Date(ms).toISOString(),
      etag: null,
      storageClass: null,
      kind: KINDS[c.kinds[j] ?? ""] ?? null,
    };
  }

  /** Calls `fn` with every name from `from` on, in order, with its index. */
  forEachName(from: number, fn: (name: string, index: number) => void): void {
    for (const c of this.chunks) {
      const count = c.ends.length;
      if (c.start + count <= from) continue;
      for (let j = Math.max(0, from - c.start); j < count; j++) {
        fn(nameIn(c, j), c.start + j);
      }
    }
  }
}

/** Counts the objects modified after a moment ("new since your last visit"), reading each page once. */
export class NewSince {
  private source: ObjectColumns | null = null;
  private since = Number.NaN;
  private seen = 0;
  private n = 0;

  count(objects: ObjectColumns, since: number | null): number {
    if (since === null) return 0;
    if (objects !== this.source || since !== this.since || objects.length < this.seen) {
      this.source = objects;
      this.since = since;
      this.seen = 0;
      this.n = 0;
    }
    for (; this.seen < objects.length; this.seen++) if (objects.modified(this.seen) > since) this.n++;
    return this.n;
  }
}

/** Packs entries into one page of columns, as the backend sends them (for tests and the browser harness). */
export function toColumns(
  entries: readonly { name: string; size: number; lastModified: string | null; kind?: FileKind | null }[],
): Page {
  const letter = Object.fromEntries(Object.entries(KINDS).map(([l, k]) => [k, l]));
  let names = "";
  const nameEnds: number[] = [];
  for (const e of entries) {
    names += e.name;
    nameEnds.push(names.length);
  }
  return {
    names,
    nameEnds,
    sizes: entries.map((e) => e.size),
    modified: entries.map((e) => (e.lastModified ? Date.parse(e.lastModified) : null)),
    kinds: entries.map((e) => (e.kind ? letter[e.kind] : "-")).join(""),
  };
}
