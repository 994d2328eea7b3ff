import type { FileKind } from "../ipc/bindings";
// Small line icons drawn inline, so nothing depends on an emoji font being installed.
export type IconName = "folder" | "pdf" | "image" | "file" | "bucket";

const PATHS: Record<IconName, string> = {
  folder:
    "M2 4.5A1.5 1.5 0 0 1 3.5 3h3l1.5 1.5h4.5A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z",
  pdf: "M4 1.5h5l3 3v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zM9 1.5v3h3M5 9h6M5 11.5h4",
  image:
    "M2.5 3h11a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z" +
    "M2 11l3.5-3.5 3 3 2-2L14 12M10.5 6.5a1 1 0 1 0 0-.01",
  file: "M4 1.5h5l3 3v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zM9 1.5v3h3",
  bucket: "M2.5 4.5h11l-1.3 8.2a1.5 1.5 0 0 1-1.5 1.3H5.3a1.5 1.5 0 0 1-1.5-1.3zM2.5 4.5c0-1.1 2.5-2 5.5-2s5.5.9 5.5 2",
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className={`icon icon-${name}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path
        d={PATHS[name]}
        fill={name === "folder" ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="1.2"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The icon for a file of this kind (the backend's `FileKind`), or for a stored type when that is all there is. */
export function iconFor(kind: FileKind | null, contentType?: string | null): IconName {
  if (kind === "pdf" || contentType === "application/pdf") return "pdf";
  if (kind === "image" || contentType?.startsWith("image/")) return "image";
  return "file";
}
