// For SsoLoginRequired: signs in inside the app (no AWS CLI needed). The backend opens the sign-in page in
// the browser; the window shows the code to confirm there, a way to open the page again, and Cancel.
import { useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { DeviceCode, ErrorPayload } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { DeviceCodeBox } from "./DeviceCodeBox";

export function SignInHelp({ profile, onSignedIn }: { profile: string; onSignedIn: () => void }) {
  const { t } = useT();
  const [state, setState] = useState<"idle" | "starting" | "code" | "failed">("idle");
  const [code, setCode] = useState<DeviceCode | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const signIn = async () => {
    setState("starting");
    setError(null);
    try {
      await api.ssoLogin(profile, (c) => {
        setCode(c);
        setState("code");
      });
      setState("idle");
      setCode(null);
      onSignedIn();
    } catch (e) {
      setCode(null);
      if (e instanceof AppError && e.payload.kind === "Cancelled") return setState("idle");
      if (e instanceof AppError) setError(e.payload);
      setState("failed");
    }
  };
  return (
    <div className="sign-in" data-testid="sign-in">
      {state !== "code" && (
        <button type="button" className="primary" onClick={signIn} disabled={state === "starting"}>
          {state === "starting" ? t("signIn.starting") : t("signIn.button")}
        </button>
      )}
      {state === "code" && code && <DeviceCodeBox code={code} />}
      {state === "failed" && error && <p className="field-error">{error.message}</p>}
    </div>
  );
}
