// Share several files at once: choose how long the links work and, if you like, who they are for; the app signs
// a link for each and shows the block to paste (copied as text and as HTML for mail). It also keeps a record of
// every link it issued, since presigned links can't be revoked: the record says until when each works.
import { useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, SharedLink } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { Dialog } from "../../shared/Dialog";
import { ErrorBox } from "../../shared/ErrorBox";
import { formatDate, formatDuration, visibleName } from "../../shared/format";
import { ExpirySelect } from "../preview/PreviewActions";
import { shareHtml, shareText, validUntil } from "./shareText";

interface Props {
  bucket: string;
  keys: string[];
  onClose: () => void;
}

export function ShareDialog({ bucket, keys, onClose }: Props) {
  const { t, locale } = useT();
  const [expiry, setExpiry] = useState(86400);
  const [recipient, setRecipient] = useState("");
  const [links, setLinks] = useState<SharedLink[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await api.shareObjects(bucket, keys, expiry, recipient.trim() || null);
      setLinks(made);
      await api.copyText(shareText(made, locale), shareHtml(made, locale));
      setCopied(true);
    } catch (e) {
      if (e instanceof AppError) setError(e.payload);
    } finally {
      setBusy(false);
    }
  };

  const shortest = links ? Math.min(...links.map((l) => l.link.effectiveSecs)) : 0;
  return (
    <Dialog title={t("shareMany.title", { count: keys.length })} onCancel={onClose}>
      <div data-testid="share-dialog">
        <ul className="share-names">
          {keys.slice(0, 8).map((k) => (
            <li key={k}>{visibleName(k.slice(k.lastIndexOf("/") + 1))}</li>
          ))}
          {keys.length > 8 && <li className="muted">{t("shareMany.more", { count: keys.length - 8 })}</li>}
        </ul>
        {!links && (
          <>
            <ExpirySelect className="field" secs={expiry} onChange={setExpiry} />
            <label className="field">
              <span>{t("shareMany.recipient")}</span>
              <input
                value={recipient}
                maxLength={200}
                onChange={(e) => setRecipient(e.target.value)}
                placeholder={t("shareMany.recipientHint")}
                data-testid="share-recipient"
              />
            </label>
          </>
        )}
        {links && (
          <>
            <p role="status" data-testid="share-until" data-until={validUntil(links)}>
              {copied && `${t("shareMany.copied")} `}
              {t("shareMany.until", { time: formatDate(new Date(validUntil(links)).toISOString(), locale) })} (
              {formatDuration(shortest, locale)})
            </p>
            {links.some((l) => l.link.limitedByCredentials) && <p className="muted">{t("share.limited")}</p>}
            <textarea
              className="share-text"
              readOnly
              value={shareText(links, locale)}
              rows={8}
              data-testid="share-text"
            />
          </>
        )}
        {error && <ErrorBox error={error} />}
        <div className="dialog-buttons">
          {links ? (
            <button type="button" onClick={() => void api.copyText(shareText(links, locale), shareHtml(links, locale))}>
              {t("shareMany.copyAgain")}
            </button>
          ) : (
            <button type="button" className="primary" onClick={create} disabled={busy} data-testid="share-create">
              {t("shareMany.create")}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t("settings.close")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
