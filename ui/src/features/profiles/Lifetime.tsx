// How long the active profile's temporary credentials last. The backend renews them where the source allows
// (an SSO refresh token, a role assumed again); this asks it every minute, so the expiry shown is the current
// one, and a renewal that fails shows its error (with Sign in) before an action fails.
import { useEffect, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ConnectionInfo, ErrorPayload } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";

/** The credentials' expiry (Unix ms), kept current; `onError` gets a failed renewal. */
export function useExpiry(active: ConnectionInfo | null, onError: (e: ErrorPayload) => void): number | null {
  const [expiresAt, setExpiresAt] = useState<number | null>(active?.credentialsExpireAt ?? null);
  useEffect(() => {
    setExpiresAt(active?.credentialsExpireAt ?? null);
    if (!active?.temporary) return;
    const timer = setInterval(() => {
      api
        .currentSession()
        .then((s) => {
          if (s?.profile === active.profile) setExpiresAt(s.credentialsExpireAt);
        })
        .catch((e) => {
          if (e instanceof AppError) onError(e.payload);
        });
    }, 60_000);
    return () => clearInterval(timer);
  }, [active, onError]);
  return expiresAt;
}

/** Minutes under which the note turns into a warning. */
const SOON_MIN = 10;

export function LifetimeNote({ expiresAt }: { expiresAt: number | null }) {
  const { t, locale } = useT();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (expiresAt === null) return null;
  const minutes = Math.max(0, Math.floor((expiresAt - now) / 60_000));
  const until = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(expiresAt);
  const left =
    minutes >= 120 ? t("lifetime.hours", { hours: Math.floor(minutes / 60) }) : t("lifetime.minutes", { minutes });
  const soon = minutes < SOON_MIN;
  return (
    <p className={`lifetime ${soon ? "soon" : ""}`} data-testid="lifetime" role={soon ? "status" : undefined}>
      {t(soon ? "lifetime.soon" : "lifetime.until", { until, left })}
    </p>
  );
}
