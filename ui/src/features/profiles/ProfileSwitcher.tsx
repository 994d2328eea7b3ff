// The sidebar's profile list: kind badge, region, the active one marked; a click switches.
import type { ConnectionInfo, ProfileColor, ProfileInfo, ProfileKind } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/en";

interface Props {
  profiles: ProfileInfo[];
  active: ConnectionInfo | null;
  switching: string | null;
  onSelect: (name: string) => void;
  onReload: () => void;
  onAdd: () => void;
  /** Each profile's colour from the settings. */
  colors: Record<string, ProfileColor | null>;
  /** The active profile asks before changes (shown as a badge). */
  guarded: boolean;
}

export const KIND_KEY: Record<ProfileKind, MessageKey> = {
  static: "profiles.kind.static",
  sso: "profiles.kind.sso",
  credentialProcess: "profiles.kind.credentialProcess",
  assumeRole: "profiles.kind.assumeRole",
  webIdentity: "profiles.kind.webIdentity",
  demo: "profiles.kind.demo",
  other: "profiles.kind.other",
};

export function ProfileSwitcher({ profiles, active, switching, onSelect, onReload, onAdd, colors, guarded }: Props) {
  const { t } = useT();
  return (
    <section className="profiles" aria-labelledby="profiles-title">
      <header className="section-head">
        <h2 id="profiles-title">{t("profiles.title")}</h2>
        <button
          type="button"
          className="icon-button"
          title={t("addProfile.button")}
          aria-label={t("addProfile.button")}
          onClick={onAdd}
          data-testid="add-profile"
        >
          +
        </button>
        <button
          type="button"
          className="icon-button"
          title={t("profiles.reload")}
          aria-label={t("profiles.reload")}
          onClick={onReload}
        >
          ↻
        </button>
      </header>
      {profiles.length === 0 ? (
        <div className="empty">
          <p>{t("profiles.none")}</p>
          <code>{t("profiles.howToAdd")}</code>
        </div>
      ) : (
        <ul className="profile-list" aria-label={t("profiles.title")}>
          {profiles.map((p) => {
            const isActive = active?.profile === p.name;
            return (
              <li key={p.name}>
                <button
                  type="button"
                  className={`profile ${isActive ? "active" : ""}`}
                  aria-current={isActive ? "true" : undefined}
                  onClick={() => onSelect(p.name)}
                  data-profile={p.name}
                  data-color={colors[p.name] ?? undefined}
                >
                  <span className="profile-name">
                    {colors[p.name] && <span className="color-dot" aria-hidden="true" />}
                    {p.name}
                  </span>
                  <span className={`badge kind-${p.kind}`}>{t(KIND_KEY[p.kind])}</span>
                  <span className="profile-region">
                    {switching === p.name ? t("profiles.switching") : (p.region ?? "")}
                    {isActive && guarded && (
                      <span className="badge guard-badge" data-testid="guard-badge">
                        {t("guard.badge")}
                      </span>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
