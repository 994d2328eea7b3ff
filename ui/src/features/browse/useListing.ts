// Loads one prefix page by page over the IPC channel; rows show as soon as the first page lands. Pages are
// kept in columns as they arrive (see `ObjectColumns`): nothing is copied per page, so a million keys stay cheap.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, FolderEntry } from "../../ipc/bindings";
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

export function useListing(bucket: string | null, prefix: string, reloadToken: number): Listing {
  const [state, setState] = useState<Listing>(() => empty(prefix));
  const run = useRef(0);

  const load = useCallback(() => {
    if (!bucket) {
      setState({ ...empty(prefix), done: true });
      return;
    }
    const id = ++run.current;
    const fresh = empty(prefix);
    setState(fresh);
    api
      .listPrefix(bucket, prefix, (page) => {
        if (id !== run.current) return;
        if (performance.getEntriesByName("bucketlens:first-page").length === 0)
          performance.mark("bucketlens:first-page");
        fresh.objects.push(page.objects);
        setState((s) => ({
          ...s,
          folders: page.folders.length ? s.folders.concat(page.folders) : s.folders,
          pages: s.pages + 1,
          loaded: page.loaded,
          done: page.isLast,
        }));
      })
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

  // The first rows this window shows are committed: marked after the frame that paints them (the frame's
  // callback runs before its paint, a task queued from it after), for the start-up benchmark.
  const shown = state.pages > 0;
  useEffect(() => {
    if (!shown || performance.getEntriesByName("bucketlens:list-painted").length > 0) return;
    requestAnimationFrame(() => setTimeout(() => performance.mark("bucketlens:list-painted")));
  }, [shown]);

  return state;
}
