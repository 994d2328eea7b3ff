// Folders then objects, in a virtualised list: only the rows in view (plus a margin) are in the DOM.
// ↑/↓ move the cursor, Enter opens a folder or previews, Backspace / Alt+↑ go up. The grid itself holds the
// focus and names the cursor's row in aria-activedescendant (WAI-ARIA grid pattern), so a screen reader reads
// the row the cursor is on while focus never jumps into rows that scroll away.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { ObjectEntry } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { formatDate, formatSize, visibleName } from "../../shared/format";
import { Icon, iconFor } from "../../shared/Icon";
import type { Row, Rows, Sort, SortKey } from "./sort";
import { layout } from "./virtual";

export const ROW_HEIGHT = 32;

interface Props {
  /** Which folder the rows are of: another folder starts at the top with the cursor on its first row. */
  folder: string;
  rows: Rows;
  loading: boolean;
  sort: Sort;
  onSort: (key: SortKey) => void;
  selectedKey: string | null;
  highlightKey?: string | null;
  onOpenFolder: (prefix: string) => void;
  onSelect: (o: ObjectEntry) => void;
  onUp: () => void;
  /** Objects modified after this moment (Unix ms) are marked new; null marks none. */
  since?: number | null;
  /** Keys chosen for sharing: Ctrl/⌘+click or Space adds or removes one, Shift+click a range. */
  checked?: ReadonlySet<string>;
  onCheck?: (keys: string[], mode: "toggle" | "add") => void;
  /** Space or a double-click: the object in the full-window viewer. */
  onOpen?: (o: ObjectEntry) => void;
}

/** Placeholder rows while the first page loads. */
const SKELETON_ROWS = [0, 1, 2, 3, 4, 5, 6, 7];

