// Search under the open folder, at every depth (Ctrl/⌘+Shift+F): a name or pattern and optional filters; hits
// stream into a virtualised list with their folder, a running count of keys read, and Stop. Choosing a hit shows
// it in the preview; "Show in folder" opens its folder.
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { FileKind, ObjectEntry, SearchQuery } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { ErrorBox } from "../../shared/ErrorBox";
import { formatCount, formatDate, formatSize, visibleName } from "../../shared/format";
import { Icon, iconFor } from "../../shared/Icon";
import { layout } from "../browse/virtual";
import { FIRST_HIT_PAINTED, MAX_KEPT, useSearch } from "./useSearch";

const ROW = 40;
const KINDS: FileKind[] = ["pdf", "image", "text", "office", "media"];
const MB = 1024 * 1024;

interface Props {
  bucket: string;
  prefix: string;
  limit: number;
  selectedKey: string | null;
  onSelect: (o: ObjectEntry) => void;
  onShowInFolder: (o: ObjectEntry) => void;
  onClose: () => void;
}

/** Megabytes typed in a box as bytes; empty is no bound. */
const bytes = (mb: string): number | null => {
  const n = Number.parseFloat(mb);
  return mb.trim() === "" || !Number.isFinite(n) ? null : Math.round(n * MB);
};

