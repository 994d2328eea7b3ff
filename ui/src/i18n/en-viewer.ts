// English strings for the reading room: the full-window viewer, text, tables, Markdown and the split.
export const enViewer = {
  "preview.notRendered": "This kind of file has no preview. Download it or open it in your browser.",
  "preview.binary": "Its name says text, but its contents are not text, so they are not shown.",
  "preview.jsonFormatted": "JSON, indented",
  "preview.firstPart": "only the first {size} is shown",
  "preview.rowsFirst": "The first {rows} rows under the header",
  "preview.rowsAll": "{rows} rows under the header",
  "preview.mdImage": "image",
  "preview.mdLinkCopied": "Link address copied: {url}",
  "preview.rotate": "Rotate (R)",
  "viewer.open": "Full window (Space)",
  "viewer.close": "Close (Esc)",
  "viewer.previous": "Previous (←)",
  "viewer.next": "Next (→)",
  "viewer.split": "Width of the preview",
};
