// When to mint a fresh preview URL: a margin before expiry (10 % of the lifetime, 5 s to 60 s).
export function remintDelay(expiresAtMs: number, lifetimeSecs: number, nowMs: number): number {
  const margin = Math.min(60_000, Math.max(5_000, lifetimeSecs * 100));
  return Math.max(1_000, expiresAtMs - margin - nowMs);
}
