import { describe, expect, it } from "vitest";
import { imageRetry, remintDelay } from "./remint";

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

describe("imageRetry", () => {
  const now = 1_000_000;
  const fresh = now + 300_000;
  it("reloads a fresh link twice with a growing pause, then gives up", () => {
    expect(imageRetry(1, fresh, now)).toEqual({ action: "reload", delayMs: 500 });
    expect(imageRetry(2, fresh, now)).toEqual({ action: "reload", delayMs: 1_000 });
    expect(imageRetry(3, fresh, now)).toEqual({ action: "giveUp" });
  });
  it("mints a new link only when the old one has expired or is about to", () => {
    expect(imageRetry(1, now - 1, now)).toEqual({ action: "remint", delayMs: 500 });
    expect(imageRetry(2, now + 5_500, now)).toEqual({ action: "remint", delayMs: 1_000 });
    expect(imageRetry(1, now + 6_000, now)).toEqual({ action: "reload", delayMs: 500 });
  });
});
