// The main window: profiles and buckets on the left, the folder in the middle, the preview on the right.
import { useCallback, useEffect, useMemo, useState } from "react";
import { api, AppError } from "../ipc/commands";
import type { Bootstrap, BucketInfo, ConnectionInfo, ErrorPayload, ObjectEntry } from "../ipc/bindings";
import { LocaleContext, resolveLocale, translate } from "../i18n/i18n";
import { ProfileSwitcher } from "../features/profiles/ProfileSwitcher";
import { BucketList } from "../features/browse/BucketList";
import { Browser } from "../features/browse/Browser";
import { ErrorBox } from "../shared/ErrorBox";

export function App() {
  const [boot, setBoot] = useState<Bootstrap | null>(null);
  const [active, setActive] = useState<ConnectionInfo | null>(null);
  const [profileError, setProfileError] = useState<ErrorPayload | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const [buckets, setBuckets] = useState<BucketInfo[] | null>(null);
  const [bucketError, setBucketError] = useState<ErrorPayload | null>(null);
  const [location, setLocation] = useState<{ bucket: string | null; prefix: string }>({ bucket: null, prefix: "" });
  const [selected, setSelected] = useState<ObjectEntry | null>(null);

  useEffect(() => {
    api.bootstrap().then((b) => {
      setBoot(b);
      setActive(b.active);
      setProfileError(b.activeError ?? b.profilesError ?? null);
    });
  }, []);

  const locale = useMemo(() => resolveLocale(boot?.settings.language ?? "system", navigator.language), [boot]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const loadBuckets = useCallback(async () => {
    setBuckets(null);
    setBucketError(null);
    try {
      setBuckets(await api.listBuckets());
    } catch (e) {
      if (e instanceof AppError) setBucketError(e.payload);
    }
  }, []);

  useEffect(() => {
    if (!active || !boot) return;
    void loadBuckets();
    const def = boot.settings.profiles[active.profile]?.defaultBucket ?? null;
    setLocation({ bucket: def, prefix: boot.settings.profiles[active.profile]?.defaultPrefix ?? "" });
    setSelected(null);
  }, [active, boot, loadBuckets]);

  const selectProfile = async (name: string) => {
    setSwitching(name);
    try {
      setActive(await api.selectProfile(name));
      setProfileError(null);
    } catch (e) {
      if (e instanceof AppError) setProfileError(e.payload);
    } finally {
      setSwitching(null);
    }
  };

  const reloadProfiles = async () => {
    try {
      const profiles = await api.reloadProfiles();
      setBoot((b) => (b ? { ...b, profiles } : b));
    } catch (e) {
      if (e instanceof AppError) setProfileError(e.payload);
    }
  };

  if (!boot) {
    return <div className="splash">{translate(locale, "app.starting")}</div>;
  }

  return (
    <LocaleContext.Provider value={locale}>
      <div className="app">
        <aside className="sidebar">
          <div className="brand">
            <img src="/icon.svg" alt="" width={24} height={24} />
            <span>{translate(locale, "app.title")}</span>
            {boot.demo && <span className="badge kind-demo">{translate(locale, "app.demoBadge")}</span>}
          </div>
          {boot.notices.map((n) => (
            <div key={n.key} className="notice" role="status">
              {translate(locale, n.key, { path: n.path ?? "" })}
            </div>
          ))}
          <ProfileSwitcher profiles={boot.profiles.profiles} active={active} switching={switching} onSelect={selectProfile} onReload={reloadProfiles} />
          {profileError && <ErrorBox error={profileError} />}
          {active && (
            <BucketList
              buckets={buckets}
              error={bucketError}
              current={location.bucket}
              onOpen={(bucket) => {
                setLocation({ bucket, prefix: "" });
                setSelected(null);
              }}
              onRetry={loadBuckets}
            />
          )}
        </aside>
        <Browser
          location={location}
          onNavigate={(bucket, prefix) => {
            setLocation({ bucket, prefix });
            setSelected(null);
          }}
          selected={selected}
          onSelect={setSelected}
        />
      </div>
    </LocaleContext.Provider>
  );
}