export function SearchPanel({ bucket, prefix, limit, selectedKey, onSelect, onShowInFolder, onClose }: Props) {
  const { t, locale } = useT();
  const { state, start, stop, clear } = useSearch();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<FileKind | "">("");
  const [minMb, setMinMb] = useState("");
  const [maxMb, setMaxMb] = useState("");
  const [after, setAfter] = useState("");
  const [before, setBefore] = useState("");
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [cursor, setCursor] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const nameBox = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => nameBox.current?.focus(), []);
  // Another folder, another search: the old one stops.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the place matters
  useEffect(() => clear, [bucket, prefix]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const o = new ResizeObserver(() => setHeight(el.clientHeight));
    o.observe(el);
    return () => o.disconnect();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const query: SearchQuery = {
      name,
      minSize: bytes(minMb),
      maxSize: bytes(maxMb),
      modifiedAfter: after || null,
      modifiedBefore: before || null,
      kind: kind || null,
    };
    setCursor(0);
    if (box.current) box.current.scrollTop = 0;
    void start(bucket, prefix, query, limit);
  };

  const hits = state.hits;
  // The frame after the first hit was drawn (the search benchmark reads this against the hit's arrival).
  const anyHits = hits.length > 0;
  useEffect(() => {
    if (anyHits) requestAnimationFrame(() => setTimeout(() => performance.mark(FIRST_HIT_PAINTED)));
  }, [anyHits]);
  const lay = layout(hits.length, ROW, scrollTop, height, 8);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = (i: number) => {
      const next = Math.max(0, Math.min(hits.length - 1, i));
      setCursor(next);
      const hit = hits[next];
      if (hit) onSelect(hit);
      const el = box.current;
      if (el && (next * ROW < el.scrollTop || (next + 1) * ROW > el.scrollTop + el.clientHeight))
        el.scrollTop = Math.max(0, next * ROW - el.clientHeight / 2);
    };
    if (e.key === "ArrowDown") move(cursor + 1);
    else if (e.key === "ArrowUp") move(cursor - 1);
    else if (e.key === "Enter" && hits[cursor]) onShowInFolder(hits[cursor]);
    else return;
    e.preventDefault();
  };

  const status = state.error
    ? null
    : state.running
      ? t("search.running", { scanned: formatCount(state.scanned, locale), found: formatCount(state.found, locale) })
      : state.stoppedAtLimit
        ? t("search.atLimit", { limit: formatCount(limit, locale), found: formatCount(state.found, locale) })
        : state.stopped
          ? t("search.stopped", {
              scanned: formatCount(state.scanned, locale),
              found: formatCount(state.found, locale),
            })
          : state.done
            ? t("search.done", { scanned: formatCount(state.scanned, locale), found: formatCount(state.found, locale) })
            : null;

  return (
    <section className="search-panel" aria-label={t("search.title")} data-testid="search-panel">
      <form className="search-form" onSubmit={submit} onKeyDown={(e) => e.key === "Escape" && onClose()}>
        <div className="search-row">
          <input
            ref={nameBox}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("search.placeholder")}
            aria-label={t("search.name")}
            spellCheck={false}
            data-testid="search-name"
          />
          <select value={kind} onChange={(e) => setKind(e.target.value as FileKind | "")} aria-label={t("search.kind")}>
            <option value="">{t("search.kind.any")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`search.kind.${k}`)}
              </option>
            ))}
          </select>
          {state.running ? (
            <button type="button" onClick={stop} data-testid="search-stop">
              {t("search.stop")}
            </button>
          ) : (
            <button type="submit" data-testid="search-go">
              {t("search.go")}
            </button>
          )}
          <button type="button" className="icon-button" onClick={onClose} aria-label={t("search.close")}>
            ×
          </button>
        </div>
        <details className="search-filters">
          <summary>{t("search.filters")}</summary>
          <label>
            {t("search.minMb")}
            <input inputMode="decimal" value={minMb} onChange={(e) => setMinMb(e.target.value)} size={6} />
          </label>
          <label>
            {t("search.maxMb")}
            <input inputMode="decimal" value={maxMb} onChange={(e) => setMaxMb(e.target.value)} size={6} />
          </label>
          <label>
            {t("search.after")}
            <input type="date" value={after} onChange={(e) => setAfter(e.target.value)} />
          </label>
          <label>
            {t("search.before")}
            <input type="date" value={before} onChange={(e) => setBefore(e.target.value)} />
          </label>
        </details>
        <p className="muted small">{t("search.where", { place: `s3://${bucket}/${prefix}` })}</p>
      </form>
      <div className="search-status muted" aria-live="polite" data-testid="search-status">
        {status}
        {state.found > MAX_KEPT && ` ${t("search.firstOnly", { kept: formatCount(MAX_KEPT, locale) })}`}
      </div>
      {state.error && <ErrorBox error={state.error} action="list" />}
      <div
        className="search-hits"
        ref={box}
        role="grid"
        aria-label={t("search.results")}
        aria-rowcount={hits.length}
        aria-activedescendant={cursor >= lay.start && cursor < lay.end ? `hit-${cursor}` : undefined}
        tabIndex={0}
        onKeyDown={onKey}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="search-hits"
      >
        <div style={{ height: lay.height, position: "relative" }}>
          {hits.slice(lay.start, lay.end).map((h, i) => {
            const index = lay.start + i;
            const slash = h.name.lastIndexOf("/");
            const folder = slash >= 0 ? h.name.slice(0, slash + 1) : "";
            const file = h.name.slice(slash + 1);
            return (
              <div
                key={index % Math.max(1, lay.end - lay.start)}
                role="row"
                id={`hit-${index}`}
                aria-rowindex={index + 1}
                aria-selected={selectedKey === h.key}
                className={`hit ${selectedKey === h.key ? "selected" : ""} ${index === cursor ? "cursor" : ""}`}
                style={{ top: lay.top(index), height: ROW }}
                onClick={() => {
                  setCursor(index);
                  onSelect(h);
                }}
                onDoubleClick={() => onShowInFolder(h)}
                data-key={h.key}
              >
                <span className="hit-name" role="gridcell" title={visibleName(h.key)}>
                  <span className="hit-file">
                    <Icon name={iconFor(h.kind)} /> {visibleName(file)}
                  </span>
                  <span className="hit-folder muted small">{visibleName(folder) || "./"}</span>
                </span>
                <span className="num small" role="gridcell">
                  {formatSize(h.size, locale)}
                </span>
                <span className="muted small" role="gridcell">
                  {formatDate(h.lastModified, locale)}
                </span>
                <button
                  type="button"
                  className="link-button small"
                  onClick={(e) => {
                    e.stopPropagation();
                    onShowInFolder(h);
                  }}
                >
                  {t("search.showInFolder")}
                </button>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
