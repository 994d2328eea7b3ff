import { describe, expect, it } from "vitest";
import { visibleWindow } from "./virtual";
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

describe("crumbs", () => {
  it("splits a prefix into navigable parts", () => {
    expect(crumbs("")).toEqual([]);
    expect(crumbs("reports/2026/")).toEqual([
      { label: "reports", prefix: "reports/" },
      { label: "2026", prefix: "reports/2026/" },
    ]);
  });
});
