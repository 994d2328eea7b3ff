// Shows a preview as the backend decided: PDF in a sandboxed frame, images in <img>, audio and video in the
// platform's player, text, tables and Markdown from the text the backend read, anything else as a card.
import { lazy, Suspense } from "react";
import type { CardReason } from "../../ipc/bindings";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/i18n";
import { ErrorBox } from "../../shared/ErrorBox";
import { formatSize } from "../../shared/format";
import { ImageView } from "./ImageView";
import { TableView, TextView } from "./TextViews";
import type { PreviewState } from "./usePreview";

// The Markdown parser and sanitiser load only when a Markdown file is opened.
const MarkdownView = lazy(() => import("./MarkdownView"));

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
  binary: "preview.binary",
};

interface Props {
  state: PreviewState;
  name: string;
  /** The full-window viewer: wheel zoom and dragging for images. */
  full?: boolean;
}

export function PreviewBody({ state, name, full = false }: Props) {
  const { t, locale } = useT();
  const { preview, error, attempt, imageFailed } = state;
  const link = preview?.link ?? null;
  const viewer = preview?.viewer;
  return (
    <>
      {error && <ErrorBox error={error} action="read" onRetry={state.retry} />}
      <div className={`preview-body viewer-${viewer ?? "pending"}`}>
        {!preview && !error && <div className="preview-skeleton" role="status" aria-label={t("list.loading")} />}
        {link && viewer === "pdf" && (
          <iframe
            key={link.url}
            className="pdf-frame"
            src={link.url}
            title={name}
            sandbox={PDF_SANDBOX}
            referrerPolicy="no-referrer"
          />
        )}
        {link && viewer === "image" && !imageFailed && (
          <ImageView
            key={`${link.url}#${attempt}`}
            src={link.url}
            alt={name}
            full={full}
            onError={state.onImageError}
            onLoad={state.onImageLoad}
          />
        )}
        {link &&
          viewer === "media" &&
          (preview?.servedAs?.startsWith("audio/") ? (
            // biome-ignore lint/a11y/useMediaCaption: a stored recording has no captions to offer
            <audio key={link.url} className="media-view" src={link.url} controls preload="metadata" />
          ) : (
            // biome-ignore lint/a11y/useMediaCaption: a stored recording has no captions to offer
            <video key={link.url} className="media-view" src={link.url} controls preload="metadata" />
          ))}
        {preview?.text && viewer === "text" && <TextView body={preview.text} />}
        {preview?.text && viewer === "markdown" && (
          <Suspense fallback={<div className="preview-skeleton" />}>
            <MarkdownView body={preview.text} />
          </Suspense>
        )}
        {preview?.table && <TableView body={preview.table} size={preview.meta.size} />}
        {imageFailed && (
          <div className="note image-failed" role="alert">
            <p>{t("preview.imageFailed")}</p>
            <button type="button" onClick={state.retry}>
              {t("error.retry")}
            </button>
          </div>
        )}
        {preview?.card && (
          <div className="note card-note" data-card={preview.card}>
            <p>{t(CARD_TEXT[preview.card])}</p>
            <p className="muted small">
              {preview.meta.contentType ?? "–"} · {formatSize(preview.meta.size, locale)}
            </p>
          </div>
        )}
      </div>
    </>
  );
}
