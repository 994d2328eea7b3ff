// Builds the UI with mocked IPC (harness/) for the browser tests; never shipped.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { pdfjsAssets } from "./vite.pdfjs";
import { preactAliases } from "./vite.preact";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), pdfjsAssets()],
  resolve: { alias: preactAliases },
  build: {
    outDir: "harness-dist",
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: { input: { harness: fileURLToPath(new URL("harness/index.html", import.meta.url)) } },
  },
});
