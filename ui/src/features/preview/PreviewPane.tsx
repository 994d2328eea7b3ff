// The preview beside the list: the object's name and link expiry, its actions, the viewer the backend chose
// and its facts. The full-window viewer opens from here (or Space / double-click in the list).
import type { ObjectEntry } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { formatDate, formatSize, visibleName } from "../../shared/format";
import { PreviewActions } from "./PreviewActions";
import { PreviewBody } from "./PreviewBody";
import type { PreviewState } from "./usePreview";

interface Props {
  bucket: string;
  object: ObjectEntry | null;
  /** The selection's preview (`usePreview`), shared with the full-window viewer. */
  state: PreviewState;
  onDeleted: () => void;
  /** Opens the full-window viewer on this object. */
  onExpand: () => void;
}

export function PreviewPane({ bucket, object, state, onDeleted, onExpand }: Props) {
  const { t, locale } = useT();
  const { preview } = state;
  const link = preview?.link ?? null;
  if (!object) return <aside className="preview empty-preview">{t("preview.none")}</aside>;
  const meta = preview?.meta ?? null;
  return (
    <aside className="preview" aria-label={t("preview.title")}>
      <header className="preview-head">
        <h2 title={visibleName(object.key)}>{visibleName(object.name)}</h2>
        {link && (
          <span className="muted small" data-testid="link-expiry">
            {t("preview.expiresIn", { time: formatDate(new Date(link.expiresAt).toISOString(), locale) })}
          </span>
        )}
        <button
          type="button"
          className="expand"
          onClick={onExpand}
          title={t("viewer.open")}
          aria-label={t("viewer.open")}
          data-testid="open-full"
        >
          ⤢
        </button>
      </header>
      {/* Before the document: a keyboard user reaches the actions without entering the PDF viewer, whose
          frame keeps Tab to itself. */}
      <PreviewActions bucket={bucket} objectKey={object.key} onDeleted={onDeleted} />
      <PreviewBody state={state} name={object.name} />
      {meta && (
        <dl className="meta-card">
          <dt>{t("preview.type")}</dt>
          <dd>{meta.contentType ?? "–"}</dd>
          <dt>{t("preview.size")}</dt>
          <dd>{formatSize(meta.size, locale)}</dd>
          <dt>{t("preview.modified")}</dt>
          <dd>{formatDate(meta.lastModified, locale)}</dd>
          {Object.entries(meta.metadata).map(([k, v]) => (
            <div key={k} className="meta-row">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </aside>
  );
}
