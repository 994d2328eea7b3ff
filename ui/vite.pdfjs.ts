// Copies pdf.js's character maps and standard fonts into the build (under pdfjs/), so PDF thumbnails of
// Japanese documents whose fonts are not embedded draw their text; the worker itself is bundled by Vite.
import { cpSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const dist = fileURLToPath(new URL("../node_modules/pdfjs-dist/", import.meta.url));

export function pdfjsAssets(): Plugin {
  let outDir = "";
  return {
    name: "bucketlens-pdfjs-assets",
    apply: "build",
    configResolved(c) {
      outDir = join(c.root, c.build.outDir);
    },
    closeBundle() {
      for (const dir of ["cmaps", "standard_fonts"])
        cpSync(join(dist, dir), join(outDir, "pdfjs", dir), { recursive: true });
    },
  };
}
