// The active profile's bookmarks and recent places, and when the open folder was opened before ("new since").
// Each folder opened is recorded once per arrival; a refresh of the same folder keeps its "new since" marks.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { BookmarkEdit, ErrorPayload, Places } from "../../ipc/bindings";

/** When the place on screen was opened before (Unix ms), or null the first time. */
export interface Since {
  bucket: string;
  prefix: string;
  previousMs: number | null;
}

export function usePlaces(profile: string | null, bucket: string | null, prefix: string) {
  const [places, setPlaces] = useState<Places>({ bookmarks: [], recent: [] });
  const [since, setSince] = useState<Since | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const visitNo = useRef(0);

  useEffect(() => {
    if (!profile) return;
    api
      .getPlaces()
      .then(setPlaces)
      .catch(() => setPlaces({ bookmarks: [], recent: [] }));
  }, [profile]);

  useEffect(() => {
    if (!profile || !bucket) return;
    const mine = ++visitNo.current;
    api
      .visitPlace(bucket, prefix)
      .then((v) => {
        if (mine !== visitNo.current) return;
        setPlaces(v.places);
        setSince({ bucket, prefix, previousMs: v.previousMs });
      })
      .catch(() => null);
  }, [profile, bucket, prefix]);

  const edit = useCallback(async (change: BookmarkEdit) => {
    setError(null);
    try {
      setPlaces(await api.editBookmarks(change));
    } catch (e) {
      if (e instanceof AppError) setError(e.payload);
    }
  }, []);

  // Only the marks of the place on screen count (an answer for the previous folder must not mark this one).
  const sinceHere = since && since.bucket === bucket && since.prefix === prefix ? since.previousMs : null;
  return { places, since: sinceHere, edit, error };
}
