// Shows a core error as a sentence plus the next step, in the active language.
import type { ErrorPayload } from "../ipc/bindings";
import { useT } from "../i18n/i18n";

export function ErrorBox({ error, onRetry }: { error: ErrorPayload; onRetry?: () => void }) {
  const { t } = useT();
  const where = [error.bucket && `s3://${error.bucket}/${error.key ?? ""}`, error.profile].filter(Boolean).join(" · ");
  return (
    <div className="error-box" role="alert" data-kind={error.kind}>
      <strong>{t(error.messageKey as `error.${string}`)}</strong>
      {where && <div className="error-where">{where}</div>}
      <div className="error-next">{t(`${error.messageKey}.next` as `error.${string}`)}</div>
      <details>
        <summary>{error.kind}</summary>
        <code>{error.message}</code>
      </details>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("error.retry")}
        </button>
      )}
    </div>
  );
}
