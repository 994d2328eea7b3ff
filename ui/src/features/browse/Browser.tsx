// The middle and right of the window: path box, the folder listing (or a search in it) and the preview.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { api, AppError } from "../../ipc/commands";
import { listen } from "@tauri-apps/api/event";
import type { ErrorPayload, MenuAction, ObjectEntry } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { ErrorBox } from "../../shared/ErrorBox";
import { formatCount } from "../../shared/format";
import { ListingHead } from "./ListingHead";
import { PathBar, SelectionBar } from "./PathBar";
import { NewSince } from "./objectColumns";
import { ObjectList } from "./ObjectList";
import { useListing } from "./useListing";
import { buildRows, FilterMemo, parentPrefix, type Sort } from "./sort";
import { PreviewPane } from "../preview/PreviewPane";
import { FullView } from "../preview/FullView";
import { clearPreviewCache } from "../preview/previewCache";
import { usePreview } from "../preview/usePreview";
import { useSplit } from "./useSplit";
import { Gallery } from "../gallery/Gallery";
import { useViewMode } from "../gallery/viewMode";
import { useUploads } from "../upload/useUploads";
import { useDropZone } from "../upload/useDropZone";
import { UploadPanel } from "../upload/UploadPanel";
import { UploadDialogs } from "../upload/UploadDialogs";
import { SearchPanel } from "../search/SearchPanel";
import { ShareDialog } from "../share/ShareDialog";
import { entryFor } from "../places/useOpenPlace";

interface Props {
  allowedTypes: string[];
  location: { bucket: string | null; prefix: string };
  onNavigate: (bucket: string, prefix: string) => void;
  selected: ObjectEntry | null;
  onSelect: (o: ObjectEntry | null) => void;
  /** When this folder was opened before (Unix ms): objects modified since are marked. */
  since: number | null;
  bookmarked: boolean;
  onBookmark: () => void;
  /** Keys a search reads at most (the search setting). */
  scanLimit: number;
}

