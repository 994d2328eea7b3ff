// Loads one prefix page by page over the IPC channel; rows show as soon as the first page lands.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, FolderEntry, ObjectEntry } from "../../ipc/bindings";

export interface Listing {
  folders: FolderEntry[];
  objects: ObjectEntry[];
  loaded: number;
  done: boolean;
  error: ErrorPayload | null;
}

const EMPTY: Listing = { folders: [], objects: [], loaded: 0, done: false, error: null };

export function useListing(bucket: string | null, prefix: string, reloadToken: number): Listing {
  const [state, setState] = useState<Listing>(EMPTY);
  const run = useRef(0);

  const load = useCallback(() => {
    if (!bucket) {
      setState({ ...EMPTY, done: true });
      return;
    }
    const id = ++run.current;
    setState(EMPTY);
    api
      .listPrefix(bucket, prefix, (page) => {
        if (id !== run.current) return;
        setState((s) => ({
          folders: s.folders.concat(page.folders),
          objects: s.objects.concat(page.objects),
          loaded: page.loaded,
          done: page.isLast,
          error: null,
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

  return state;
}
