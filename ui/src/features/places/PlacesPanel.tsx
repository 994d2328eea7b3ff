// The sidebar's places: bookmarks in the person's order (open, rename, move up or down, remove) and the last
// ten places visited, newest first.
import { useLayoutEffect, useRef, useState, type FormEvent } from "react";
import type { Bookmark, BookmarkEdit, ErrorPayload, Place, Places } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { ErrorBox } from "../../shared/ErrorBox";
import { visibleName } from "../../shared/format";

interface Props {
  places: Places;
  current: { bucket: string | null; prefix: string };
  error: ErrorPayload | null;
  onOpen: (p: Place) => void;
  onEdit: (e: BookmarkEdit) => void;
}

/** How a place reads in the sidebar: its folder's name, or the bucket's. */
export function placeLabel(p: Place): string {
  const last = p.prefix.split("/").filter(Boolean).pop();
  return visibleName(last ?? p.bucket);
}

const placeOf = (b: Bookmark): Place => ({ bucket: b.bucket, prefix: b.prefix });

/** A bookmark's small button, named for screen readers with the bookmark it acts on. */
function Tool(p: { label: string; name: string; symbol: string; disabled?: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="icon-button"
      title={p.label}
      aria-label={`${p.label}: ${p.name}`}
      disabled={p.disabled}
      onClick={p.onClick}
    >
      {p.symbol}
    </button>
  );
}

export function PlacesPanel({ places, current, error, onOpen, onEdit }: Props) {
  const { t } = useT();
  const [renaming, setRenaming] = useState<string | null>(null);
  // The rename field opens for typing at once (focused as it appears, not a frame later).
  const renameBox = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (renaming !== null) renameBox.current?.focus();
  }, [renaming]);
  const [name, setName] = useState("");
  const isHere = (p: Place) => p.bucket === current.bucket && p.prefix === current.prefix;
  const id = (p: Place) => `${p.bucket}/${p.prefix}`;

  const startRename = (b: Bookmark) => {
    setName(b.name);
    setRenaming(id(b));
  };
  const submitRename = (e: FormEvent, b: Bookmark) => {
    e.preventDefault();
    onEdit({ op: "rename", place: placeOf(b), name });
    setRenaming(null);
  };

  return (
    <nav className="places" aria-label={t("places.title")} data-testid="places">
      <h3>{t("places.bookmarks")}</h3>
      {places.bookmarks.length === 0 && <p className="muted small">{t("places.noBookmarks")}</p>}
      <ul className="place-list" data-testid="bookmarks">
        {places.bookmarks.map((b, i) => (
          <li key={id(b)} className={isHere(b) ? "here" : ""}>
            {renaming === id(b) ? (
              <form onSubmit={(e) => submitRename(e, b)} className="rename">
                <input
                  ref={renameBox}
                  value={name}
                  maxLength={120}
                  aria-label={t("places.rename")}
                  onChange={(e) => setName(e.target.value)}
                  onKeyDown={(e) => e.key === "Escape" && setRenaming(null)}
                  data-testid="bookmark-name"
                />
              </form>
            ) : (
              <button
                type="button"
                className="place"
                title={`s3://${b.bucket}/${b.prefix}`}
                onClick={() => onOpen(placeOf(b))}
                aria-current={isHere(b) ? "location" : undefined}
              >
                ★ {visibleName(b.name)}
              </button>
            )}
            <span className="place-tools">
              <Tool label={t("places.rename")} name={b.name} onClick={() => startRename(b)} symbol="✎" />
              <Tool
                label={t("places.moveUp")}
                name={b.name}
                disabled={i === 0}
                onClick={() => onEdit({ op: "move", place: placeOf(b), to: i - 1 })}
                symbol="↑"
              />
              <Tool
                label={t("places.moveDown")}
                name={b.name}
                disabled={i === places.bookmarks.length - 1}
                onClick={() => onEdit({ op: "move", place: placeOf(b), to: i + 1 })}
                symbol="↓"
              />
              <Tool
                label={t("places.remove")}
                name={b.name}
                onClick={() => onEdit({ op: "remove", place: placeOf(b) })}
                symbol="×"
              />
            </span>
          </li>
        ))}
      </ul>
      {error && <ErrorBox error={error} />}
      <h3>{t("places.recent")}</h3>
      <ul className="place-list" data-testid="recent">
        {places.recent.map((p) => (
          <li key={id(p)} className={isHere(p) ? "here" : ""}>
            <button
              type="button"
              className="place"
              title={`s3://${p.bucket}/${p.prefix}`}
              onClick={() => onOpen(p)}
              aria-current={isHere(p) ? "location" : undefined}
            >
              {placeLabel(p)}
              {p.prefix && <span className="muted small"> · {p.bucket}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
