// App figures under Xvfb through tauri-driver, each beside its floor measured in the same run:
// - cold start to first painted list, and idle PSS of the app and its WebKit processes, against the probe
//   (bench/probe: the same Tauri and WebKitGTK, one window, one static page): its first paint and idle PSS.
//   Paint times come from the page's clock (timeOrigin + WebKit's first-contentful-paint entry, for the app when
//   its first rows were committed before it, else the app's "bucketlens:list-painted" mark after the frame with
//   its first rows; that mark is reported too) against the launch;
// - click to decoded for a 4000×3000 JPEG, timed in the page, against the same object's presigned URL
//   decoded by a bare <img> in the same webview; click to painted for a ~4 MB PDF against a bare <iframe>
//   with the same sandbox in the same webview (both polled by screenshots: WebKit gives a PDF frame no
//   load or paint signal; the poll's length is reported as the error).
// Usage (from bench/run.sh): node bench/app.mjs <app> <cli> <runs> [probe]   (tauri-driver on :4450)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Session, regionDeviation } from "../e2e/webdriver.mjs";
import { freshSession, paintedAt, pss, serverWithProfile, summary } from "./measure.mjs";

const [app, cli, runsArg, probe] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const work = resolve("target/bench/app");
mkdirSync(work, { recursive: true });

const { server, info } = await serverWithProfile(cli, join(work, "s3"));
mkdirSync(join(work, "s3", "bench"), { recursive: true });
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: info.access_key,
  AWS_SECRET_ACCESS_KEY: info.secret_key,
  AWS_ENDPOINT_URL: info.endpoint,
  BUCKETLENS_CONFIG_DIR: join(work, "cli-config"),
};
delete env.AWS_PROFILE;
const jpg = join(work, "big.jpg");
const pdf = join(work, "big.pdf");
if (!existsSync(jpg)) execFileSync("convert", ["-size", "4000x3000", "plasma:fractal", "-quality", "92", jpg]);
// A ~5 MB PDF: two pages, each a 4000×3000 JPEG (bench/make_pdf.py embeds them as they are).
const pageJpg = join(work, "page.jpg");
const empty = (f) => !existsSync(f) || readFileSync(f).length === 0;
if (empty(pageJpg)) execFileSync("convert", ["-size", "4000x3000", "plasma:fractal", "-quality", "89", pageJpg]);
if (empty(pdf))
  execFileSync("python3", [join(dirname(fileURLToPath(import.meta.url)), "make_pdf.py"), pdf, pageJpg, pageJpg]);
for (const f of [jpg, pdf]) execFileSync(cli, ["put", "--overwrite", "--any-type", f, "s3://bench/big/"], { env });

for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch("http://127.0.0.1:4450/status")).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}
const start = [],
  mem = [],
  jpgMs = [],
  pdfMs = [],
  pollMs = [];
const paintedSd = (png, rect) => regionDeviation(png, rect, join(work, "region.png"));
/** Polls screenshots from `t` until `rect` is no longer blank; the time and one poll's length. */
async function untilPainted(s, rect, t) {
  let polls = 0;
  await s.waitFor(
    "painted",
    async () => {
      polls++;
      return paintedSd(await s.screenshot(), rect) > 0.05;
    },
    60000,
  );
  const ms = performance.now() - t;
  return { ms, pollMs: ms / polls };
}
const presign = (key) =>
  execFileSync(cli, ["presign", "get", `s3://bench/${key}`], { env })
    .toString()
    .trim();
