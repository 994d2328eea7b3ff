// The main window: profiles and buckets on the left, the folder in the middle, the preview on the right.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api, AppError } from "../ipc/commands";
import type { Bootstrap, ConnectionInfo, ErrorPayload, ObjectEntry, Settings } from "../ipc/bindings";
import { LocaleContext, resolveLocale, translate } from "../i18n/i18n";
import { ProfileSwitcher } from "../features/profiles/ProfileSwitcher";
import { SignInHelp } from "../features/profiles/SignInHelp";
import { MfaDialog, useMfaQuestions } from "../features/profiles/MfaDialog";
import { AddProfileDialog } from "../features/profiles/AddProfile";
import { LifetimeNote, useExpiry } from "../features/profiles/Lifetime";
import { ActiveProfileContext } from "../features/profiles/activeProfile";
import { BucketList, useBuckets } from "../features/browse/BucketList";
import { Browser } from "../features/browse/Browser";
import { SettingsView } from "../features/settings/SettingsView";
import { FirstRun } from "../features/onboarding/FirstRun";
import { UpdateDialog } from "../features/updates/UpdateDialog";
import { ErrorBox } from "../shared/ErrorBox";
import { Dialog } from "../shared/Dialog";
import { usePlaces } from "../features/places/usePlaces";
import { PlacesPanel } from "../features/places/PlacesPanel";
import { entryFor, useOpenPlace } from "../features/places/useOpenPlace";
import type { OpenTarget } from "../features/places/OpenLinkDialog";
import { IssuedLinks } from "../features/share/IssuedLinks";
import { useTheme } from "./theme";
import { useMenu } from "./useMenu";
import { Brand } from "./Brand";
import { askBootstrap, bootstrapAnswer } from "./boot";

/** Why the profiles or the remembered profile could not be used at start, if so. */
const problemOf = (b: Bootstrap): ErrorPayload | null => b.activeError ?? b.profilesError ?? null;

/** Where a profile opens: its default bucket and folder from the settings. */
const home = (settings: Settings, profile: string) => {
  const p = settings.profiles[profile];
  return { bucket: p?.defaultBucket ?? null, prefix: p?.defaultPrefix ?? "" };
};

