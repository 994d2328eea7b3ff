// Chooses how the preview pane shows an object: PDF viewer, <img>, or a metadata card (never HTML/scripts).

export type Viewer = "pdf" | "image" | "card";

const IMAGE_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/svg+xml",
  "image/avif",
  "image/bmp",
]);

const BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  avif: "image/avif",
  bmp: "image/bmp",
};

export interface ViewerChoice {
  viewer: Viewer;
  /** The type to ask S3 to answer with (`response-content-type`), when the stored one is unusable. */
  overrideType: string | null;
  /** The effective type. */
  type: string | null;
}

function essence(ct: string | null | undefined): string | null {
  if (!ct) return null;
  const e = ct.split(";")[0]?.trim().toLowerCase();
  return e ? e : null;
}

export function typeFromKey(key: string): string | null {
  const name = key.split("/").pop() ?? "";
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return null;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null;
}

function viewerFor(type: string | null): Viewer {
  if (type === "application/pdf") return "pdf";
  if (type && IMAGE_TYPES.has(type)) return "image";
  return "card";
}

/** Stored type first; when missing or octet-stream, the extension (then S3 is asked to answer with it). */
export function chooseViewer(contentType: string | null | undefined, key: string): ViewerChoice {
  const stored = essence(contentType);
  if (stored && stored !== "application/octet-stream" && stored !== "binary/octet-stream") {
    return { viewer: viewerFor(stored), overrideType: null, type: stored };
  }
  const guessed = typeFromKey(key);
  const viewer = viewerFor(guessed);
  return { viewer, overrideType: viewer === "card" ? null : guessed, type: guessed ?? stored };
}

/** True when neither the stored type nor the name tells what the object is: read its first bytes. */
export function needsSniffing(contentType: string | null | undefined, choice: ViewerChoice): boolean {
  const stored = essence(contentType);
  const generic = !stored || stored === "application/octet-stream" || stored === "binary/octet-stream";
  return generic && choice.viewer === "card";
}
