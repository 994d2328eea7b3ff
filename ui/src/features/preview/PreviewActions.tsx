// Download, copy a link with a chosen lifetime, open in the browser, and delete after naming the key.
import { useEffect, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, Presigned } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { Dialog } from "../../shared/Dialog";
import { ErrorBox } from "../../shared/ErrorBox";
import { formatDate } from "../../shared/format";
import { useActiveProfile } from "../profiles/activeProfile";

export const SHARE_CHOICES = [
  { secs: 300, key: "share.5min" },
  { secs: 3600, key: "share.1h" },
  { secs: 86400, key: "share.1day" },
  { secs: 604800, key: "share.7days" },
] as const;

/** How long a shared link works, labelled: the choices every share offers. */
export function ExpirySelect(p: { secs: number; onChange: (secs: number) => void; className: string }) {
  const { t } = useT();
  return (
    <label className={p.className}>
      <span>{t("share.validFor")}</span>
      <select value={p.secs} onChange={(e) => p.onChange(Number(e.target.value))} data-testid="share-expiry">
        {SHARE_CHOICES.map((c) => (
          <option key={c.secs} value={c.secs}>
            {t(c.key)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function PreviewActions({
  bucket,
  objectKey,
  onDeleted,
}: {
  bucket: string;
  objectKey: string;
  onDeleted: () => void;
}) {
  const { t, locale } = useT();
  const [expiry, setExpiry] = useState<number>(3600);
  const [copied, setCopied] = useState<Presigned | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const profile = useActiveProfile();

  const run = async (fn: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      if (e instanceof AppError) setError(e.payload);
    } finally {
      setBusy(false);
    }
  };

  const download = () =>
    run(async () => {
      const p = await api.presignShare(bucket, objectKey, null, true);
      await api.openUrl(p.url);
    });
  const openInBrowser = () =>
    run(async () => {
      const p = await api.presignShare(bucket, objectKey, null, false);
      await api.openUrl(p.url);
    });
  const copy = () =>
    run(async () => {
      const p = await api.presignShare(bucket, objectKey, expiry, false);
      await api.copyText(p.url);
      setCopied(p);
    });
  // A link for colleagues who have BucketLens: it opens this file through their own credentials and never expires.
  const [appCopied, setAppCopied] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another object, another link
  useEffect(() => setAppCopied(false), [objectKey]);
  const copyAppLink = () =>
    run(async () => {
      await api.copyText(await api.appLink(bucket, objectKey));
      setAppCopied(true);
    });
  const remove = () =>
    run(async () => {
      await api.deleteObject(bucket, objectKey, profile.guarded ? profile.name : null);
      setConfirming(false);
      onDeleted();
    });

  return (
    <div className="actions">
      <div className="action-row">
        <button type="button" onClick={download} disabled={busy}>
          {t("actions.download")}
        </button>
        <button type="button" onClick={openInBrowser} disabled={busy}>
          {t("actions.openInBrowser")}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => setConfirming(true)}
          disabled={busy}
          data-testid="delete"
        >
          {t("actions.delete")}
        </button>
      </div>
      <div className="action-row">
        <ExpirySelect
          className="share-label"
          secs={expiry}
          onChange={(secs) => {
            setExpiry(secs);
            setCopied(null);
          }}
        />
        <button type="button" onClick={copy} disabled={busy} data-testid="copy-link">
          {t("actions.copyLink")}
        </button>
        <button
          type="button"
          onClick={copyAppLink}
          disabled={busy}
          data-testid="copy-app-link"
          title={t("links.appLinkHint")}
        >
          {appCopied ? t("links.copied") : t("links.copyFile")}
        </button>
      </div>
      {copied && (
        <p className={copied.limitedByCredentials ? "warn" : "ok"} role="status" data-testid="copied">
          {t("share.copied", { time: formatDate(new Date(copied.expiresAt).toISOString(), locale) })}
          {copied.limitedByCredentials && <> {t("share.limited")}</>}
        </p>
      )}
      {error && <ErrorBox error={error} action="read" />}
      {confirming && (
        <Dialog title={t("delete.title")} onCancel={() => setConfirming(false)}>
          <p>{t("delete.body")}</p>
          {profile.guarded && (
            <p className="guard-note" data-testid="guard-delete">
              {t("guard.deleteBody", { profile: profile.name ?? "", bucket })}
            </p>
          )}
          <code className="key-to-delete" data-testid="delete-key">
            s3://{bucket}/{objectKey}
          </code>
          <div className="dialog-buttons">
            <button type="button" data-autofocus onClick={() => setConfirming(false)}>
              {t("delete.cancel")}
            </button>
            <button type="button" className="danger" onClick={remove} disabled={busy} data-testid="confirm-delete">
              {t("delete.confirm")}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
