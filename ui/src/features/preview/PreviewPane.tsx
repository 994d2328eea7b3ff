// Shows the selected object as the backend decided: PDF in a sandboxed frame, images in <img>, anything else
// as a card of facts. Links are re-minted before they expire; a failed image is retried at most twice.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { CardReason, ErrorPayload, ObjectEntry, Preview } from "../../ipc/bindings";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/i18n";
import { ErrorBox } from "../../shared/ErrorBox";
import { formatDate, formatSize, visibleName } from "../../shared/format";
import { imageRetry, remintDelay } from "./remint";
import { ImageView } from "./ImageView";
import { PreviewActions } from "./PreviewActions";

interface Props {
  bucket: string;
  object: ObjectEntry | null;
  onDeleted: () => void;
}

/**
 * What the PDF frame may do. WebKitGTK's PDF viewer is pdf.js running inside the frame, so it needs
 * scripts, and same-origin for its own resources; the frame's origin is the S3 endpoint, never the app's.
 * No forms, popups, top navigation or downloads (e2e checks that a PDF still paints with exactly these).
 */
export const PDF_SANDBOX = "allow-scripts allow-same-origin";

const CARD_TEXT: Record<CardReason, MessageKey> = {
  type: "preview.notRendered",
  empty: "preview.empty",
  dotSegment: "preview.dotSegment",
};

export function PreviewPane({ bucket, object, onDeleted }: Props) {
  const { t, locale } = useT();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [generation, setGeneration] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [imageFailed, setImageFailed] = useState(false);
  const failures = useRef(0);
  const retryTimer = useRef<number | undefined>(undefined);

  const key = object?.key ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: another object clears what was shown (first, then asks)
  useLayoutEffect(() => {
    setPreview(null);
    setError(null);
    setImageFailed(false);
    failures.current = 0;
    window.clearTimeout(retryTimer.current);
  }, [bucket, key]);

  // Asked in a layout effect, before the selection's frame is painted rather than after: the backend answers
  // while WebKit paints, and the image starts loading a frame sooner (about 30 ms without a GPU).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation mints a fresh link
  useLayoutEffect(() => {
    if (!key) return;
    let live = true;
    api
      .previewObject(bucket, key)
      .then((p) => live && setPreview(p))
      .catch((e) => live && e instanceof AppError && setError(e.payload));
    return () => {
      live = false;
    };
  }, [bucket, key, generation]);

  // Re-mint shortly before expiry so a preview left open keeps working; never reuse an expired URL.
  const link = preview?.link ?? null;
  useEffect(() => {
    if (!link) return;
    const timer = window.setTimeout(
      () => setGeneration((g) => g + 1),
      remintDelay(link.expiresAt, link.effectiveSecs, Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [link]);
  useEffect(() => () => window.clearTimeout(retryTimer.current), []);

  const onImageError = useCallback(() => {
    if (!link) return;
    failures.current += 1;
    const step = imageRetry(failures.current, link.expiresAt, Date.now());
    if (step.action === "giveUp") {
      setImageFailed(true);
      return;
    }
    retryTimer.current = window.setTimeout(
      () => (step.action === "remint" ? setGeneration((g) => g + 1) : setAttempt((a) => a + 1)),
      step.delayMs,
    );
  }, [link]);
  const onImageLoad = useCallback(() => {
    failures.current = 0;
  }, []);
  const retryImage = () => {
    failures.current = 0;
    setImageFailed(false);
    setGeneration((g) => g + 1);
  };

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
      </header>
      {/* Before the document: a keyboard user reaches the actions without entering the PDF viewer, whose
          frame keeps Tab to itself. */}
      <PreviewActions bucket={bucket} objectKey={object.key} onDeleted={onDeleted} />
      {error && <ErrorBox error={error} action="read" onRetry={() => setGeneration((g) => g + 1)} />}
      <div className="preview-body">
        {!preview && !error && <div className="preview-skeleton" role="status" aria-label={t("list.loading")} />}
        {link && preview?.viewer === "pdf" && (
          <iframe
            key={link.url}
            className="pdf-frame"
            src={link.url}
            title={object.name}
            sandbox={PDF_SANDBOX}
            referrerPolicy="no-referrer"
          />
        )}
        {link && preview?.viewer === "image" && !imageFailed && (
          <ImageView
            key={`${link.url}#${attempt}`}
            src={link.url}
            alt={object.name}
            onError={onImageError}
            onLoad={onImageLoad}
          />
        )}
        {imageFailed && (
          <div className="note image-failed" role="alert">
            <p>{t("preview.imageFailed")}</p>
            <button type="button" onClick={retryImage}>
              {t("error.retry")}
            </button>
          </div>
        )}
        {preview?.card && (
          <p className="note" data-card={preview.card}>
            {t(CARD_TEXT[preview.card])}
          </p>
        )}
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
    </aside>
  );
}
