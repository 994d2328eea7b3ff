// For SsoLoginRequired: runs `aws sso login` when the AWS CLI is installed, else shows the exact steps.
import { useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";

export function SignInHelp({ profile, onSignedIn }: { profile: string; onSignedIn: () => void }) {
  const { t } = useT();
  const [state, setState] = useState<"idle" | "waiting" | "noCli" | "failed">("idle");
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [command, setCommand] = useState(`aws sso login --profile ${profile}`);
  const signIn = async () => {
    setState("waiting");
    try {
      const out = await api.ssoLogin(profile);
      setCommand(out.command);
      if (!out.cliFound) return setState("noCli");
      setState("idle");
      onSignedIn();
    } catch (e) {
      if (e instanceof AppError) setError(e.payload);
      setState("failed");
    }
  };
  return (
    <div className="sign-in" data-testid="sign-in">
      <button type="button" className="primary" onClick={signIn} disabled={state === "waiting"}>
        {state === "waiting" ? t("signIn.waiting") : t("signIn.button")}
      </button>
      {state === "noCli" && (
        <div className="note">
          <p>{t("signIn.noCli")}</p>
          <pre>{command}</pre>
          <p>{t("signIn.thenRetry")}</p>
        </div>
      )}
      {state === "failed" && error && <p className="field-error">{error.message}</p>}
    </div>
  );
}
