// An image with Fit / 100 % / zoom in / zoom out. SVG is only ever shown through <img>.
import { useState } from "react";
import { useT } from "../../i18n/i18n";

interface Props {
  src: string;
  alt: string;
  onError: () => void;
  onLoad: () => void;
}

export function ImageView({ src, alt, onError, onLoad }: Props) {
  const { t } = useT();
  const [zoom, setZoom] = useState<number | "fit">("fit");
  const [natural, setNatural] = useState<number>(0);
  const scale = zoom === "fit" ? 1 : zoom;
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
        <img
          key={src}
          className="image-view"
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
