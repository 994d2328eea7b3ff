// The code of an SSO sign-in, to compare with the page that opened in the browser; Open again and Cancel.
import { api } from "../../ipc/commands";
import type { DeviceCode } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";

export function DeviceCodeBox({ code }: { code: DeviceCode }) {
  const { t } = useT();
  const page = code.verificationUriComplete ?? code.verificationUri;
  return (
    <div className="note" data-testid="sign-in-code">
      <p>{t("signIn.confirm")}</p>
      <p className="user-code">
        <span className="visually-hidden">{t("signIn.codeLabel")}: </span>
        {code.userCode}
      </p>
      <p className="muted small">{t("signIn.waiting")}</p>
      <div className="row-actions">
        <button type="button" onClick={() => void api.openUrl(page).catch(() => {})}>
          {t("signIn.openAgain")}
        </button>
        <button type="button" onClick={() => void api.cancelSsoLogin()} data-testid="sign-in-cancel">
          {t("delete.cancel")}
        </button>
      </div>
    </div>
  );
}
