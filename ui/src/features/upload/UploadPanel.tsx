// The upload queue: per-file bar, speed, time left, state; cancel while running, retry when failed.
import type { Entry } from "../../ipc/bindings";
import type { Row } from "./queue";
import { eta, percent } from "./queue";
import { useT } from "../../i18n/i18n";
import { formatSize, visibleName } from "../../shared/format";
import { Icon, iconFor } from "../../shared/Icon";

interface Props {
  rows: Row[];
  allowed: string[];
  thumbs: Record<string, string>;
  onCancel: (r: Row) => void;
  onRetry: (r: Row) => void;
  onClear: () => void;
  pending: Entry[];
  onResume: (e: Entry) => void;
  onDiscard: (e: Entry) => void;
}

/** Why the scan left a path out, from a row note `skip:<reason>:<detail>`. */
function skipText(note: string, t: ReturnType<typeof useT>["t"]): string {
  const rest = note.slice("skip:".length);
  const cut = rest.indexOf(":");
  const reason = rest.slice(0, cut);
  const detail = rest.slice(cut + 1);
  if (reason === "link") return t("upload.skip.link", { target: detail });
  if (reason === "special") return t("upload.skip.special");
  if (reason === "tooDeep") return t("upload.skip.tooDeep", { max: detail });
  return t("upload.skip.tooMany", { max: detail });
}

/** Bytes the server holds of an unfinished upload. */
function doneBytes(e: Entry): number {
  return e.parts.reduce((sum, p) => sum + Math.min(e.partSize, e.size - (p.number - 1) * e.partSize), 0);
}

function Pending({ pending, onResume, onDiscard }: Pick<Props, "pending" | "onResume" | "onDiscard">) {
  const { t, locale } = useT();
  if (pending.length === 0) return null;
  return (
    <div className="pending-uploads" data-testid="pending-uploads">
      <h3>{t("upload.pending.title")}</h3>
      <ul>
        {pending.map((e) => (
          <li key={e.id} className="upload-row" data-pending-key={e.key}>
            <Icon name={iconFor(null, e.contentType)} />
            <div className="upload-main">
              <div className="upload-line">
                <span className="name" title={`s3://${e.bucket}/${visibleName(e.key)}`}>
                  {visibleName(e.key.split("/").pop() ?? e.key)}
                </span>
                <span className="muted small">
                  {t(e.state === "paused" ? "upload.pending.paused" : "upload.pending.interrupted")}
                </span>
              </div>
              <div className="muted small">
                {t("upload.pending.progress", {
                  done: formatSize(doneBytes(e), locale),
                  total: formatSize(e.size, locale),
                  profile: e.profile,
                })}
              </div>
            </div>
            <div className="row-actions">
              <button type="button" onClick={() => onResume(e)} data-testid="resume">
                {t("upload.pending.resume")}
              </button>
              <button type="button" onClick={() => onDiscard(e)} data-testid="discard">
                {t("upload.pending.discard")}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function UploadPanel({
  rows,
  allowed,
  thumbs,
  onCancel,
  onRetry,
  onClear,
  pending,
  onResume,
  onDiscard,
}: Props) {
  const { t, locale } = useT();
  if (rows.length === 0 && pending.length === 0) return null;
  const active = rows.filter((r) => r.state === "queued" || r.state === "uploading").length;
  const live = (r: Row) => r.state === "uploading" || r.state === "queued" || r.state === "paused";
  return (
    <section className="upload-panel" aria-label={t("upload.title")} data-testid="upload-panel">
      <header className="section-head">
        <h2>{active ? t("upload.active", { count: active }) : t("upload.title")}</h2>
        <button type="button" className="icon-button" onClick={onClear}>
          {t("upload.clear")}
        </button>
      </header>
      <Pending pending={pending} onResume={onResume} onDiscard={onDiscard} />
      <ul>
        {rows.map((r) => {
          const left = eta(r);
          return (
            <li
              key={`${r.id}-${r.key}`}
              className={`upload-row state-${r.state}`}
              data-upload-key={r.key}
              data-state={r.state}
            >
              {thumbs[r.key] ? (
                <img className="thumb" src={thumbs[r.key]} alt="" />
              ) : (
                <Icon name={iconFor(null, r.contentType)} />
              )}
              <div className="upload-main">
                <div className="upload-line">
                  <span className="name" title={visibleName(r.key)}>
                    {visibleName(r.key.split("/").pop() ?? r.key)}
                  </span>
                  <span className="muted small">{t(`upload.state.${r.state}` as "upload.state.done")}</span>
                </div>
                {live(r) && <progress max={100} value={percent(r)} aria-label={r.name} />}
                <div className="muted small">
                  {r.state === "uploading" && (
                    <>
                      {percent(r)}% · {formatSize(r.sent, locale)} / {formatSize(r.total, locale)} ·{" "}
                      {formatSize(r.rate, locale)}/s
                      {left !== null && ` · ${t("upload.eta", { secs: left })}`}
                    </>
                  )}
                  {r.state === "paused" && (
                    <span className="field-error">
                      {t("upload.paused", { done: formatSize(r.sent, locale), total: formatSize(r.total, locale) })}
                    </span>
                  )}
                  {r.state === "done" && `${formatSize(r.total, locale)} · ${r.contentType ?? ""}`}
                  {r.state === "refused" &&
                    !r.error &&
                    t("upload.refused", { type: r.contentType ?? "?", allowed: allowed.join(", ") })}
                  {r.note?.startsWith("skip:") && skipText(r.note, t)}
                  {r.note === "empty" && r.state === "done" && ` · ${t("upload.empty")}`}
                  {r.note?.startsWith("renamed:") &&
                    ` · ${t("upload.renamed", { claimed: r.note.slice(8), real: r.contentType ?? "" })}`}
                  {r.error && r.state !== "paused" && (
                    <span className="field-error">
                      {t(r.error.messageKey as `error.${string}`)} {r.error.message}
                    </span>
                  )}
                </div>
              </div>
              {live(r) && (
                <button type="button" onClick={() => onCancel(r)}>
                  {t("upload.cancel")}
                </button>
              )}
              {(r.state === "failed" || r.state === "cancelled") && (
                <button type="button" onClick={() => onRetry(r)}>
                  {t("upload.retry")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
