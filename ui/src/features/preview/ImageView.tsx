// An image with Fit / 100 % / zoom in / zoom out / rotate; in the full-window viewer also the wheel, + − 0 R
// and dragging to pan. SVG is only ever shown through <img>.
// The image stays hidden behind a placeholder until it is decoded: painting a large photo while its bytes
// arrive makes WebKit decode and scale it again for every chunk on the main thread (no GPU: in software), which
// delayed the finished picture by about a quarter (BENCHMARKS.md). A slow one is shown as it arrives after 1 s.
import { type PointerEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useT } from "../../i18n/i18n";

interface Props {
  src: string;
  alt: string;
  onError: () => void;
  onLoad: () => void;
  full?: boolean;
}

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 16;
const clamp = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** How long a picture may stay hidden while it loads before it is shown as it arrives. */
export const PROGRESSIVE_AFTER_MS = 1000;

export function ImageView({ src, alt, onError, onLoad, full = false }: Props) {
  const { t } = useT();
  const [zoom, setZoom] = useState<number | "fit">("fit");
  const [natural, setNatural] = useState<number>(0);
  const [shown, setShown] = useState(false);
  const [turns, setTurns] = useState(0);
  const img = useRef<HTMLImageElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  /** The scale now on screen: the fitted one is read from the element. */
  const current = () => (zoom !== "fit" ? zoom : natural ? (img.current?.clientWidth ?? natural) / natural : 1);
  const scale = zoom === "fit" ? 1 : zoom;
  const zoomBy = (f: number) => setZoom(clamp(current() * f));
  const rotate = () => setTurns((n) => (n + 1) % 4);
  const keys = useRef({ zoomBy, rotate, fit: () => setZoom("fit"), actual: () => setZoom(1) });
  keys.current = { zoomBy, rotate, fit: () => setZoom("fit"), actual: () => setZoom(1) };

  useEffect(() => {
    if (!full) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLInputElement) return;
      const k = keys.current;
      if (e.key === "+" || e.key === "=") k.zoomBy(1.25);
      else if (e.key === "-") k.zoomBy(1 / 1.25);
      else if (e.key === "0") k.fit();
      else if (e.key === "1") k.actual();
      else if (e.key === "r" || e.key === "R") k.rotate();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [full]);
  useEffect(() => {
    const el = box.current;
    if (!full || !el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      keys.current.zoomBy(e.deltaY < 0 ? 1.15 : 1 / 1.15);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [full]);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = box.current;
    if (!el || zoom === "fit" || e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
    el.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const el = box.current;
    if (!d || !el) return;
    el.scrollLeft = d.left - (e.clientX - d.x);
    el.scrollTop = d.top - (e.clientY - d.y);
  };
  const sideways = turns % 2 === 1;
  const fitted =
    box.current && sideways ? { maxWidth: box.current.clientHeight, maxHeight: box.current.clientWidth } : {};
  const sized = zoom === "fit" || !natural ? fitted : { width: natural * scale, maxWidth: "none", maxHeight: "none" };

  // As the element gets its new source, not a frame later: the 1 s counts from then.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new source is hidden again until it decodes
  useLayoutEffect(() => {
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
        <button type="button" aria-label={t("preview.zoomOut")} onClick={() => zoomBy(1 / 1.25)}>
          −
        </button>
        <button type="button" aria-label={t("preview.zoomIn")} onClick={() => zoomBy(1.25)}>
          +
        </button>
        <button type="button" aria-label={t("preview.rotate")} title={t("preview.rotate")} onClick={rotate}>
          ⟳
        </button>
        {zoom !== "fit" && (
          <span className="muted small" data-testid="zoom-level">
            {Math.round(scale * 100)}%
          </span>
        )}
      </div>
      <div
        ref={box}
        className={`image-scroll ${zoom === "fit" ? "fit" : "zoomed"}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => {
          drag.current = null;
        }}
      >
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
          style={{ ...sized, transform: turns ? `rotate(${turns * 90}deg)` : undefined }}
          draggable={false}
        />
      </div>
    </div>
  );
}
