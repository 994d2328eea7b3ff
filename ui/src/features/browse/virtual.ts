// Which rows of a fixed-height list are in view, with an overscan margin on both sides. Browsers cap an
// element's height (about 33 million px in WebKit and Chromium), so past MAX_SCROLL_PX the scroll range
// is scaled: the scroll bar spans the whole list and rows are placed around the viewport.

export const MAX_SCROLL_PX = 8_000_000;

export interface Layout {
  start: number;
  end: number;
  /** Height of the scrolled content. */
  height: number;
  /** Where row `i` is drawn inside the content. */
  top: (i: number) => number;
  /** The scroll position that puts row `i` at the top of the viewport (or, with `bottom`, at its bottom). */
  scrollFor: (i: number, bottom?: boolean) => number;
}

export function layout(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan: number,
): Layout {
  const natural = count * rowHeight;
  const height = Math.min(natural, MAX_SCROLL_PX);
  const ratio = natural <= MAX_SCROLL_PX ? 1 : Math.max(1, natural - viewport) / Math.max(1, height - viewport);
  const top = Math.max(0, scrollTop);
  const virtualTop = top * ratio; // the same place, in unscaled coordinates
  const first = Math.floor(virtualTop / rowHeight);
  const inView = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, first + inView + overscan);
  const shift = top - virtualTop;
  return {
    start,
    end: Math.max(start, end),
    height,
    top: (i) => i * rowHeight + shift,
    scrollFor: (i, bottom = false) => Math.max(0, (i * rowHeight + (bottom ? rowHeight - viewport : 0)) / ratio),
  };
}

/** The rows in view, for lists short enough to need no scaling. */
export function visibleWindow(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan: number) {
  const { start, end } = layout(count, rowHeight, scrollTop, viewport, overscan);
  return { start, end };
}
