// The gallery: the folder's rows as a virtualised grid of tiles (thumbnails for pictures, icons for the rest),
// with the list's selection, keys and double-click. Only the tiles in view are in the page, and only they ask
// for thumbnails (through the queue, a few at a time).
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ObjectEntry } from "../../ipc/bindings";
import { api } from "../../ipc/commands";
import { useT } from "../../i18n/i18n";
import { formatSize, visibleName } from "../../shared/format";
import { Icon, iconFor } from "../../shared/Icon";
import type { Row, Rows } from "../browse/sort";
import { layout } from "../browse/virtual";
import { thumbQueue, thumbUrl } from "./thumbQueue";

export const TILE_W = 164;
export const TILE_H = 196;
/** The picture's square inside a tile, in CSS pixels. */
const TILE_ART = 148;

interface Props {
  bucket: string;
  folder: string;
  rows: Rows;
  selectedKey: string | null;
  onOpenFolder: (prefix: string) => void;
  onSelect: (o: ObjectEntry) => void;
  onOpen: (o: ObjectEntry) => void;
  onUp: () => void;
  checked: ReadonlySet<string>;
  onCheck: (keys: string[], mode: "toggle" | "add") => void;
}

/** Draws a picture into `c` at the tile's size; false if the canvas went meanwhile. */
async function drawInto(c: HTMLCanvasElement, blob: Blob): Promise<boolean> {
  const bitmap = await createImageBitmap(blob);
  try {
    if (!c.isConnected) return false;
    const scale = Math.min(1, TILE_ART / Math.max(bitmap.width, bitmap.height)) * (window.devicePixelRatio || 1);
    c.width = Math.max(1, Math.round(bitmap.width * scale));
    c.height = Math.max(1, Math.round(bitmap.height * scale));
    c.getContext("2d")?.drawImage(bitmap, 0, 0, c.width, c.height);
    return true;
  } finally {
    bitmap.close();
  }
}

/** The picture on a canvas as base64 JPEG (what `keep_thumbnail` takes). */
const jpegOf = (canvas: HTMLCanvasElement) =>
  new Promise<string>((done, fail) =>
    canvas.toBlob(
      (b) => {
        if (!b) return fail(new Error("no picture"));
        const r = new FileReader();
        r.onload = () => done(String(r.result).slice(String(r.result).indexOf(",") + 1));
        r.onerror = () => fail(r.error);
        r.readAsDataURL(b);
      },
      "image/jpeg",
      0.85,
    ),
  );

/**
 * A picture's or a PDF's thumbnail, which waits for its turn in the queue and leaves it when its tile goes. It is
 * drawn into a canvas the tile's size from a bitmap closed at once: an <img> left every decoded thumbnail in
 * WebKit's memory cache after its tile was gone (115 MiB after scrolling through 500, bench/gallery.mjs).
 * A PDF not drawn before (for this version) is answered "pdf": its bytes are streamed, pdf.js draws the first page
 * here, and the drawing is handed back to be kept.
 */
function TileThumb({ bucket, o }: { bucket: string; o: ObjectEntry }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<"wait" | "drawn" | "failed">("wait");
  const url = thumbUrl(bucket, o);
  useEffect(() => {
    let live = true;
    setState("wait");
    const id = thumbQueue.ask(async () => {
      try {
        const cached = await fetch(url, { cache: "no-store" });
        if (cached.ok) {
          const blob = await cached.blob();
          if (live && canvas.current && (await drawInto(canvas.current, blob))) setState("drawn");
          return;
        }
        if (o.kind !== "pdf" || cached.headers.get("X-No-Thumbnail") !== "pdf") throw new Error(String(cached.status));
        const r = await fetch(`${url}&pdf`);
        if (!r.ok) throw new Error(String(r.status));
        const data = await r.arrayBuffer();
        const { drawFirstPage } = await import("./pdfPage");
        if (!live || !canvas.current) return;
        await drawFirstPage(data, canvas.current, TILE_ART);
        if (live) setState("drawn");
        api.keepThumbnail(bucket, o.key, await jpegOf(canvas.current)).catch(() => {});
      } catch {
        if (live) setState("failed");
      } finally {
        thumbQueue.done(id);
      }
    });
    return () => {
      live = false;
      thumbQueue.cancel(id);
    };
  }, [url, bucket, o.key, o.kind]);
  if (state === "failed") return <Icon name={iconFor(o.kind)} />;
  return (
    <>
      {state === "wait" && <span className="thumb-wait" />}
      <canvas ref={canvas} className={`thumb-img ${o.kind === "pdf" ? "pdf-thumb" : "picture-thumb"} ${state}`} />
    </>
  );
}

