// The resizable split between the list and the preview: drag the handle, or focus it and use ←/→ (Home and
// End for the limits); the preview's share of the width is remembered on this computer.
import { type CSSProperties, type KeyboardEvent, type PointerEvent, useCallback, useRef, useState } from "react";
import { useT } from "../../i18n/i18n";

const STORE = "bucketlens.previewShare";
export const MIN_SHARE = 0.2;
export const MAX_SHARE = 0.75;
export const DEFAULT_SHARE = 0.44;

export const clampShare = (f: number) =>
  Number.isFinite(f) ? Math.min(MAX_SHARE, Math.max(MIN_SHARE, f)) : DEFAULT_SHARE;

function stored(): number {
  try {
    const v = window.localStorage.getItem(STORE);
    return v === null ? DEFAULT_SHARE : clampShare(Number(v));
  } catch {
    return DEFAULT_SHARE;
  }
}

export function useSplit() {
  const { t } = useT();
  const [share, setShare] = useState(stored);
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const set = useCallback((f: number) => {
    const v = clampShare(f);
    setShare(v);
    try {
      window.localStorage.setItem(STORE, v.toFixed(3));
    } catch {
      // Private mode or a full disk: the split still works, it is just not remembered.
    }
  }, []);
  const fromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const r = box.current?.getBoundingClientRect();
    if (r && r.width > 0) set((r.right - e.clientX) / r.width);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "ArrowLeft") set(share + 0.02);
    else if (e.key === "ArrowRight") set(share - 0.02);
    else if (e.key === "Home") set(MAX_SHARE);
    else if (e.key === "End") set(MIN_SHARE);
    else return;
    e.preventDefault();
  };
  const handle = (
    // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter is not an <hr>
    <div
      className="split-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={t("viewer.split")}
      aria-valuemin={Math.round(MIN_SHARE * 100)}
      aria-valuemax={Math.round(MAX_SHARE * 100)}
      aria-valuenow={Math.round(share * 100)}
      tabIndex={0}
      data-testid="split-handle"
      onKeyDown={onKey}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => dragging.current && fromPointer(e)}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onDoubleClick={() => set(DEFAULT_SHARE)}
    />
  );
  const style = { "--preview-share": `${(share * 100).toFixed(1)}%` } as CSSProperties;
  return { box, handle, style, share };
}
