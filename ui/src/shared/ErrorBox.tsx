// Shows a core error as a sentence plus the next step, in the active language. For AccessDenied it
// names the permission the action needed and on which bucket.
import type { ErrorPayload } from "../ipc/bindings";
import { useT } from "../i18n/i18n";

export type Action = "list" | "read" | "delete" | "write";

const PERMISSION: Record<Action, string> = {
  list: "s3:ListBucket",
  read: "s3:GetObject",
  delete: "s3:DeleteObject",
  write: "s3:PutObject",
};

export function permissionHint(
  error: ErrorPayload,
  action: Action | undefined,
): { permission: string; resource: string } | null {
  if (error.kind !== "AccessDenied" || !action || !error.bucket) return null;
  const resource =
    action === "list" ? `arn:aws:s3:::${error.bucket}` : `arn:aws:s3:::${error.bucket}/${error.key ?? "*"}`;
  return { permission: PERMISSION[action], resource };
}

export function ErrorBox({ error, onRetry, action }: { error: ErrorPayload; onRetry?: () => void; action?: Action }) {
  const { t } = useT();
  const where = [error.bucket && `s3://${error.bucket}/${error.key ?? ""}`, error.profile].filter(Boolean).join(" · ");
  const hint = permissionHint(error, action);
  return (
    <div className="error-box" role="alert" data-kind={error.kind}>
      <strong>{t(error.messageKey as `error.${string}`)}</strong>
      {where && <div className="error-where">{where}</div>}
      {hint && <div className="error-next">{t("error.missingPermission", hint)}</div>}
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
