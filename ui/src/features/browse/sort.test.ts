import { describe, expect, it } from "vitest";
import { buildRows, parentPrefix } from "./sort";
import type { ObjectEntry } from "../../ipc/bindings";

const obj = (name: string, size: number, date: string): ObjectEntry => ({
  key: `p/${name}`,
  name,
  size,
  lastModified: date,
  etag: null,
  storageClass: null,
});
const objects = [
  obj("b10.pdf", 5, "2026-01-02T00:00:00Z"),
  obj("b9.pdf", 50, "2026-01-01T00:00:00Z"),
  obj("A.png", 1, "2026-01-03T00:00:00Z"),
];
const folders = [
  { prefix: "p/z/", name: "z" },
  { prefix: "p/a/", name: "a" },
];

describe("buildRows", () => {
  it("puts folders first and sorts names naturally", () => {
    const rows = buildRows(folders, objects, "", { key: "name", asc: true });
    expect(rows.map((r) => r.entry.name)).toEqual(["a", "z", "A.png", "b9.pdf", "b10.pdf"]);
  });
  it("sorts by size and date, both directions", () => {
    expect(buildRows([], objects, "", { key: "size", asc: false }).map((r) => r.entry.name)).toEqual([
      "b9.pdf",
      "b10.pdf",
      "A.png",
    ]);
    expect(buildRows([], objects, "", { key: "date", asc: true }).map((r) => r.entry.name)).toEqual([
      "b9.pdf",
      "b10.pdf",
      "A.png",
    ]);
  });
  it("filters case-insensitively over folders and objects", () => {
    expect(buildRows(folders, objects, "A", { key: "name", asc: true }).map((r) => r.entry.name)).toEqual([
      "a",
      "A.png",
    ]);
  });
});

describe("parentPrefix", () => {
  it("goes up one folder", () => {
    expect(parentPrefix("a/b/c/")).toBe("a/b/");
    expect(parentPrefix("a/")).toBe("");
    expect(parentPrefix("")).toBe("");
  });
});
