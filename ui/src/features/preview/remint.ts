// When to mint a fresh preview URL, and what to do when an image fails to load.

/** A margin before expiry (10 % of the lifetime, 5 s to 60 s). */
export function remintDelay(expiresAtMs: number, lifetimeSecs: number, nowMs: number): number {
  const margin = Math.min(60_000, Math.max(5_000, lifetimeSecs * 100));
  return Math.max(1_000, expiresAtMs - margin - nowMs);
}

/** How many times a failed image load is retried before the pane says it could not be shown. */
export const IMAGE_RETRIES = 2;

export type RetryStep = { action: "reload" | "remint"; delayMs: number } | { action: "giveUp" };

/**
 * After the `failures`-th failed load: wait (500 ms, then 1 s), then load the same link again, or mint a new
 * one only when the link has expired or is about to (an expired link fails every time; a fresh one fails
 * for another reason, and re-minting would not help). After IMAGE_RETRIES retries, give up.
 */
export function imageRetry(failures: number, expiresAtMs: number, nowMs: number): RetryStep {
  if (failures > IMAGE_RETRIES) return { action: "giveUp" };
  const delayMs = 500 * 2 ** (failures - 1);
  const expired = expiresAtMs - nowMs - delayMs < 5_000;
  return { action: expired ? "remint" : "reload", delayMs };
}
