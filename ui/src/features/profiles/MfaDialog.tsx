// Asks for the code of an MFA device when a role profile needs one (the backend asks; this answers). Only
// six digits can be sent; Cancel answers with no code, so nothing reaches AWS.
import { useEffect, useState } from "react";
import { api } from "../../ipc/commands";
import type { MfaRequest } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { Dialog } from "../../shared/Dialog";
import { Field } from "../../shared/Field";

/** Open questions, oldest first; registered before start-up so a remembered MFA profile can ask at once. */
export function useMfaQuestions(): [MfaRequest[], (id: string) => void] {
  const [questions, setQuestions] = useState<MfaRequest[]>([]);
  useEffect(() => {
    void api.watchMfa((q) => setQuestions((qs) => (qs.some((x) => x.id === q.id) ? qs : [...qs, q]))).catch(() => {});
  }, []);
  return [questions, (id) => setQuestions((qs) => qs.filter((q) => q.id !== id))];
}

export function MfaDialog({ question, onDone }: { question: MfaRequest; onDone: () => void }) {
  const { t } = useT();
  const [code, setCode] = useState("");
  const [gone, setGone] = useState(false);
  const valid = /^\d{6}$/.test(code);
  const answer = async (value: string | null) => {
    const open = await api.answerMfa(question.id, value).catch(() => false);
    if (!open && value !== null) return setGone(true);
    onDone();
  };
  return (
    <Dialog title={t("mfa.title")} onCancel={() => void answer(null)}>
      <form
        data-testid="mfa-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void answer(code);
        }}
      >
        <p>{t("mfa.explain", { profile: question.profile, role: question.roleArn })}</p>
        <p className="muted small">{t("mfa.device", { serial: question.serial })}</p>
        <Field id="mfa-code" label={t("mfa.codeLabel")} error={gone ? t("mfa.gone") : undefined}>
          <input
            id="mfa-code"
            data-autofocus
            data-testid="mfa-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
            aria-invalid={code.length > 0 && !valid}
          />
        </Field>
        <div className="dialog-buttons">
          <button type="button" onClick={() => void answer(null)}>
            {t("delete.cancel")}
          </button>
          <button type="submit" className="primary" disabled={!valid || gone} data-testid="mfa-submit">
            {t("mfa.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
