// Previews asked ahead for the full-window viewer's neighbours, so that stepping to one reuses its link (and
// the image WebKit already fetched and decoded) instead of minting another. Entries are short-lived and are
// never used once their link is within a minute of expiring.
import { api } from "../../ipc/commands";
import type { Preview } from "../../ipc/bindings";

const KEEP_MS = 60_000;
const MARGIN_MS = 60_000;
const MAX = 8;

interface Entry {
  preview: Preview;
  at: number;
  /** Holds the decoded picture so WebKit keeps it. */
  image: HTMLImageElement | null;
}

const cache = new Map<string, Entry>();
const asking = new Set<string>();
const id = (bucket: string, key: string) => `${bucket}\n${key}`;

/** A fresh cached preview of the object, if one was asked ahead. */
export function cachedPreview(bucket: string, key: string, now = Date.now()): Preview | null {
  const e = cache.get(id(bucket, key));
  if (!e) return null;
  const expires = e.preview.link?.expiresAt ?? Number.POSITIVE_INFINITY;
  if (now - e.at > KEEP_MS || expires - now < MARGIN_MS) {
    cache.delete(id(bucket, key));
    return null;
  }
  return e.preview;
}

/** Asks for the object's preview ahead of time and, for a picture, loads and decodes it. */
export function prefetchPreview(bucket: string, key: string): void {
  const k = id(bucket, key);
  if (asking.has(k) || cachedPreview(bucket, key)) return;
  asking.add(k);
  api
    .previewObject(bucket, key)
    .then((preview) => {
      let image: HTMLImageElement | null = null;
      if (preview.viewer === "image" && preview.link) {
        image = new Image();
        image.src = preview.link.url;
        image.decode().catch(() => {});
      }
      cache.set(k, { preview, at: Date.now(), image });
      while (cache.size > MAX) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
    })
    .catch(() => {})
    .finally(() => asking.delete(k));
}

/** Forgets everything (an object was uploaded or deleted). */
export function clearPreviewCache(): void {
  cache.clear();
}