// Warm the server's file cache for both objects, so neither the app nor the floor pays a cold disk.
for (const key of ["big/big.jpg", "big/big.pdf"]) await (await fetch(presign(key))).arrayBuffer();
// Start to first paint from the page's own clock (performance.timeOrigin + the paint entry or mark) against
// the launch on the wall clock; the figures found by polling the page every 200 ms are kept beside them.
const probeStart = [];
const probePolled = [];
const startPolled = [];
const startMarked = [];
const probeMem = [];
if (probe) {
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const launched = Date.now();
    const s = await Session.create("http://127.0.0.1:4450", {
      alwaysMatch: { "tauri:options": { application: probe } },
    });
    await s.waitFor("the probe's page", () => s.exec("return document.getElementById('painted') !== null"), 60000);
    probePolled.push(performance.now() - t0);
    probeStart.push((await paintedAt(s, "first-contentful-paint")) - launched);
    await new Promise((res) => setTimeout(res, 3000));
    probeMem.push(pss(Number(execFileSync("pgrep", ["-n", "-f", probe]).toString().trim())));
    await s.close();
  }
}
const phases = [];
const jpgInPage = [];
const jpgInserted = [];
const jpgShown = [];
const jpgFloor = [];
const pdfFloor = [];
const floorPollMs = [];
for (let r = 0; r < runs; r++) {
  // A cold start each run: no settings or remembered location from the run before.
  const t0 = performance.now();
  const { s, clickOn, launched } = await freshSession(app);
  await s.waitFor(
    "first painted list",
    () => s.exec("return document.querySelector('.row.folder[data-prefix=\"big/\"]') !== null"),
    60000,
  );
  startPolled.push(performance.now() - t0);
  // The list's paint: WebKit's first-contentful-paint entry (the probe's signal too) when the rows were already
  // in the document by then (the window renders once, with them); else the app's mark after the rows' frame.
  const marked = (await paintedAt(s, "bucketlens:list-painted")) - launched;
  const fcp = await s.exec(
    `const f = performance.getEntriesByName("first-contentful-paint")[0];
     const c = performance.getEntriesByName("bucketlens:list-committed")[0];
     return f && c && f.startTime >= c.startTime ? performance.timeOrigin + f.startTime : null;`,
  );
  start.push(fcp === null ? marked : fcp - launched);
  startMarked.push(marked);
  // Where the app's start went, from the page's own clock (0 = navigation start): the script running, bootstrap
  // answered, the first listing page in, and now (the list is painted).
  phases.push(
    await s.exec(`const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
      return { script: at("bucketlens:script"), bootstrap: at("bucketlens:bootstrap"),
        listAsked: at("bucketlens:list-asked"), firstPage: at("bucketlens:first-page"),
        render: at("bucketlens:render"), committed: at("bucketlens:list-committed"),
        firstContentfulPaint: at("first-contentful-paint"), painted: at("bucketlens:list-painted") };`),
  );
  await new Promise((res) => setTimeout(res, 3000));
  const pid = Number(execFileSync("pgrep", ["-n", "-f", app]).toString().trim());
  mem.push(pss(pid));
  await clickOn('.row.folder[data-prefix="big/"]');
  await s.waitFor("big/", () => s.find('.row.object[data-key="big/big.jpg"]'));
  // In the page: from the click to the preview's <img> decoded (no WebDriver round trip inside).
  await s.exec(`
    window.__img = {};
    const onClick = () => { window.__img.click = performance.now(); };
    document.addEventListener("click", onClick, { capture: true, once: true });
    const watch = new MutationObserver(() => {
      const i = document.querySelector("img.image-view");
      if (i && !window.__img.seen) {
        window.__img.seen = true;
        window.__img.inserted = performance.now() - window.__img.click;
        i.decode().then(() => { window.__img.ms = performance.now() - window.__img.click; },
          (e) => { window.__img.error = String(e); });
      }
      // Shown: the app takes the placeholder away (it keeps a photo hidden until decoded); after that frame.
      if (i && !i.classList.contains("pending") && window.__img.shown === undefined) {
        window.__img.shown = null;
        requestAnimationFrame(() => setTimeout(() => { window.__img.shown = performance.now() - window.__img.click; }));
        watch.disconnect();
      }
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  `);
  let t = performance.now();
  await clickOn('.row.object[data-key="big/big.jpg"]');
  await s.waitFor(
    "jpeg",
    () =>
      s.exec("const i = document.querySelector('img.image-view'); return i && i.complete && i.naturalWidth === 4000"),
    60000,
  );
  jpgMs.push(performance.now() - t);
  const inPage = await s.waitFor("decode()", () => s.exec("return window.__img.ms ?? window.__img.error ?? null"));
  if (typeof inPage !== "number") throw new Error(`the preview did not decode: ${inPage}`);
  jpgInPage.push(inPage);
  jpgInserted.push(await s.exec("return window.__img.inserted"));
  jpgShown.push(await s.waitFor("shown", () => s.exec("return window.__img.shown")));
  // The floor: the same object through a fresh presigned URL (not in the cache), a bare <img>, same webview.
  jpgFloor.push(
    await s.exec(
      "const i = new Image(); const t = performance.now(); i.src = arguments[0]; " +
        "return i.decode().then(() => performance.now() - t)",
      presign("big/big.jpg"),
    ),
  );
  t = performance.now();
  await clickOn('.row.object[data-key="big/big.pdf"]');
  // Loaded = WebKit's viewer has painted the page (a PDF frame fires no load event here): screenshots
  // are polled until the frame's area is no longer blank, so the figure carries one poll of resolution.
  const rect = await s.waitFor(
    "frame",
    () =>
      s.exec(
        "const f = document.querySelector('iframe.pdf-frame'); if (!f) return null; " +
          "const r = f.getBoundingClientRect(); return {x: Math.round(r.x) + 10, y: Math.round(r.y) + 40, " +
          "w: Math.round(r.width) - 20, h: Math.min(300, Math.round(r.height) - 50)}",
      ),
    60000,
  );
  const app_ = await untilPainted(s, rect, t);
  pdfMs.push(app_.ms);
  pollMs.push(app_.pollMs);
  // The floor: a bare <iframe> with the same sandbox, size and place, over the preview (blank first), then
  // a fresh URL of the same object.
  await s.exec(
    "const f = document.createElement('iframe'); f.id = 'floor'; f.setAttribute('sandbox', arguments[0]); " +
      "const r = document.querySelector('iframe.pdf-frame').getBoundingClientRect(); " +
      "Object.assign(f.style, {position: 'fixed', left: r.x + 'px', top: r.y + 'px', width: r.width + 'px', " +
      "height: r.height + 'px', border: '0', background: '#fff', zIndex: 100}); document.body.appendChild(f);",
    await s.exec("return document.querySelector('iframe.pdf-frame').getAttribute('sandbox')"),
  );
  await s.waitFor("the bare frame blank", async () => paintedSd(await s.screenshot(), rect) < 0.01, 60000);
  const url = presign("big/big.pdf");
  t = performance.now();
  await s.exec("document.getElementById('floor').src = arguments[0]", url);
  const floor = await untilPainted(s, rect, t);
  pdfFloor.push(floor.ms);
  floorPollMs.push(floor.pollMs);
  await s.close();
}
server.kill();
const pdfSize = readFileSync(pdf).length;
const ratio = (a, b) => a.map((x, i) => x / b[i]);
const floors = probe
  ? {
      probe_first_paint_ms: summary(probeStart),
      probe_first_paint_polled_ms: summary(probePolled),
      probe_idle_pss_mib: summary(probeMem.map((m) => m.mib)),
      probe_processes: probeMem[0]?.processes,
      start_ratio_to_probe: summary(ratio(start, probeStart)),
      pss_ratio_to_probe: summary(
        ratio(
          mem.map((m) => m.mib),
          probeMem.map((m) => m.mib),
        ),
      ),
    }
  : {};
