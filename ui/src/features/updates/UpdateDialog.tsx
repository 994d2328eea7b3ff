// Help → Check for updates…: asks the backend (which asks the release feed), shows what is offered with its
// notes, and installs only on the person's word. The backend checks the signature; the window names no URL.
import { useEffect, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, UpdateInfo } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { Dialog } from "../../shared/Dialog";
import { ErrorBox } from "../../shared/ErrorBox";
import { formatDate } from "../../shared/format";

type Step = { at: "checking" } | { at: "none" } | { at: "offer"; update: UpdateInfo } | { at: "installing" };

export function UpdateDialog({ version, onClose }: { version: string; onClose: () => void }) {
  const { t, locale } = useT();
  const [step, setStep] = useState<Step>({ at: "checking" });
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    api
      .checkUpdate()
      .then((u) => setStep(u ? { at: "offer", update: u } : { at: "none" }))
      .catch((e) => {
        if (e instanceof AppError) setError(e.payload);
      });
  }, []);

  const install = async () => {
    setError(null);
    setStep({ at: "installing" });
    try {
      await api.installUpdate(); // the app restarts when it succeeds
    } catch (e) {
      if (e instanceof AppError) setError(e.payload);
    }
  };

  return (
    <Dialog title={t("updates.title")} onCancel={onClose}>
      <div data-testid="update-dialog" data-step={error ? "error" : step.at}>
        {error && <ErrorBox error={error} />}
        {!error && step.at === "checking" && <p role="status">{t("updates.checking")}</p>}
        {!error && step.at === "none" && <p role="status">{t("updates.none", { version })}</p>}
        {step.at === "offer" && !error && (
          <>
            <p>{t("updates.offer", { version: step.update.version, current: step.update.current })}</p>
            {step.update.date && (
              <p className="muted small">{t("updates.published", { date: formatDate(step.update.date, locale) })}</p>
            )}
            {step.update.notes && <pre className="update-notes">{step.update.notes}</pre>}
            <p className="muted small">{t("updates.uploadsPause")}</p>
          </>
        )}
        {step.at === "installing" && !error && <p role="status">{t("updates.installing")}</p>}
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose} data-autofocus>
          {step.at === "offer" ? t("updates.later") : t("settings.close")}
        </button>
        {step.at === "offer" && !error && (
          <button type="button" className="primary" onClick={() => void install()} data-testid="install-update">
            {t("updates.install")}
          </button>
        )}
      </div>
    </Dialog>
  );
}
