// Which rows of a fixed-height list are in view, with an overscan margin on both sides.
export function visibleWindow(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan: number) {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + inView + overscan);
  return { start, end: Math.max(start, end) };
}