console.log(
  JSON.stringify({
    cold_start_to_list_ms: summary(start),
    cold_start_to_list_polled_ms: summary(startPolled),
    cold_start_to_list_mark_after_frame_ms: summary(startMarked),
    idle_pss_mib: summary(mem.map((m) => m.mib)),
    processes: mem[0]?.processes,
    ...floors,
    jpeg_4000x3000_click_to_loaded_ms: summary(jpgMs),
    start_phases_in_page_ms: phases,
    jpeg_click_to_decoded_in_page_ms: summary(jpgInPage),
    jpeg_click_to_img_element_ms: summary(jpgInserted),
    jpeg_click_to_shown_after_frame_ms: summary(jpgShown),
    jpeg_bare_img_decoded_ms: summary(jpgFloor),
    jpeg_ratio_to_bare: summary(ratio(jpgInPage, jpgFloor)),
    pdf_click_to_painted_ms: summary(pdfMs),
    pdf_poll_resolution_ms: summary(pollMs),
    pdf_bare_iframe_painted_ms: summary(pdfFloor),
    pdf_bare_poll_resolution_ms: summary(floorPollMs),
    pdf_ratio_to_bare: summary(ratio(pdfMs, pdfFloor)),
    pdf_bytes: pdfSize,
  }),
);