export function Gallery(p: Props) {
  const { t, locale } = useT();
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 800, h: 600 });
  const [scrollTop, setScrollTop] = useState(0);
  const [cursor, setCursor] = useState(0);
  const anchor = useRef(0);
  // Measured before the first paint, so the first tiles are laid out (and ask for thumbnails) only once.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setSize({ w: el.clientWidth, h: el.clientHeight });
    const observer = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another folder starts at the top
  useEffect(() => {
    setCursor(0);
    setScrollTop(0);
    if (box.current) box.current.scrollTop = 0;
  }, [p.folder]);

  const cols = Math.max(1, Math.floor(size.w / TILE_W));
  const lines = Math.ceil(p.rows.length / cols);
  const lay = layout(lines, TILE_H, scrollTop, size.h, 1);
  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(p.rows.length - 1, i));
    setCursor(next);
    const el = box.current;
    if (!el) return;
    const line = Math.floor(next / cols);
    const now = layout(lines, TILE_H, el.scrollTop, el.clientHeight, 1);
    const at = now.top(line) - el.scrollTop;
    if (at < 0) el.scrollTop = now.scrollFor(line);
    else if (at + TILE_H > el.clientHeight) el.scrollTop = now.scrollFor(line, true);
  };
  const activate = (r: Row | undefined) => {
    if (r?.kind === "folder") p.onOpenFolder(r.entry.prefix);
    else if (r) p.onSelect(r.entry);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const r = p.rows.at(cursor);
    if (e.key === "ArrowRight") moveTo(cursor + 1);
    else if (e.key === "ArrowLeft") moveTo(cursor - 1);
    else if (e.key === "ArrowDown") moveTo(cursor + cols);
    else if (e.key === "ArrowUp" && e.altKey) p.onUp();
    else if (e.key === "ArrowUp") moveTo(cursor - cols);
    else if (e.key === "PageDown") moveTo(cursor + cols * Math.max(1, Math.floor(size.h / TILE_H)));
    else if (e.key === "PageUp") moveTo(cursor - cols * Math.max(1, Math.floor(size.h / TILE_H)));
    else if (e.key === "Home") moveTo(0);
    else if (e.key === "End") moveTo(p.rows.length - 1);
    else if (e.key === "Enter") activate(r);
    else if (e.key === "Backspace") p.onUp();
    else if (e.key === " " && r?.kind === "object" && (e.ctrlKey || e.metaKey)) p.onCheck([r.entry.key], "toggle");
    else if (e.key === " " && r?.kind === "object") p.onOpen(r.entry);
    else return;
    e.preventDefault();
  };

  const tiles = [];
  for (let line = lay.start; line < lay.end; line++) {
    for (let c = 0; c < cols; c++) {
      const index = line * cols + c;
      const r = p.rows.at(index);
      if (!r) break;
      const style = { top: lay.top(line), left: c * TILE_W, width: TILE_W, height: TILE_H };
      const cur = index === cursor ? "cursor" : "";
      if (r.kind === "folder") {
        tiles.push(
          <div
            key={index}
            role="gridcell"
            id={`tile-${index}`}
            className={`tile folder ${cur}`}
            style={style}
            onClick={() => setCursor(index)}
            onDoubleClick={() => p.onOpenFolder(r.entry.prefix)}
            data-prefix={r.entry.prefix}
          >
            <span className="tile-art">
              <Icon name="folder" />
            </span>
            <span className="tile-name">{visibleName(r.entry.name)}</span>
          </div>,
        );
        continue;
      }
      const o = r.entry;
      const on = p.checked.has(o.key);
      tiles.push(
        <div
          key={index}
          role="gridcell"
          id={`tile-${index}`}
          aria-selected={p.selectedKey === o.key || on}
          className={["tile object", cur, p.selectedKey === o.key && "selected", on && "checked"]
            .filter(Boolean)
            .join(" ")}
          style={style}
          title={`${visibleName(o.name)} · ${formatSize(o.size, locale)}`}
          onClick={(e) => {
            setCursor(index);
            if (e.shiftKey) {
              const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
              p.onCheck(
                p.rows.slice(a, b + 1).flatMap((x) => (x.kind === "object" ? [x.entry.key] : [])),
                "add",
              );
              return;
            }
            anchor.current = index;
            if (e.ctrlKey || e.metaKey) p.onCheck([o.key], "toggle");
            else p.onSelect(o);
          }}
          onDoubleClick={() => p.onOpen(o)}
          data-key={o.key}
        >
          <span className="tile-art">
            {o.kind === "image" || o.kind === "pdf" ? (
              <TileThumb bucket={p.bucket} o={o} />
            ) : (
              <Icon name={iconFor(o.kind)} />
            )}
          </span>
          <span className="tile-name">{visibleName(o.name)}</span>
        </div>,
      );
    }
  }
  return (
    <div
      ref={box}
      className="gallery"
      role="grid"
      aria-label={t("gallery.label")}
      aria-rowcount={lines}
      aria-activedescendant={cursor >= lay.start * cols && cursor < lay.end * cols ? `tile-${cursor}` : undefined}
      tabIndex={0}
      onKeyDown={onKey}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="gallery"
    >
      <div className="gallery-inner" style={{ height: lay.height }} role="row">
        {tiles}
      </div>
    </div>
  );
}
