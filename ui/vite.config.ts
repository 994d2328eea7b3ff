import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { pdfjsAssets } from "./vite.pdfjs";
import { preactAliases } from "./vite.preact";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), pdfjsAssets()],
  resolve: { alias: preactAliases },
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  test: {
    root,
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
  },
});
