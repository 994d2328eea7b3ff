import { describe, expect, it } from "vitest";
import { applyEvent, ConflictAnswers, EarlyEvents, eta, percent, type Row } from "./queue";

const row = (id: number): Row => ({
  id,
  path: `/tmp/${id}.png`,
  name: `${id}.png`,
  key: `up/${id}.png`,
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
      id: 2,
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
      id: 2,
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

describe("events before the row", () => {
  it("keeps events that arrive before start_upload returns and applies them in order", () => {
    const early = new EarlyEvents();
    const ev = (state: "queued" | "uploading" | "done", sent: number) => ({
      id: 7,
      state,
      sent,
      total: 100,
      rate: 1,
      key: "up/7.png",
      contentType: state === "done" ? "image/png" : null,
      error: null,
    });
    expect(early.offer(ev("queued", 0))).toBe(false);
    expect(early.offer(ev("uploading", 50))).toBe(false);
    expect(early.offer(ev("done", 100))).toBe(false);
    const rows = early.adopt([row(7), row(8)]);
    expect(rows[0]).toMatchObject({ state: "done", sent: 100, contentType: "image/png" });
    expect(rows[1]?.state).toBe("queued");
    expect(early.offer(ev("done", 100))).toBe(true);
    expect(early.adopt([row(7)])[0]?.state).toBe("queued");
  });
});
