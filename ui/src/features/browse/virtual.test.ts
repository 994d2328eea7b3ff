import { describe, expect, it } from "vitest";
import { layout, MAX_SCROLL_PX, visibleWindow } from "./virtual";
import { crumbs } from "./Breadcrumbs";

describe("visibleWindow", () => {
  it("keeps a 100,000-row list to a screenful plus overscan", () => {
    const w = visibleWindow(100_000, 32, 50_000 * 32, 800, 10);
    expect(w.start).toBe(49_990);
    expect(w.end - w.start).toBeLessThanOrEqual(200);
    expect(w.end - w.start).toBeGreaterThanOrEqual(25);
  });
  it("clamps at both ends", () => {
    expect(visibleWindow(5, 32, 0, 800, 10)).toEqual({ start: 0, end: 5 });
    expect(visibleWindow(0, 32, 0, 800, 10)).toEqual({ start: 0, end: 0 });
    const last = visibleWindow(1000, 32, 1000 * 32, 640, 10);
    expect(last.end).toBe(1000);
  });
});

describe("layout past the browsers' height limit", () => {
  const n = 1_000_000;
  it("caps the content height and still reaches the first and last rows", () => {
    const top = layout(n, 32, 0, 800, 10);
    expect(top.height).toBe(MAX_SCROLL_PX);
    expect([top.start, top.top(0)]).toEqual([0, 0]);
    const bottom = layout(n, 32, MAX_SCROLL_PX - 800, 800, 10);
    expect(bottom.end).toBe(n);
    expect(bottom.top(n - 1)).toBeCloseTo(MAX_SCROLL_PX - 32, 6);
  });
  it("maps a row to a scroll position and back", () => {
    const l = layout(n, 32, 0, 800, 10);
    const at = layout(n, 32, l.scrollFor(654_321), 800, 10);
    expect(at.start + 10).toBe(654_321);
    expect(at.top(654_321)).toBeCloseTo(l.scrollFor(654_321), 6);
    const low = layout(n, 32, l.scrollFor(654_321, true), 800, 10);
    expect(low.top(654_321) + 32).toBeCloseTo(l.scrollFor(654_321, true) + 800, 6);
  });
});

describe("crumbs", () => {
  it("splits a prefix into navigable parts", () => {
    expect(crumbs("")).toEqual([]);
    expect(crumbs("reports/2026/")).toEqual([
      { label: "reports", prefix: "reports/" },
      { label: "2026", prefix: "reports/2026/" },
    ]);
  });
});
