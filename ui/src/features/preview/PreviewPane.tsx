// Shows the selected object: PDF in the webview's viewer, images in <img>, other types as a card.
// The presigned URL is minted when shown and re-minted before it expires or after a load error.
import { useCallback, useEffect, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, ObjectEntry, ObjectMeta, Presigned } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { ErrorBox } from "../../shared/ErrorBox";
import { formatDate, formatSize, visibleName } from "../../shared/format";
import { chooseViewer, needsSniffing, type ViewerChoice } from "./viewer";
import { remintDelay } from "./remint";
import { ImageView } from "./ImageView";
import { PreviewActions } from "./PreviewActions";

interface Props {
  bucket: string;
  object: ObjectEntry | null;
  onDeleted: () => void;
}

export function PreviewPane({ bucket, object, onDeleted }: Props) {
  const { t, locale } = useT();
  const [meta, setMeta] = useState<ObjectMeta | null>(null);
  const [choice, setChoice] = useState<ViewerChoice | null>(null);
  const [link, setLink] = useState<Presigned | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [generation, setGeneration] = useState(0);

  const key = object?.key ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: another object clears what was shown
  useEffect(() => {
    setMeta(null);
    setChoice(null);
    setLink(null);
    setError(null);
  }, [bucket, key]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation mints a fresh link
  useEffect(() => {
    if (!key) return;
    let live = true;
    (async () => {
      try {
        const m = await api.headObject(bucket, key);
        if (!live) return;
        setMeta(m);
        let c = chooseViewer(m.contentType, key);
        if (needsSniffing(m.contentType, c) && m.size > 0) {
          const sniffed = await api.sniffType(bucket, key);
          c = chooseViewer(sniffed.mime, key);
          if (c.viewer !== "card") c = { ...c, overrideType: sniffed.mime };
        }
        if (!live) return;
        setChoice(c);
        if (c.viewer !== "card") {
          const p = await api.presignPreview(bucket, key, c.overrideType);
          if (live) setLink(p);
        }
      } catch (e) {
        if (live && e instanceof AppError) setError(e.payload);
      }
    })();
    return () => {
      live = false;
    };
  }, [bucket, key, generation]);

  // Re-mint shortly before expiry so a preview left open keeps working; never reuse an expired URL.
  useEffect(() => {
    if (!link) return;
    const timer = window.setTimeout(
      () => setGeneration((g) => g + 1),
      remintDelay(link.expiresAt, link.effectiveSecs, Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [link]);

  const onLoadError = useCallback(() => setGeneration((g) => g + 1), []);

  if (!object) return <aside className="preview empty-preview">{t("preview.none")}</aside>;
  return (
    <aside className="preview" aria-label={t("preview.title")}>
      <header className="preview-head">
        <h2 title={visibleName(object.key)}>{visibleName(object.name)}</h2>
        {link && (
          <span className="muted small" data-testid="link-expiry">
            {t("preview.expiresIn", { time: formatDate(new Date(link.expiresAt).toISOString(), locale) })}
          </span>
        )}
      </header>
      {error && <ErrorBox error={error} action="read" onRetry={() => setGeneration((g) => g + 1)} />}
      <div className="preview-body">
        {!meta && !error && <div className="preview-skeleton" aria-label={t("list.loading")} />}
        {link && choice?.viewer === "pdf" && (
          <iframe key={link.url} className="pdf-frame" src={link.url} title={object.name} />
        )}
        {link && choice?.viewer === "image" && <ImageView src={link.url} alt={object.name} onError={onLoadError} />}
        {meta && choice?.viewer === "card" && <p className="note">{t("preview.notRendered")}</p>}
      </div>
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
      <PreviewActions bucket={bucket} objectKey={object.key} onDeleted={onDeleted} />
    </aside>
  );
}
