// The top of the sidebar: the app's name, the demo badge and the way into Settings.
import { useT } from "../i18n/i18n";

export function Brand({ demo, onSettings }: { demo: boolean; onSettings: () => void }) {
  const { t } = useT();
  return (
    <div className="brand">
      <img src="/icon.svg" alt="" width={24} height={24} />
      <span>{t("app.title")}</span>
      {demo && <span className="badge kind-demo">{t("app.demoBadge")}</span>}
      <button
        type="button"
        className="icon-button settings-button"
        onClick={onSettings}
        title={t("settings.title")}
        aria-label={t("settings.title")}
        data-testid="open-settings"
      >
        ⚙
      </button>
    </div>
  );
}
