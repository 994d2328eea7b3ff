// The full-window viewer: the selected object over the whole window, ←/→ (and the buttons) to the previous or
// next viewable object of the folder in the list's order, across listing pages as they arrive; Esc closes.
// Its neighbours are asked for and, if pictures, decoded ahead, so the next one paints from memory.
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import type { ObjectEntry } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { formatCount, formatDate, visibleName } from "../../shared/format";
import { viewable } from "../browse/objectColumns";
import type { Rows } from "../browse/sort";
import { PreviewBody } from "./PreviewBody";
import { prefetchPreview } from "./previewCache";
import type { PreviewState } from "./usePreview";

/** Above this many rows the position counts all rows instead of scanning for viewable ones. */
export const COUNT_SCAN_LIMIT = 20_000;

interface Props {
  bucket: string;
  rows: Rows;
  object: ObjectEntry;
  state: PreviewState;
  onSelect: (o: ObjectEntry) => void;
  onClose: () => void;
}

const objectAt = (rows: Rows, i: number): ObjectEntry | null => {
  const r = rows.at(i);
  return r?.kind === "object" ? r.entry : null;
};

/** The next viewable object from row `from` in direction `dir`, with its row. */
function step(rows: Rows, from: number, dir: 1 | -1): { index: number; entry: ObjectEntry } | null {
  for (let i = from + dir; i >= 0 && i < rows.length; i += dir) {
    const o = objectAt(rows, i);
    if (o && viewable(o)) return { index: i, entry: o };
  }
  return null;
}

function indexOf(rows: Rows, key: string, hint: number): number {
  if (objectAt(rows, hint)?.key === key) return hint;
  for (let i = 0; i < rows.length; i++) if (objectAt(rows, i)?.key === key) return i;
  return -1;
}

export function FullView({ bucket, rows, object, state, onSelect, onClose }: Props) {
  const { t, locale } = useT();
  const hint = useRef(0);
  const dialog = useRef<HTMLDivElement>(null);
  // `rows` is a view that grows as pages arrive: its length marks each page.
  const index = useMemo(() => indexOf(rows, object.key, hint.current), [rows, rows.length, object.key]);
  hint.current = Math.max(0, index);
  const [prev, next] = useMemo(
    () => (index < 0 ? [null, null] : [step(rows, index, -1), step(rows, index, 1)]),
    [rows, rows.length, index],
  );
  const position = useMemo(() => {
    if (index < 0) return null;
    if (rows.length > COUNT_SCAN_LIMIT) return { at: index + 1, of: rows.length };
    let at = 0;
    let of = 0;
    for (let i = 0; i < rows.length; i++) {
      const o = objectAt(rows, i);
      if (!o || !(viewable(o) || i === index)) continue;
      of++;
      if (i <= index) at++;
    }
    return { at, of };
  }, [rows, rows.length, index]);

  const go = (to: { entry: ObjectEntry } | null) => to && onSelect(to.entry);
  const keys = useRef({ prev: () => go(prev), next: () => go(next), close: onClose });
  keys.current = { prev: () => go(prev), next: () => go(next), close: onClose };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "Escape") keys.current.close();
      else if (e.key === "ArrowLeft") keys.current.prev();
      else if (e.key === "ArrowRight") keys.current.next();
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
  useLayoutEffect(() => dialog.current?.focus(), []);

  // Once this one is shown, the neighbours are asked for (and their pictures decoded) ahead.
  const ready = state.preview !== null;
  useEffect(() => {
    if (!ready) return;
    for (const n of [next, prev]) if (n) prefetchPreview(bucket, n.entry.key);
  }, [ready, next, prev, bucket]);

  const link = state.preview?.link ?? null;
  return (
    <div
      className="full-view"
      role="dialog"
      aria-modal="true"
      aria-label={visibleName(object.name)}
      ref={dialog}
      tabIndex={-1}
      data-testid="full-view"
    >
      <header className="full-head">
        <h2 title={visibleName(object.key)}>{visibleName(object.name)}</h2>
        {position && (
          <span className="muted" data-testid="full-position">
            {formatCount(position.at, locale)} / {formatCount(position.of, locale)}
          </span>
        )}
        {link && (
          <span className="muted small" data-testid="full-expiry">
            {t("preview.expiresIn", { time: formatDate(new Date(link.expiresAt).toISOString(), locale) })}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={onClose} data-testid="full-close">
          {t("viewer.close")}
        </button>
      </header>
      <div className="full-stage">
        <button
          type="button"
          className="full-nav prev"
          onClick={() => go(prev)}
          disabled={!prev}
          aria-label={t("viewer.previous")}
          title={t("viewer.previous")}
          data-testid="full-prev"
        >
          ‹
        </button>
        <div className="full-body">
          <PreviewBody state={state} name={object.name} full />
        </div>
        <button
          type="button"
          className="full-nav next"
          onClick={() => go(next)}
          disabled={!next}
          aria-label={t("viewer.next")}
          title={t("viewer.next")}
          data-testid="full-next"
        >
          ›
        </button>
      </div>
    </div>
  );
}
