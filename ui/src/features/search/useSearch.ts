// A running search's state: hits as their pages arrive (kept up to MAX_KEPT; the counts go on), keys read,
// whether it is running, stopped by the person, stopped at the scan limit, or failed. A newer search replaces
// an older one, whose late pages are ignored.
import { useCallback, useRef, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, ObjectEntry, SearchQuery } from "../../ipc/bindings";

export const FIRST_HIT = "bucketlens:search-first-hit";
export const FIRST_HIT_PAINTED = "bucketlens:search-first-hit-painted";

/** Hits kept for the list; past this the count still grows and the list says it shows the first ones. */
export const MAX_KEPT = 50_000;

export interface SearchState {
  hits: ObjectEntry[];
  scanned: number;
  found: number;
  running: boolean;
  done: boolean;
  stoppedAtLimit: boolean;
  stopped: boolean;
  error: ErrorPayload | null;
  /** Bumped with each page, so lists re-render while `hits` grows in place. */
  version: number;
}

const idle: SearchState = {
  hits: [],
  scanned: 0,
  found: 0,
  running: false,
  done: false,
  stoppedAtLimit: false,
  stopped: false,
  error: null,
  version: 0,
};

export function useSearch() {
  const [state, setState] = useState<SearchState>(idle);
  const run = useRef(0);

  const start = useCallback(async (bucket: string, prefix: string, query: SearchQuery, limit: number) => {
    const mine = ++run.current;
    const hits: ObjectEntry[] = [];
    // User Timing marks for the search benchmark (bench/search-window.mjs): the page with the first hit arrived.
    performance.clearMarks(FIRST_HIT);
    performance.clearMarks(FIRST_HIT_PAINTED);
    setState({ ...idle, hits, running: true });
    try {
      const last = await api.searchObjects(bucket, prefix, query, limit, (page) => {
        if (mine !== run.current) return;
        if (hits.length === 0 && page.hits.length > 0) performance.mark(FIRST_HIT);
        for (const h of page.hits) if (hits.length < MAX_KEPT) hits.push(h);
        setState((s) => ({
          ...s,
          scanned: page.scanned,
          found: page.found,
          done: page.done,
          stoppedAtLimit: page.stoppedAtLimit,
          version: s.version + 1,
        }));
      });
      if (mine !== run.current) return;
      setState((s) => ({
        ...s,
        running: false,
        scanned: last.scanned,
        found: last.found,
        done: last.done,
        stoppedAtLimit: last.stoppedAtLimit,
        stopped: !last.done && !last.stoppedAtLimit,
      }));
    } catch (e) {
      if (mine !== run.current) return;
      setState((s) => ({ ...s, running: false, error: e instanceof AppError ? e.payload : null }));
    }
  }, []);

  const stop = useCallback(() => {
    void api.stopSearch().catch(() => null);
  }, []);

  const clear = useCallback(() => {
    run.current += 1;
    void api.stopSearch().catch(() => null);
    setState(idle);
  }, []);

  return { state, start, stop, clear };
}