export function Browser(props: Props) {
  const { allowedTypes, location, onNavigate, selected, onSelect, since, bookmarked, onBookmark, scanLimit } = props;
  const { t, locale } = useT();
  const [reload, setReload] = useState(0);
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<Sort>({ key: "name", asc: true });
  const [path, setPath] = useState("");
  const [pathError, setPathError] = useState<ErrorPayload | null>(null);
  const pathBox = useRef<HTMLInputElement>(null);
  const filterBox = useRef<HTMLInputElement>(null);
  const listing = useListing(location.bucket, location.prefix, reload);
  const [highlight, setHighlight] = useState<string | null>(null);
  const preview = usePreview(location.bucket ?? "", location.bucket ? (selected?.key ?? null) : null);
  const [full, setFull] = useState(false);
  const split = useSplit();
  const [mode, setMode] = useViewMode(location.bucket, location.prefix);
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  const bucketName = location.bucket;
  const onUploaded = useCallback(
    (key: string) => {
      clearPreviewCache();
      setReload((r) => r + 1);
      setHighlight(key);
      if (bucketName) {
        api
          .previewObject(bucketName, key)
          .then((p) => p.viewer === "image" && p.link && setThumbs((t) => ({ ...t, [key]: p.link?.url ?? "" })))
          .catch(() => {});
      }
    },
    [bucketName],
  );
  const uploads = useUploads(location.bucket, location.prefix, onUploaded);
  const dropping = useDropZone(!!location.bucket, uploads.upload);
  const pick = async () => {
    try {
      await uploads.upload(await api.pickFiles());
    } catch (err) {
      if (err instanceof AppError) setPathError(err.payload);
    }
  };
  const [searching, setSearching] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [sharing, setSharing] = useState(false);
  const onCheck = useCallback((keys: string[], mode: "toggle" | "add") => {
    setChecked((c) => {
      const next = new Set(c);
      for (const k of keys) {
        if (mode === "toggle" && next.has(k)) next.delete(k);
        else next.add(k);
      }
      return next;
    });
  }, []);
  const newSince = useRef(new NewSince());
  // biome-ignore lint/correctness/useExhaustiveDependencies: `objects` grows in place; `pages` marks each page
  const newCount = useMemo(
    () => newSince.current.count(listing.objects, since),
    [listing.objects, listing.pages, since],
  );
  const filterMemo = useRef(new FilterMemo());
  // biome-ignore lint/correctness/useExhaustiveDependencies: `objects` grows in place; `pages` marks each page
  const rows = useMemo(
    () => buildRows(listing.folders, listing.objects, filter, sort, listing.done, filterMemo.current),
    [listing.folders, listing.objects, listing.pages, listing.done, filter, sort],
  );

  useEffect(() => {
    setPath(location.bucket ? `s3://${location.bucket}/${location.prefix}` : "");
    setFilter("");
    setChecked(new Set());
  }, [location.bucket, location.prefix]);

  // The native menu's shortcuts (Ctrl/⌘+L, F, U) arrive as menu events; the keys also work without a menu.
  const pickRef = useRef(pick);
  pickRef.current = pick;
  useEffect(() => {
    const un = listen<MenuAction>("menu", ({ payload }) => {
      if (payload.action === "focusLocation") pathBox.current?.select();
      else if (payload.action === "focusFilter") filterBox.current?.select();
      else if (payload.action === "upload") void pickRef.current();
    }).catch(() => null);
    return () => {
      void un.then((f) => f?.());
    };
  }, []);

  const bookmarkRef = useRef(onBookmark);
  bookmarkRef.current = onBookmark;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === "f" && e.shiftKey) setSearching(true);
      else if (k === "l") pathBox.current?.select();
      else if (k === "f") filterBox.current?.select();
      else if (k === "d") bookmarkRef.current();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const go = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const loc = await api.parseLocation(path);
      const folder = loc.key === "" || loc.key.endsWith("/") ? loc.key : loc.key.slice(0, loc.key.lastIndexOf("/") + 1);
      setPathError(null);
      onNavigate(loc.bucket, folder);
      // An address of a file opens its folder with the file in the preview.
      if (loc.key !== folder) onSelect(entryFor(loc.key));
    } catch (err) {
      if (err instanceof AppError) setPathError(err.payload);
    }
  };

  const openFull = (o: ObjectEntry) => {
    onSelect(o);
    setFull(true);
  };
  const total = listing.folders.length + listing.objects.length;
  const shown = rows.length;
  const bucket = location.bucket;
  return (
    <main className="main">
      <PathBar
        path={path}
        onPath={setPath}
        onGo={go}
        pathBox={pathBox}
        filterBox={filterBox}
        filter={filter}
        onFilter={setFilter}
        canUpload={!!location.bucket}
        onUpload={pick}
      />
      {pathError && <ErrorBox error={pathError} />}
      <div className="content" ref={split.box} style={split.style}>
        <section className="listing">
          {bucket && searching ? (
            <SearchPanel
              bucket={bucket}
              prefix={location.prefix}
              limit={scanLimit}
              selectedKey={selected?.key ?? null}
              onSelect={onSelect}
              onShowInFolder={(o) => {
                setSearching(false);
                onNavigate(bucket, o.key.slice(0, o.key.lastIndexOf("/") + 1));
                onSelect(o);
              }}
              onClose={() => setSearching(false)}
            />
          ) : bucket ? (
            <>
              <ListingHead
                bucket={bucket}
                prefix={location.prefix}
                onNavigate={(p) => onNavigate(bucket, p)}
                count={
                  (filter ? t("list.matching", { shown: formatCount(shown, locale) }) : "") +
                  (listing.done
                    ? t("list.countAll", { count: formatCount(total, locale) })
                    : t("list.countPartial", { loaded: formatCount(total, locale) }))
                }
                since={since}
                newCount={newCount}
                onNewestFirst={() => setSort({ key: "date", asc: false })}
                bookmarked={bookmarked}
                onBookmark={onBookmark}
                onSearch={() => setSearching(true)}
                view={mode}
                onView={setMode}
              />
              <SelectionBar
                count={checked.size}
                onShare={() => setSharing(true)}
                onClear={() => setChecked(new Set())}
              />
              {listing.error ? (
                <ErrorBox error={listing.error} action="list" onRetry={() => setReload((r) => r + 1)} />
              ) : listing.done && total === 0 ? (
                <p className="muted empty">{t("list.empty")}</p>
              ) : mode === "gallery" ? (
                <Gallery
                  bucket={bucket}
                  folder={`${bucket}/${location.prefix}`}
                  rows={rows}
                  selectedKey={selected?.key ?? null}
                  onOpenFolder={(p) => onNavigate(bucket, p)}
                  onSelect={onSelect}
                  onOpen={openFull}
                  onUp={() => onNavigate(bucket, parentPrefix(location.prefix))}
                  checked={checked}
                  onCheck={onCheck}
                />
              ) : (
                <ObjectList
                  folder={`${bucket}/${location.prefix}`}
                  rows={rows}
                  loading={!listing.done}
                  sort={sort}
                  onSort={(key) => setSort((s) => ({ key, asc: s.key === key ? !s.asc : true }))}
                  selectedKey={selected?.key ?? null}
                  highlightKey={highlight}
                  onOpenFolder={(p) => onNavigate(bucket, p)}
                  onSelect={onSelect}
                  onUp={() => onNavigate(bucket, parentPrefix(location.prefix))}
                  since={since}
                  checked={checked}
                  onCheck={onCheck}
                  onOpen={openFull}
                />
              )}
            </>
          ) : (
            <p className="muted empty">{t("list.pickBucket")}</p>
          )}
          {uploads.error && <ErrorBox error={uploads.error} action="write" />}
          <UploadPanel
            rows={uploads.rows}
            allowed={allowedTypes}
            thumbs={thumbs}
            onCancel={uploads.cancel}
            onRetry={uploads.retry}
            onClear={uploads.clear}
            pending={uploads.pending}
            onResume={(e) => void uploads.resume(e)}
            onDiscard={(e) => void uploads.discard(e)}
          />
        </section>
        {bucket && split.handle}
        {bucket && (
          <PreviewPane
            bucket={bucket}
            object={selected}
            state={preview}
            onDeleted={() => {
              clearPreviewCache();
              onSelect(null);
              setReload((r) => r + 1);
            }}
            onExpand={() => setFull(true)}
          />
        )}
      </div>
      {dropping && bucket && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div>{t("upload.dropHere", { target: `s3://${bucket}/${location.prefix}` })}</div>
        </div>
      )}
      {full && bucket && selected && (
        <FullView
          bucket={bucket}
          rows={rows}
          object={selected}
          state={preview}
          onSelect={onSelect}
          onClose={() => setFull(false)}
        />
      )}
      {sharing && bucket && <ShareDialog bucket={bucket} keys={[...checked]} onClose={() => setSharing(false)} />}
      <UploadDialogs ask={uploads.ask} answer={uploads.answer} target={`s3://${bucket ?? ""}/${location.prefix}`} />
    </main>
  );
}