export function App() {
  // The first question's answer, when it came before this first render (see boot.ts).
  const early = bootstrapAnswer();
  const [boot, setBoot] = useState<Bootstrap | null>(early);
  const [settings, setSettings] = useState<Settings | null>(early?.settings ?? null);
  const [active, setActive] = useState<ConnectionInfo | null>(early?.active ?? null);
  const [profileError, setProfileError] = useState<ErrorPayload | null>(early && problemOf(early));
  const [switching, setSwitching] = useState<string | null>(null);
  const [location, setLocation] = useState<{ bucket: string | null; prefix: string }>(() =>
    early?.active ? home(early.settings, early.active.profile) : { bucket: null, prefix: "" },
  );
  const [selected, setSelected] = useState<ObjectEntry | null>(null);
  // Moves to where `profile` opens; the same place keeps its object, so nothing re-renders or lists again.
  const goHome = useCallback((s: Settings, profile: string) => {
    const to = home(s, profile);
    setLocation((l) => (l.bucket === to.bucket && l.prefix === to.prefix ? l : to));
  }, []);
  const [showSettings, setShowSettings] = useState(false);
  const [showAbout, setShowAbout] = useState(false);
  const [showUpdates, setShowUpdates] = useState(false);
  const [showAddProfile, setShowAddProfile] = useState(false);
  const [showIssued, setShowIssued] = useState(false);
  const places = usePlaces(active?.profile ?? null, location.bucket, location.prefix);
  const [refresh, setRefresh] = useState(0);
  const [mfaQuestions, mfaAnswered] = useMfaQuestions();
  const expiresAt = useExpiry(active, setProfileError);

  useEffect(() => {
    // Set again when it was there for the first render: the same objects, so React keeps what it has.
    askBootstrap().then((b) => {
      setBoot(b);
      setSettings(b.settings);
      setActive(b.active);
      // The remembered place in the same render as the profile (its first page came with the answer).
      if (b.active) goHome(b.settings, b.active.profile);
      setProfileError(problemOf(b));
    });
  }, [goHome]);

  // "System" follows the operating system's language as the backend reads it, then the webview's.
  const system = boot?.systemLocale ?? navigator.language;
  const locale = useMemo(() => resolveLocale(settings?.language ?? "system", system), [settings?.language, system]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useTheme(settings?.theme ?? "system");

  const { buckets, bucketError, loadBuckets } = useBuckets();

  // Only a profile switch moves the view; saving other settings must not.
  // biome-ignore lint/correctness/useExhaustiveDependencies: settings are read, not watched (see above)
  useEffect(() => {
    if (!active || !settings) return;
    void loadBuckets();
    const link = openPlace.takePending();
    if (link) goPlace(link);
    else {
      goHome(settings, active.profile);
      setSelected(null);
    }
  }, [active, loadBuckets]);

  const selectProfile = useCallback(async (name: string) => {
    setSwitching(name);
    try {
      setActive(await api.selectProfile(name));
      setProfileError(null);
    } catch (e) {
      // A cancelled MFA question keeps the previous profile, with nothing to report.
      if (e instanceof AppError && e.payload.kind !== "Cancelled") setProfileError(e.payload);
    } finally {
      setSwitching(null);
    }
  }, []);

  const goPlace = useCallback((a: OpenTarget) => {
    setLocation({ bucket: a.bucket, prefix: a.prefix });
    setSelected(a.key ? entryFor(a.key) : null);
  }, []);
  const profileNames = boot?.profiles.profiles.map((p) => p.name) ?? [];
  const openPlace = useOpenPlace(profileNames, active?.profile ?? null, selectProfile, goPlace);

  // The place the app was launched to open, once the first answer says which profiles there are.
  const launched = useRef(false);
  useEffect(() => {
    if (launched.current || !boot) return;
    launched.current = true;
    if (boot.launch?.action === "openLocation") openPlace.open(boot.launch);
  }, [boot, openPlace.open]);

  const reloadProfiles = useCallback(async () => {
    try {
      const profiles = await api.reloadProfiles();
      setBoot((b) => (b ? { ...b, profiles, profilesError: null } : b));
    } catch (e) {
      if (e instanceof AppError) setProfileError(e.payload);
    }
  }, []);

  useMenu((payload) => {
    if (payload.action === "settings") setShowSettings(true);
    else if (payload.action === "about") setShowAbout(true);
    else if (payload.action === "checkUpdates") setShowUpdates(true);
    else if (payload.action === "refresh") setRefresh((r) => r + 1);
    else if (payload.action === "reloadProfiles") void reloadProfiles();
    else if (payload.action === "selectProfile") void selectProfile(payload.profile);
    else if (payload.action === "openLocation") openPlace.open(payload);
  });

  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate(locale, key, vars);
  const mfa = mfaQuestions[0] && (
    <MfaDialog
      key={mfaQuestions[0].id}
      question={mfaQuestions[0]}
      onDone={() => mfaAnswered(mfaQuestions[0]?.id ?? "")}
    />
  );
  if (!boot || !settings)
    return (
      <LocaleContext.Provider value={locale}>
        <div className="splash">{t("app.starting")}</div>
        {mfa}
      </LocaleContext.Provider>
    );

  const tryDemo = async () => {
    const info = await api.startDemo();
    const [profiles, fresh] = await Promise.all([api.listProfiles(), api.getSettings()]);
    setBoot({ ...boot, profiles, demo: true });
    setSettings(fresh);
    setActive(info);
  };
  const noProfiles = boot.profiles.profiles.length === 0;
  const activeSettings = active ? settings.profiles[active.profile] : undefined;
  const activeProfile = {
    name: active?.profile ?? null,
    guarded: activeSettings?.confirmChanges ?? false,
    color: activeSettings?.color ?? null,
  };
  const colors = Object.fromEntries(Object.entries(settings.profiles).map(([n, p]) => [n, p.color]));

  return (
    <LocaleContext.Provider value={locale}>
      <ActiveProfileContext.Provider value={activeProfile}>
        <div className="app" data-profile-color={activeProfile.color ?? undefined}>
          <aside className="sidebar">
            <Brand demo={boot.demo} onSettings={() => setShowSettings(true)} />
            {boot.notices.map((n) => (
              <div key={n.key} className="notice" role="status">
                {t(n.key, { path: n.path ?? "", fields: n.fields.join(", ") })}
              </div>
            ))}
            <ProfileSwitcher
              profiles={boot.profiles.profiles}
              active={active}
              switching={switching}
              onSelect={selectProfile}
              onReload={reloadProfiles}
              onAdd={() => setShowAddProfile(true)}
              colors={colors}
              guarded={activeProfile.guarded}
            />
            {active && !profileError && <LifetimeNote expiresAt={expiresAt} />}
            {profileError && <ErrorBox error={profileError} />}
            {profileError?.kind === "SsoLoginRequired" && profileError.profile && (
              <SignInHelp
                profile={profileError.profile}
                onSignedIn={() => void selectProfile(profileError.profile ?? "")}
              />
            )}
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
            {active && (
              <PlacesPanel
                places={places.places}
                current={location}
                error={places.error}
                onOpen={(p) => {
                  setLocation({ bucket: p.bucket, prefix: p.prefix });
                  setSelected(null);
                }}
                onEdit={(e) => void places.edit(e)}
              />
            )}
            <button type="button" className="link-button small issued-button" onClick={() => setShowIssued(true)}>
              {t("issued.open")}
            </button>
          </aside>
          {noProfiles && !boot.demo ? (
            <FirstRun onTryDemo={tryDemo} onReload={reloadProfiles} onAdd={() => setShowAddProfile(true)} />
          ) : (
            <Browser
              key={refresh}
              allowedTypes={settings.uploads.allowedTypes}
              location={location}
              onNavigate={(bucket, prefix) => {
                setLocation({ bucket, prefix });
                setSelected(null);
              }}
              selected={selected}
              onSelect={setSelected}
              since={places.since}
              bookmarked={places.places.bookmarks.some(
                (b) => b.bucket === location.bucket && b.prefix === location.prefix,
              )}
              onBookmark={() => {
                if (location.bucket)
                  void places.edit({
                    op: "add",
                    place: { bucket: location.bucket, prefix: location.prefix },
                    name: null,
                  });
              }}
              scanLimit={settings.search.scanLimit}
            />
          )}
          {showSettings && (
            <SettingsView
              initial={settings}
              profiles={boot.profiles.profiles}
              active={active?.profile ?? null}
              logDir={boot.logDir}
              onSaved={(s) => {
                setSettings(s);
                if (
                  active &&
                  JSON.stringify(s.profiles[active.profile]) !== JSON.stringify(settings.profiles[active.profile])
                )
                  void selectProfile(active.profile);
              }}
              onClose={() => setShowSettings(false)}
            />
          )}
          {mfa}
          {showAddProfile && (
            <AddProfileDialog
              onCancel={() => setShowAddProfile(false)}
              onAdded={(profiles, name) => {
                setShowAddProfile(false);
                setBoot({ ...boot, profiles, profilesError: null });
                void selectProfile(name);
              }}
            />
          )}
          {openPlace.dialog}
          {showIssued && <IssuedLinks onClose={() => setShowIssued(false)} />}
          {showUpdates && <UpdateDialog version={boot.version} onClose={() => setShowUpdates(false)} />}
          {showAbout && (
            <Dialog title={t("about.title")} onCancel={() => setShowAbout(false)}>
              <p>BucketLens {boot.version}</p>
              <p className="muted">{t("about.body")}</p>
              <div className="dialog-buttons">
                <button type="button" onClick={() => setShowAbout(false)}>
                  {t("settings.close")}
                </button>
              </div>
            </Dialog>
          )}
        </div>
      </ActiveProfileContext.Provider>
    </LocaleContext.Provider>
  );
}
