import { describe, expect, it } from "vitest";
import { ThumbQueue } from "./thumbQueue";
import { MAX_REMEMBERED, remember } from "./viewMode";

describe("ThumbQueue", () => {
  it("starts a few at a time, in order, and never starts one cancelled before its turn", () => {
    const q = new ThumbQueue(2);
    const started: number[] = [];
    const ids = [0, 1, 2, 3, 4].map((n) => q.ask(() => started.push(n)));
    expect(started).toEqual([0, 1]);
    q.cancel(ids[2] ?? 0); // scrolled away while waiting
    q.done(ids[0] ?? 0);
    expect(started).toEqual([0, 1, 3]);
    q.cancel(ids[1] ?? 0); // scrolled away while loading: its place is freed
    expect(started).toEqual([0, 1, 3, 4]);
    q.done(ids[1] ?? 0); // a late finish of a cancelled one changes nothing
    expect(q.stats).toEqual({ running: 2, waiting: 0 });
  });
});

describe("view modes", () => {
  it("keeps galleries per folder, forgets a folder set back to list, and the oldest past the limit", () => {
    let m = remember({}, "b/a/", "gallery");
    m = remember(m, "b/c/", "gallery");
    expect(m).toEqual({ "b/a/": "gallery", "b/c/": "gallery" });
    expect(remember(m, "b/a/", "list")).toEqual({ "b/c/": "gallery" });
    for (let i = 0; i < MAX_REMEMBERED + 3; i++) m = remember(m, `b/${i}/`, "gallery");
    expect(Object.keys(m).length).toBe(MAX_REMEMBERED);
    expect(m["b/a/"]).toBeUndefined();
    expect(m[`b/${MAX_REMEMBERED + 2}/`]).toBe("gallery");
  });
});
