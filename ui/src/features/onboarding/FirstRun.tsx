// Shown when no AWS profile exists: try the demo bucket, or learn how to add a profile. No dead end.
import { useState } from "react";
import { useT } from "../../i18n/i18n";

const SSO_EXAMPLE = [
  "[profile work]",
  "sso_session = my-company",
  "sso_account_id = 111122223333",
  "sso_role_name = ReadOnly",
  "region = ap-northeast-1",
  "",
  "[sso-session my-company]",
  "sso_start_url = https://my-company.awsapps.com/start",
  "sso_region = ap-northeast-1",
].join("\n");

export function FirstRun({
  onTryDemo,
  onReload,
  onAdd,
}: {
  onTryDemo: () => Promise<void>;
  onReload: () => void;
  onAdd: () => void;
}) {
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
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onTryDemo();
              } finally {
                setBusy(false);
              }
            }}
            data-testid="try-demo"
          >
            {busy ? t("firstRun.starting") : t("firstRun.tryDemo")}
          </button>
        </section>
        <section>
          <h2>{t("firstRun.addTitle")}</h2>
          <button type="button" className="primary" onClick={onAdd} data-testid="first-run-add">
            {t("addProfile.button")}
          </button>
          <p className="muted">{t("firstRun.addKeys")}</p>
          <pre>aws configure --profile work</pre>
          <p className="muted">{t("firstRun.addSso")}</p>
          <pre>{SSO_EXAMPLE}</pre>
          <button type="button" onClick={onReload}>
            {t("profiles.reload")}
          </button>
        </section>
      </div>
    </div>
  );
}
