import { describe, expect, it } from "vitest";
import { remintDelay } from "./remint";

describe("remintDelay", () => {
  const now = 1_000_000;
  it("re-mints a minute early for long links", () => {
    expect(remintDelay(now + 3_600_000, 3600, now)).toBe(3_540_000);
  });
  it("re-mints 10 % early for a five-minute preview", () => {
    expect(remintDelay(now + 300_000, 300, now)).toBe(270_000);
  });
  it("never schedules in the past or sooner than a second", () => {
    expect(remintDelay(now + 3_000, 3, now)).toBe(1_000);
    expect(remintDelay(now - 10_000, 300, now)).toBe(1_000);
  });
});
