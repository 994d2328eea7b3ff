// Shown when no AWS profile exists: try the demo bucket, or learn how to add a profile. No dead end.
import { useState } from "react";
import { useT } from "../../i18n/i18n";

export function FirstRun({ onTryDemo, onReload }: { onTryDemo: () => Promise<void>; onReload: () => void }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  return (
    <div className="first-run" data-testid="first-run">
      <h1>{t("firstRun.title")}</h1>
      <p>{t("firstRun.body")}</p>
      <div className="first-run-cards">
        <section>
          <h2>{t("firstRun.demoTitle")}</h2>
          <p className="muted">{t("firstRun.demoBody")}</p>
          <button type="button" className="primary" disabled={busy} onClick={async () => { setBusy(true); try { await onTryDemo(); } finally { setBusy(false); } }} data-testid="try-demo">
            {busy ? t("firstRun.starting") : t("firstRun.tryDemo")}
          </button>
        </section>
        <section>
          <h2>{t("firstRun.addTitle")}</h2>
          <p className="muted">{t("firstRun.addKeys")}</p>
          <pre>aws configure --profile work</pre>
          <p className="muted">{t("firstRun.addSso")}</p>
          <pre>{"[profile work]\nsso_session = my-company\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = ap-northeast-1\n\n[sso-session my-company]\nsso_start_url = https://my-company.awsapps.com/start\nsso_region = ap-northeast-1"}</pre>
          <button type="button" onClick={onReload}>{t("profiles.reload")}</button>
        </section>
      </div>
    </div>
  );
}
