// Questions before uploading: a dropped folder (count and size), an existing name (Replace / Keep both /
// Skip, optionally for all), and uploads that may outlast the sign-in.
import { useState } from "react";
import type { Conflict } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { Dialog } from "../../shared/Dialog";
import { formatCount, formatDate, formatDuration, formatSize } from "../../shared/format";
import type { Ask } from "./useUploads";

/** Cancel, and the question's own "yes" (focused first). */
function YesNo({ answer, yes, testId }: { answer: (v: unknown) => void; yes: string; testId: string }) {
  const { t } = useT();
  return (
    <div className="dialog-buttons">
      <button type="button" onClick={() => answer(false)}>
        {t("delete.cancel")}
      </button>
      <button type="button" className="primary" data-autofocus onClick={() => answer(true)} data-testid={testId}>
        {yes}
      </button>
    </div>
  );
}

export function UploadDialogs({
  ask,
  answer,
  target,
}: {
  ask: Ask | null;
  answer: (v: unknown) => void;
  target: string;
}) {
  const { t, locale } = useT();
  const [all, setAll] = useState(false);
  if (!ask) return null;
  if (ask.kind === "folder") {
    return (
      <Dialog title={t("upload.folderTitle")} onCancel={() => answer(false)}>
        <p>
          {t("upload.folderBody", {
            count: formatCount(ask.scan.items.length, locale),
            size: formatSize(ask.scan.totalBytes, locale),
            target,
          })}
        </p>
        {ask.scan.skippedHidden > 0 && (
          <p className="muted small">{t("upload.hiddenSkipped", { count: ask.scan.skippedHidden })}</p>
        )}
        <YesNo answer={answer} yes={t("upload.folderGo")} testId="confirm-folder" />
      </Dialog>
    );
  }
  if (ask.kind === "lifetime") {
    const w = ask.warning;
    return (
      <Dialog title={t("upload.lifetimeTitle")} onCancel={() => answer(false)}>
        <p data-testid="lifetime-body">
          {t(w.remainingSecs > 0 ? "upload.lifetimeBody" : "upload.lifetimeEnded", {
            size: formatSize(ask.bytes, locale),
            estimate: formatDuration(w.estimatedSecs, locale),
            left: formatDuration(w.remainingSecs, locale),
            at: formatDate(new Date(w.endsAt).toISOString(), locale),
          })}
        </p>
        <p className="muted small">
          {t(w.measured ? "upload.lifetimeMeasured" : "upload.lifetimeAssumed", {
            rate: formatSize(w.rate, locale),
          })}{" "}
          {t("upload.lifetimePause")}
        </p>
        <YesNo answer={answer} yes={t("upload.lifetimeGo")} testId="confirm-lifetime" />
      </Dialog>
    );
  }
  if (ask.kind === "guard") {
    return (
      <Dialog title={t("guard.uploadTitle")} onCancel={() => answer(false)}>
        <p data-testid="guard-body">
          {t("guard.uploadBody", { count: formatCount(ask.count, locale), profile: ask.profile, bucket: ask.bucket })}
        </p>
        <YesNo answer={answer} yes={t("guard.uploadGo")} testId="confirm-guard" />
      </Dialog>
    );
  }
  const choose = (choice: Conflict) => answer({ choice, all });
  return (
    <Dialog title={t("upload.existsTitle")} onCancel={() => answer(null)}>
      <p>{t("upload.existsBody")}</p>
      <code className="key-to-delete" data-testid="conflict-key">
        {ask.key}
      </code>
      {ask.remaining > 1 && (
        <label className="apply-all">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />{" "}
          {t("upload.applyAll", { count: ask.remaining })}
        </label>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => choose("skip")} data-testid="conflict-skip">
          {t("upload.skip")}
        </button>
        <button type="button" onClick={() => choose("keepBoth")} data-testid="conflict-keep">
          {t("upload.keepBoth")}
        </button>
        <button type="button" className="danger" onClick={() => choose("replace")} data-testid="conflict-replace">
          {t("upload.replace")}
        </button>
      </div>
    </Dialog>
  );
}
