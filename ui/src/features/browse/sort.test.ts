import { describe, expect, it } from "vitest";
import { buildRows, FilterMemo, NATURAL_SORT_LIMIT, parentPrefix, type Rows, type Sort } from "./sort";
import { ObjectColumns, toColumns } from "./objectColumns";
import type { ObjectEntry } from "../../ipc/bindings";

const obj = (name: string, size: number, date: string): ObjectEntry => ({
  key: `p/${name}`,
  name,
  size,
  lastModified: date,
  etag: null,
  storageClass: null,
  kind: null,
});
const chunked = (objects: ObjectEntry[], pageSize = 2) => {
  const c = new ObjectColumns("p/");
  for (let i = 0; i < objects.length; i += pageSize) c.push(toColumns(objects.slice(i, i + pageSize)));
  return c;
};
const objects = chunked([
  obj("b10.pdf", 5, "2026-01-02T00:00:00Z"),
  obj("b9.pdf", 50, "2026-01-01T00:00:00Z"),
  obj("A.png", 1, "2026-01-03T00:00:00Z"),
]);
const folders = [
  { prefix: "p/z/", name: "z" },
  { prefix: "p/a/", name: "a" },
];
const names = (rows: Rows) => rows.slice(0, rows.length).map((r) => r.entry.name);
const byName: Sort = { key: "name", asc: true };

describe("buildRows", () => {
  it("puts folders first and sorts names naturally", () => {
    expect(names(buildRows(folders, objects, "", byName, true))).toEqual(["a", "z", "A.png", "b9.pdf", "b10.pdf"]);
  });
  it("sorts by size and date, both directions", () => {
    expect(names(buildRows([], objects, "", { key: "size", asc: false }, true))).toEqual([
      "b9.pdf",
      "b10.pdf",
      "A.png",
    ]);
    expect(names(buildRows([], objects, "", { key: "date", asc: true }, true))).toEqual(["b9.pdf", "b10.pdf", "A.png"]);
  });
  it("filters case-insensitively over folders and objects", () => {
    expect(names(buildRows(folders, objects, "A", byName, true))).toEqual(["a", "A.png"]);
  });
  it("answers at() for one row and nothing outside", () => {
    const rows = buildRows(folders, objects, "", byName, true);
    expect(rows.at(2)?.entry.name).toBe("A.png");
    expect(rows.at(5)).toBeUndefined();
    expect(rows.at(-1)).toBeUndefined();
  });
});

describe("a large folder", () => {
  const n = NATURAL_SORT_LIMIT + 5;
  // S3's order: keys sorted by their bytes.
  const keys = Array.from({ length: n }, (_, i) => obj(`k${String(i).padStart(6, "0")}`, (i * 7919) % 1000, ""));
  const big = chunked(keys, 1000);

  it("is shown in S3's key order for name, forwards and backwards, without sorting", () => {
    const asc = buildRows([], big, "", byName, false);
    expect(asc.at(0)?.entry.name).toBe("k000000");
    expect(asc.at(n - 1)?.entry.name).toBe(keys[n - 1]?.name);
    const desc = buildRows([], big, "", { key: "name", asc: false }, false);
    expect(desc.at(0)?.entry.name).toBe(keys[n - 1]?.name);
  });
  it("is sorted by size once loaded, not while pages arrive", () => {
    const loading = buildRows([], big, "", { key: "size", asc: true }, false);
    expect(loading.at(0)?.entry.name).toBe("k000000");
    const done = buildRows([], big, "", { key: "size", asc: false }, true);
    const size = (r: ReturnType<Rows["at"]>) => (r?.kind === "object" ? r.entry.size : -1);
    expect(size(done.at(0))).toBe(999);
    expect(size(done.at(n - 1))).toBe(0);
  });
  it("scans each new page once for a filter", () => {
    const growing = new ObjectColumns("p/");
    const memo = new FilterMemo();
    let scanned = 0;
    const walk = growing.forEachName.bind(growing);
    growing.forEachName = (from, fn) =>
      walk(from, (name, i) => {
        scanned++;
        fn(name, i);
      });
    for (let i = 0; i < n; i += 1000) {
      growing.push(toColumns(keys.slice(i, i + 1000)));
      memo.matches(growing, "k0000");
    }
    expect(scanned).toBe(n);
    expect(memo.matches(growing, "k0000").length).toBe(100);
    expect(buildRows([], growing, "k0000", byName, true, memo).length).toBe(100);
  });
});

describe("ObjectColumns", () => {
  const page = (names: string[]) =>
    toColumns(
      names.map((name, i) => ({
        name,
        size: i,
        lastModified: i ? `2026-01-0${i}T00:00:00Z` : null,
        kind: name.endsWith(".pdf") ? ("pdf" as const) : null,
      })),
    );

  it("finds entries across pages and walks from an index", () => {
    const c = new ObjectColumns("dir/");
    c.push(page(["a", "報告書🙂.pdf", ""]));
    c.push(page([]));
    c.push(page(["d"]));
    c.push(page(["e\n", "f"]));
    expect([c.length, c.name(0), c.name(1), c.name(2), c.name(3), c.name(4), c.name(6)]).toEqual([
      6,
      "a",
      "報告書🙂.pdf",
      "",
      "d",
      "e\n",
      "",
    ]);
    expect(c.at(1)).toEqual({
      key: "dir/報告書🙂.pdf",
      name: "報告書🙂.pdf",
      size: 1,
      lastModified: "2026-01-01T00:00:00.000Z",
      etag: null,
      storageClass: null,
      kind: "pdf",
    });
    expect(c.at(0)?.lastModified).toBeNull();
    expect(c.at(0)?.kind).toBeNull();
    expect([c.at(6), c.at(-1), c.size(5), c.modified(0)]).toEqual([undefined, undefined, 1, Number.NaN]);
    const seen: string[] = [];
    c.forEachName(2, (name, i) => seen.push(`${i}:${name}`));
    expect(seen).toEqual(["2:", "3:d", "4:e\n", "5:f"]);
  });
});

describe("parentPrefix", () => {
  it("goes up one folder", () => {
    expect(parentPrefix("a/b/c/")).toBe("a/b/");
    expect(parentPrefix("a/")).toBe("");
    expect(parentPrefix("")).toBe("");
  });
});
