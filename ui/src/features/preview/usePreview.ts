// One selection, one IPC call: asks the backend how to show an object (its viewer, and the link or the text),
// re-mints the link before it expires and retries a failed image at most twice. Shared by the pane and the
// full-window viewer.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, Preview } from "../../ipc/bindings";
import { cachedPreview } from "./previewCache";
import { imageRetry, remintDelay } from "./remint";

export interface PreviewState {
  preview: Preview | null;
  error: ErrorPayload | null;
  /** Bumped to retry an image with the same link. */
  attempt: number;
  imageFailed: boolean;
  onImageError: () => void;
  onImageLoad: () => void;
  /** Asks again (a fresh link). */
  retry: () => void;
}

export function usePreview(bucket: string, key: string | null): PreviewState {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [generation, setGeneration] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [imageFailed, setImageFailed] = useState(false);
  const failures = useRef(0);
  const retryTimer = useRef<number | undefined>(undefined);
  const askedFor = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: another object clears what was shown (first, then asks)
  useLayoutEffect(() => {
    setPreview(null);
    setError(null);
    setImageFailed(false);
    failures.current = 0;
    window.clearTimeout(retryTimer.current);
  }, [bucket, key]);

  // Asked in a layout effect, before the selection's frame is painted rather than after: the backend answers
  // while WebKit paints, and the image starts loading a frame sooner (about 30 ms without a GPU).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation mints a fresh link
  useLayoutEffect(() => {
    if (!key) return;
    // The first ask for an object may use a preview fetched ahead; a retry or a re-mint never does.
    const first = askedFor.current !== `${bucket}/${key}`;
    askedFor.current = `${bucket}/${key}`;
    const ahead = first ? cachedPreview(bucket, key) : null;
    if (ahead) {
      setPreview(ahead);
      return;
    }
    let live = true;
    api
      .previewObject(bucket, key)
      .then((p) => live && setPreview(p))
      .catch((e) => live && e instanceof AppError && setError(e.payload));
    return () => {
      live = false;
    };
  }, [bucket, key, generation]);

  // Re-mint shortly before expiry so a preview left open keeps working; never reuse an expired URL.
  const link = preview?.link ?? null;
  useEffect(() => {
    if (!link) return;
    const timer = window.setTimeout(
      () => setGeneration((g) => g + 1),
      remintDelay(link.expiresAt, link.effectiveSecs, Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [link]);
  useEffect(() => () => window.clearTimeout(retryTimer.current), []);

  const onImageError = useCallback(() => {
    if (!link) return;
    failures.current += 1;
    const step = imageRetry(failures.current, link.expiresAt, Date.now());
    if (step.action === "giveUp") {
      setImageFailed(true);
      return;
    }
    retryTimer.current = window.setTimeout(
      () => (step.action === "remint" ? setGeneration((g) => g + 1) : setAttempt((a) => a + 1)),
      step.delayMs,
    );
  }, [link]);
  const onImageLoad = useCallback(() => {
    failures.current = 0;
  }, []);
  const retry = useCallback(() => {
    failures.current = 0;
    setImageFailed(false);
    setGeneration((g) => g + 1);
  }, []);
  return { preview, error, attempt, imageFailed, onImageError, onImageLoad, retry };
}
