// Loads one prefix page by page over the IPC channel; rows show as soon as the first page lands. Pages are
// kept in columns as they arrive (see `ObjectColumns`): nothing is copied per page, so a million keys stay cheap.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ColumnPage, ErrorPayload, FolderEntry } from "../../ipc/bindings";
import { ObjectColumns } from "./objectColumns";

export interface Listing {
  folders: FolderEntry[];
  /** Grows in place; `pages` changes with every page so that views recompute. */
  objects: ObjectColumns;
  pages: number;
  loaded: number;
  done: boolean;
  error: ErrorPayload | null;
}

const empty = (prefix = ""): Listing => ({
  folders: [],
  objects: new ObjectColumns(prefix),
  pages: 0,
  loaded: 0,
  done: false,
  error: null,
});

/** A User Timing mark for the start-up benchmark, the first time only. */
const markOnce = (name: string) => {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
};

/** A listing that starts with `page` (its first). */
const seeded = (page: ColumnPage): Listing => {
  const l = empty(page.prefix);
  l.objects.push(page.objects);
  return { ...l, folders: page.folders, pages: 1, loaded: page.loaded, done: page.isLast };
};

// The remembered place's first page as start-up's `bootstrap` carried it: the first listing of that place starts
// from it, so the first frame that shows the app shows its rows (BENCHMARKS.md: cold start).
let offered: ColumnPage | null = null;
export function offerFirstPage(page: ColumnPage | null) {
  offered = page;
}
const offeredFor = (bucket: string | null, prefix: string) =>
  offered && offered.bucket === bucket && offered.prefix === prefix ? offered : null;
// One listing object per offered page, shared by the first render and the first load (setState then keeps it).
const seededOnce = new WeakMap<ColumnPage, Listing>();
const seed = (page: ColumnPage) => {
  const l = seededOnce.get(page) ?? seeded(page);
  seededOnce.set(page, l);
  return l;
};

export function useListing(bucket: string | null, prefix: string, reloadToken: number): Listing {
  const [state, setState] = useState<Listing>(() => {
    const first = offeredFor(bucket, prefix);
    return first ? seed(first) : empty(prefix);
  });
  const run = useRef(0);

  const load = useCallback(() => {
    if (!bucket) {
      setState({ ...empty(prefix), done: true });
      return;
    }
    const id = ++run.current;
    const first = offeredFor(bucket, prefix);
    offered = null;
    let fresh = first ? seed(first) : empty(prefix);
    setState(fresh);
    if (first?.isLast) return;
    markOnce("bucketlens:list-asked");
    const onPage = (page: ColumnPage) => {
      if (id !== run.current) return;
      markOnce("bucketlens:first-page");
      // The backend starts over when it no longer holds what followed the offered page.
      if (page.index === 0 && first) {
        fresh = empty(prefix);
        setState(fresh);
      }
      fresh.objects.push(page.objects);
      setState((s) => ({
        ...s,
        folders: page.folders.length ? s.folders.concat(page.folders) : s.folders,
        pages: s.pages + 1,
        loaded: page.loaded,
        done: page.isLast,
      }));
    };
    api
      .listPrefix(bucket, prefix, onPage, first !== null)
      .then(() => {
        if (id === run.current) setState((s) => ({ ...s, done: true }));
      })
      .catch((e: unknown) => {
        if (id === run.current && e instanceof AppError) setState((s) => ({ ...s, done: true, error: e.payload }));
      });
  }, [bucket, prefix]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new reload token lists the folder again
  useEffect(() => {
    load();
  }, [load, reloadToken]);

  // The first rows this window shows are committed (marked as they reach the document, before any paint) and
  // painted (marked after the frame that paints them: the frame's callback runs before its paint, a task queued
  // from it after), for the start-up benchmark.
  const shown = state.pages > 0;
  useLayoutEffect(() => {
    if (!shown || performance.getEntriesByName("bucketlens:list-committed").length > 0) return;
    markOnce("bucketlens:list-committed");
    requestAnimationFrame(() => setTimeout(() => markOnce("bucketlens:list-painted")));
  }, [shown]);

  return state;
}
