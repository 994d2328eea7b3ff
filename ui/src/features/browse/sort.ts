// The rows of a folder: folders first, then objects by the chosen column, through an optional filter.
// Rows are a view over the loaded pages, never a copy of them: an unsorted, unfiltered million-key folder
// costs nothing per page, a filter scans only the pages it has not seen, and a large folder is sorted once.
import type { FolderEntry, ObjectEntry } from "../../ipc/bindings";
import { naturalCompare } from "./naturalOrder";
import type { ObjectColumns } from "./objectColumns";

export type SortKey = "name" | "size" | "date";
export interface Sort {
  key: SortKey;
  asc: boolean;
}

export type Row = { kind: "folder"; entry: FolderEntry } | { kind: "object"; entry: ObjectEntry };

/** A read-only list of rows: `at(i)` for one, `slice` for the ones in view. */
export interface Rows {
  readonly length: number;
  at(i: number): Row | undefined;
  slice(start: number, end: number): Row[];
}

/**
 * Up to this many objects are sorted by name naturally ("b9" before "b10") as pages arrive. Above it, name
 * order is S3's own key order (already sorted, so free), and size or date sorts are applied once the
 * folder has finished loading (one index sort: about 0.6 s for a million entries on a slow laptop).
 */
export const NATURAL_SORT_LIMIT = 20_000;

/** Remembers which objects match a filter, so each new page is scanned once. */
export class FilterMemo {
  private filter = "";
  private source: ObjectColumns | null = null;
  private seen = 0;
  private hits: number[] = [];

  matches(objects: ObjectColumns, filter: string): number[] {
    if (filter !== this.filter || objects !== this.source || objects.length < this.seen) {
      this.filter = filter;
      this.source = objects;
      this.seen = 0;
      this.hits = [];
    }
    if (this.seen < objects.length) {
      objects.forEachName(this.seen, (name, i) => {
        if (name.toLowerCase().includes(filter)) this.hits.push(i);
      });
      this.seen = objects.length;
    }
    return this.hits;
  }
}

function objectOrder(objects: ObjectColumns, picked: number[] | null, sort: Sort, done: boolean): number[] | null {
  const count = picked ? picked.length : objects.length;
  const large = count > NATURAL_SORT_LIMIT;
  if (large && sort.key === "name") return picked; // S3 lists keys in order; descending reads it backwards
  if (large && !done) return picked; // sorted once, when the last page is in
  const idx = picked ?? Array.from({ length: count }, (_, i) => i);
  const pos = Uint32Array.from({ length: count }, (_, p) => p);
  const dir = sort.asc ? 1 : -1;
  if (sort.key === "name") {
    const name = idx.map((i) => objects.name(i));
    pos.sort((a, b) => dir * (naturalCompare(name[a] ?? "", name[b] ?? "") || a - b));
  } else {
    // Unknown dates sort before every known one.
    const value = Float64Array.from(idx, (i) => {
      const v = sort.key === "size" ? objects.size(i) : objects.modified(i);
      return Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v;
    });
    pos.sort((a, b) => {
      const x = value[a] ?? 0;
      const y = value[b] ?? 0;
      return dir * (x < y ? -1 : x > y ? 1 : a - b);
    });
  }
  return Array.from(pos, (p) => idx[p] ?? 0);
}

export function buildRows(
  folders: FolderEntry[],
  objects: ObjectColumns,
  filter: string,
  sort: Sort,
  done: boolean,
  memo: FilterMemo = new FilterMemo(),
): Rows {
  const f = filter.trim().toLowerCase();
  const dir = sort.asc ? 1 : -1;
  const fs = folders
    .filter((x) => f === "" || x.name.toLowerCase().includes(f))
    .sort((a, b) => dir * naturalCompare(a.name, b.name));
  const picked = f === "" ? null : memo.matches(objects, f);
  const order = objectOrder(objects, picked, sort, done);
  const count = order ? order.length : objects.length;
  const reversed = !sort.asc && count > NATURAL_SORT_LIMIT && sort.key === "name";
  const objectAt = (j: number): ObjectEntry | undefined => {
    const k = reversed ? count - 1 - j : j;
    return objects.at(order ? (order[k] ?? -1) : k);
  };
  const at = (i: number): Row | undefined => {
    if (i < fs.length) {
      const entry = fs[i];
      return entry && { kind: "folder", entry };
    }
    const entry = objectAt(i - fs.length);
    return entry && { kind: "object", entry };
  };
  const length = fs.length + count;
  return {
    length,
    at,
    slice: (start, end) => {
      const out: Row[] = [];
      for (let i = Math.max(0, start); i < Math.min(end, length); i++) {
        const r = at(i);
        if (r) out.push(r);
      }
      return out;
    },
  };
}

export function parentPrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/$/, "");
  const i = trimmed.lastIndexOf("/");
  return i < 0 ? "" : trimmed.slice(0, i + 1);
}
