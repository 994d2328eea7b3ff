import { describe, expect, it } from "vitest";
import { applyEvent, ConflictAnswers, eta, newRowId, percent, type Row } from "./queue";

const row = (n: number): Row => ({
  id: `r${n}`,
  path: `/tmp/${n}.png`,
  name: `${n}.png`,
  key: `up/${n}.png`,
  state: "queued",
  sent: 0,
  total: 100,
  rate: 0,
  contentType: null,
  error: null,
  note: null,
});

describe("upload queue", () => {
  it("applies events to the matching row only", () => {
    const rows = applyEvent([row(1), row(2)], {
      id: "r2",
      state: "uploading",
      sent: 40,
      total: 100,
      rate: 20,
      key: "up/2.png",
      contentType: null,
      error: null,
    });
    expect(rows[0]?.state).toBe("queued");
    expect(rows[1]).toMatchObject({ state: "uploading", sent: 40, rate: 20 });
    const done = applyEvent(rows, {
      id: "r2",
      state: "done",
      sent: 100,
      total: 100,
      rate: 30,
      key: "up/2 (1).png",
      contentType: "image/png",
      error: null,
    });
    expect(done[1]).toMatchObject({ state: "done", key: "up/2 (1).png", contentType: "image/png" });
    expect(done[1] && percent(done[1])).toBe(100);
  });
  it("estimates time left", () => {
    expect(eta({ sent: 40, total: 100, rate: 20 })).toBe(3);
    expect(eta({ sent: 0, total: 100, rate: 0 })).toBeNull();
    expect(percent({ sent: 33, total: 100, state: "uploading" })).toBe(33);
    expect(percent({ sent: 0, total: 0, state: "uploading" })).toBe(0);
  });
  it("asks per file until an answer applies to all", () => {
    const a = new ConflictAnswers();
    const existing = ["a.png", "b.png", "c.png"];
    expect(a.pending(existing)).toBe("a.png");
    a.answer("a.png", "replace", false);
    expect(a.pending(existing)).toBe("b.png");
    a.answer("b.png", "keepBoth", true);
    expect(a.pending(existing)).toBeNull();
    const set = new Set(existing);
    expect([
      a.policyFor("a.png", set),
      a.policyFor("b.png", set),
      a.policyFor("c.png", set),
      a.policyFor("new.png", set),
    ]).toEqual(["replace", "keepBoth", "keepBoth", "ask"]);
  });
});

describe("rows named by the window", () => {
  it("gives every row its own id", () => {
    const ids = new Set(Array.from({ length: 1000 }, newRowId));
    expect(ids.size).toBe(1000);
  });
  it("keeps a paused row's bytes and shows the bar again where it was", () => {
    const ev = (state: "uploading" | "paused" | "queued", sent: number) => ({
      id: "r7",
      state,
      sent,
      total: state === "uploading" ? 100 : 0,
      rate: 1,
      key: "up/7.png",
      contentType: null,
      error: null,
    });
    let rows = applyEvent([row(7)], ev("uploading", 60));
    rows = applyEvent(rows, ev("paused", 0));
    expect(rows[0]).toMatchObject({ state: "paused", sent: 60, total: 100 });
    rows = applyEvent(rows, ev("queued", 0));
    expect(rows[0]).toMatchObject({ state: "queued", sent: 60 });
    expect(applyEvent(rows, { ...ev("uploading", 80), id: "r8" })).toEqual(rows);
  });
});
