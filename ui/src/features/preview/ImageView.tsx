// An image with Fit / 100 % / zoom in / zoom out. SVG is only ever shown through <img>.
// The image stays hidden behind a placeholder until it is decoded: painting a large photo while its bytes
// arrive makes WebKit decode and scale it again for every chunk on the main thread (no GPU: in software), which
// delayed the finished picture by about a quarter (BENCHMARKS.md). A slow one is shown as it arrives after 1 s.
import { useEffect, useRef, useState } from "react";
import { useT } from "../../i18n/i18n";

interface Props {
  src: string;
  alt: string;
  onError: () => void;
  onLoad: () => void;
}

/** How long a picture may stay hidden while it loads before it is shown as it arrives. */
export const PROGRESSIVE_AFTER_MS = 1000;

export function ImageView({ src, alt, onError, onLoad }: Props) {
  const { t } = useT();
  const [zoom, setZoom] = useState<number | "fit">("fit");
  const [natural, setNatural] = useState<number>(0);
  const [shown, setShown] = useState(false);
  const img = useRef<HTMLImageElement>(null);
  const scale = zoom === "fit" ? 1 : zoom;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new source is hidden again until it decodes
  useEffect(() => {
    setShown(false);
    let live = true;
    const show = () => live && setShown(true);
    // A failed decode shows the element too: onError explains or retries it.
    img.current?.decode().then(show, show);
    const slow = window.setTimeout(show, PROGRESSIVE_AFTER_MS);
    return () => {
      live = false;
      window.clearTimeout(slow);
    };
  }, [src]);
  return (
    <div className="image-wrap">
      <div className="zoom-bar" role="toolbar" aria-label={t("preview.zoom")}>
        <button type="button" className={zoom === "fit" ? "on" : ""} onClick={() => setZoom("fit")}>
          {t("preview.fit")}
        </button>
        <button type="button" className={zoom === 1 ? "on" : ""} onClick={() => setZoom(1)}>
          100%
        </button>
        <button type="button" aria-label={t("preview.zoomOut")} onClick={() => setZoom(Math.max(0.1, scale / 1.25))}>
          −
        </button>
        <button type="button" aria-label={t("preview.zoomIn")} onClick={() => setZoom(Math.min(8, scale * 1.25))}>
          +
        </button>
        {zoom !== "fit" && <span className="muted small">{Math.round(scale * 100)}%</span>}
      </div>
      <div className={`image-scroll ${zoom === "fit" ? "fit" : ""}`}>
        {!shown && <div className="preview-skeleton image-pending" role="status" aria-label={t("list.loading")} />}
        <img
          key={src}
          ref={img}
          className={shown ? "image-view" : "image-view pending"}
          src={src}
          alt={alt}
          onError={onError}
          onLoad={(e) => {
            setNatural(e.currentTarget.naturalWidth);
            onLoad();
          }}
          style={
            zoom === "fit" || !natural ? undefined : { width: natural * scale, maxWidth: "none", maxHeight: "none" }
          }
        />
      </div>
    </div>
  );
}
