// List or gallery, remembered per folder on this computer (the 500 folders changed most recently).
import { useCallback, useEffect, useState } from "react";

export type ViewMode = "list" | "gallery";
const STORE = "bucketlens.viewModes";
export const MAX_REMEMBERED = 500;

function read(): Record<string, ViewMode> {
  try {
    const v = JSON.parse(window.localStorage.getItem(STORE) ?? "{}");
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

/** The remembered modes with `place` set to `mode` (moved to the end), oldest dropped past the limit. */
export function remember(modes: Record<string, ViewMode>, place: string, mode: ViewMode): Record<string, ViewMode> {
  const { [place]: _, ...rest } = modes;
  const entries = Object.entries(rest);
  if (mode === "gallery") entries.push([place, mode]);
  return Object.fromEntries(entries.slice(-MAX_REMEMBERED));
}

export function useViewMode(bucket: string | null, prefix: string): [ViewMode, (m: ViewMode) => void] {
  const place = `${bucket ?? ""}/${prefix}`;
  const [mode, setMode] = useState<ViewMode>(() => read()[place] ?? "list");
  useEffect(() => setMode(read()[place] ?? "list"), [place]);
  const set = useCallback(
    (m: ViewMode) => {
      setMode(m);
      try {
        window.localStorage.setItem(STORE, JSON.stringify(remember(read(), place, m)));
      } catch {
        // Not remembered (private mode, a full disk); the choice still holds for now.
      }
    },
    [place],
  );
  return [mode, set];
}