export function ObjectList({
  folder,
  rows,
  loading,
  sort,
  onSort,
  selectedKey,
  highlightKey,
  onOpenFolder,
  onSelect,
  onUp,
  since = null,
  checked,
  onCheck,
  onOpen,
}: Props) {
  const { t, locale } = useT();
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [cursor, setCursor] = useState(0);
  const anchor = useRef(0);
  const box = useRef<HTMLDivElement>(null);
  const idBase = useId();
  const rowId = (index: number) => `${idBase}-row-${index}`;

  const empty = rows.length === 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: another folder (or the list emptied) resets the cursor
  useEffect(() => {
    setCursor(0);
    setScrollTop(0);
    if (box.current) box.current.scrollTop = 0;
  }, [empty, folder]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const lay = layout(rows.length, ROW_HEIGHT, scrollTop, height, 10);
  const slots = Math.max(1, lay.end - lay.start);
  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setCursor(next);
    const el = box.current;
    if (!el) return;
    const now = layout(rows.length, ROW_HEIGHT, el.scrollTop, el.clientHeight, 10);
    const onScreen = now.top(next) - el.scrollTop;
    if (onScreen < 0) el.scrollTop = now.scrollFor(next);
    else if (onScreen + ROW_HEIGHT > el.clientHeight) el.scrollTop = now.scrollFor(next, true);
  };

  const activate = (r: Row | undefined) => {
    if (!r) return;
    if (r.kind === "folder") onOpenFolder(r.entry.prefix);
    else onSelect(r.entry);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // keys on the column headers' buttons are theirs
    if (e.key === "ArrowDown") moveTo(cursor + 1);
    else if (e.key === "ArrowUp" && e.altKey) onUp();
    else if (e.key === "ArrowUp") moveTo(cursor - 1);
    else if (e.key === "PageDown") moveTo(cursor + Math.floor(height / ROW_HEIGHT));
    else if (e.key === "PageUp") moveTo(cursor - Math.floor(height / ROW_HEIGHT));
    else if (e.key === "Home") moveTo(0);
    else if (e.key === "End") moveTo(rows.length - 1);
    else if (e.key === "Enter") activate(rows.at(cursor));
    else if (e.key === "Backspace") onUp();
    else if (e.key === " " && (e.ctrlKey || e.metaKey) && onCheck) {
      const r = rows.at(cursor);
      if (r?.kind === "object") onCheck([r.entry.key], "toggle");
    } else if (e.key === " " && onOpen) {
      const r = rows.at(cursor);
      if (r?.kind === "object") onOpen(r.entry);
    } else return;
    e.preventDefault();
  };

  // A column header is a cell that holds a button (the WAI-ARIA grid pattern), not a button posing as a cell.
  const header = (key: SortKey, label: string, cls = "") => (
    <div
      role="columnheader"
      className={`col ${cls}`}
      aria-sort={sort.key === key ? (sort.asc ? "ascending" : "descending") : "none"}
    >
      <button type="button" className={`sort ${cls} ${sort.key === key ? "on" : ""}`} onClick={() => onSort(key)}>
        {label}
        {sort.key === key ? (sort.asc ? " ▲" : " ▼") : ""}
      </button>
    </div>
  );
  const cursorShown = !empty && cursor >= lay.start && cursor < lay.end;
  return (
    <div
      className="object-list"
      role="grid"
      aria-rowcount={rows.length + 1}
      aria-label={t("list.label")}
      aria-activedescendant={cursorShown ? rowId(cursor) : undefined}
      tabIndex={0}
      onKeyDown={onKey}
    >
      <div className="row head" role="row" aria-rowindex={1}>
        {header("name", t("list.name"))}
        {header("size", t("list.size"), "num")}
        {header("date", t("list.modified"))}
      </div>
      <div
        className="rows"
        ref={box}
        role="presentation"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="rows"
      >
        {loading && rows.length === 0 ? (
          SKELETON_ROWS.map((i) => (
            <div key={i} className="row skeleton" style={{ top: i * ROW_HEIGHT }} aria-hidden="true">
              <span className="bar" style={{ width: `${40 + ((i * 37) % 45)}%` }} />
              <span className="bar" />
              <span className="bar" />
            </div>
          ))
        ) : (
          <div style={{ height: lay.height, position: "relative" }}>
            {rows.slice(lay.start, lay.end).map((r, i) => {
              const index = lay.start + i;
              // Keyed by slot, not by entry: the row scrolled out is reused for the row scrolled in, so a jump
              // through a large folder updates text in place instead of replacing every row.
              const slot = index % slots;
              const top = lay.top(index);
              const cur = index === cursor ? "cursor" : "";
              if (r.kind === "folder") {
                return (
                  <div
                    key={slot}
                    className={`row folder ${cur}`}
                    role="row"
                    id={rowId(index)}
                    aria-rowindex={index + 2}
                    style={{ top }}
                    onClick={() => onOpenFolder(r.entry.prefix)}
                    data-prefix={r.entry.prefix}
                  >
                    <span className="name" role="gridcell">
                      <Icon name="folder" /> {visibleName(r.entry.name)}
                    </span>
                    <span className="num muted" role="gridcell">
                      {t("list.folder")}
                    </span>
                    <span role="gridcell" />
                  </div>
                );
              }
              const o = r.entry;
              const isNew = since !== null && o.lastModified !== null && Date.parse(o.lastModified) > since;
              const on = checked?.has(o.key) ?? false;
              return (
                <div
                  key={slot}
                  className={[
                    "row object",
                    cur,
                    selectedKey === o.key && "selected",
                    on && "checked",
                    highlightKey === o.key && "highlight",
                  ]
                    .filter(Boolean)
                    .join(" ")}
                  role="row"
                  id={rowId(index)}
                  aria-rowindex={index + 2}
                  aria-selected={selectedKey === o.key || on}
                  style={{ top }}
                  onClick={(e) => {
                    setCursor(index);
                    if (onCheck && e.shiftKey) {
                      const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
                      const keys = rows.slice(a, b + 1).flatMap((r) => (r.kind === "object" ? [r.entry.key] : []));
                      onCheck(keys, "add");
                      return;
                    }
                    anchor.current = index;
                    if (onCheck && (e.ctrlKey || e.metaKey)) onCheck([o.key], "toggle");
                    else onSelect(o);
                  }}
                  onDoubleClick={() => onOpen?.(o)}
                  data-key={o.key}
                >
                  <span className="name" role="gridcell" title={visibleName(o.name)}>
                    <Icon name={iconFor(o.kind)} /> {visibleName(o.name)}
                    {isNew && <span className="new-dot" role="img" title={t("new.dot")} aria-label={t("new.dot")} />}
                  </span>
                  <span className="num" role="gridcell">
                    {formatSize(o.size, locale)}
                  </span>
                  <span className="muted" role="gridcell">
                    {formatDate(o.lastModified, locale)}
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
