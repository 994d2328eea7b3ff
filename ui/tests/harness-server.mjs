// Serves the mocked-IPC build (ui/harness-dist) and launches Debian's Chromium for the browser tests.
import { after, before } from "node:test";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const dist = fileURLToPath(new URL("../harness-dist/", import.meta.url));
const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

export async function startHarness() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
    try {
      const body = await readFile(join(dist, path === "" ? "harness/index.html" : path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}/harness/index.html`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // `clock`: the page's timers run on Playwright's fake clock (page.clock.fastForward), from the first script.
  // `colorScheme`: the system appearance the page sees ("light" or "dark").
  const open = async (query = "", ready = '.row.folder[data-prefix="many/"]', { clock = false, colorScheme } = {}) => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 800 }, colorScheme });
    if (clock) await page.clock.install();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}?${query}`);
    await page.waitForSelector(ready);
    return { page, errors };
  };
  const stop = async () => {
    await browser.close();
    server.close();
  };
  return { open, stop };
}

/** One harness for the calling test file, started before its tests and stopped after them. */
export function harnessForThisFile() {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.stop();
  });
  return { open: (...args) => h.open(...args) };
}

export const harnessState = (page) => page.evaluate(() => window.__harness);
