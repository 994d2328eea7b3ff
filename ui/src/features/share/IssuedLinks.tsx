// The record of links this app issued: which file, for whom, when, and until when it works (newest first).
// Presigned links can't be revoked; this is how a person answers "who can still open it, and until when?".
import { useEffect, useState } from "react";
import { api } from "../../ipc/commands";
import type { IssuedLink } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { Dialog } from "../../shared/Dialog";
import { formatDate, visibleName } from "../../shared/format";

export function IssuedLinks({ onClose }: { onClose: () => void }) {
  const { t, locale } = useT();
  const [links, setLinks] = useState<IssuedLink[] | null>(null);
  useEffect(() => {
    api
      .issuedLinks()
      .then(setLinks)
      .catch(() => setLinks([]));
  }, []);
  const now = Date.now();
  const when = (ms: number) => formatDate(new Date(ms).toISOString(), locale);
  return (
    <Dialog title={t("issued.title")} onCancel={onClose}>
      <p className="muted">{t("issued.explain")}</p>
      {links && links.length === 0 && <p>{t("issued.none")}</p>}
      {links && links.length > 0 && (
        <div className="issued-scroll">
          <table className="issued" data-testid="issued-links">
            <thead>
              <tr>
                <th>{t("issued.file")}</th>
                <th>{t("issued.for")}</th>
                <th>{t("issued.issued")}</th>
                <th>{t("issued.until")}</th>
              </tr>
            </thead>
            <tbody>
              {links.slice(0, 500).map((l) => (
                <tr
                  key={`${l.issuedAt}-${l.bucket}-${l.key}`}
                  className={l.expiresAt > now ? "valid" : "expired muted"}
                >
                  <td title={`s3://${l.bucket}/${visibleName(l.key)} (${l.profile})`}>{visibleName(l.key)}</td>
                  <td>{l.recipient ?? "—"}</td>
                  <td>{when(l.issuedAt)}</td>
                  <td>{l.expiresAt > now ? when(l.expiresAt) : t("issued.expired")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t("settings.close")}
        </button>
      </div>
    </Dialog>
  );
}
