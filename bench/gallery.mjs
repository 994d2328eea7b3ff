// The gallery and the full-window viewer in the real window, on 500 pictures of mixed sizes (bench/gallery_seed.py),
// the release app under Xvfb through tauri-driver. Per run, from a cold start with an empty thumbnail cache
// capped at 5 MB:
// - the folder clicked → every tile on screen shows its thumbnail (timed in the page, to the next frame);
// - PSS growth of the app and its WebKit processes while the gallery is scrolled through all 500;
// - the thumbnail cache's size on disk against its cap;
// - after a restart (same data folder): the folder clicked → the first screen, from the disk cache;
// - the full-window viewer: → pressed → the next picture decoded and shown, against the same object through
//   a fresh presigned URL decoded by a bare <img> in the same webview.
// Usage (from bench/run.sh): node bench/gallery.mjs <app> <cli> <runs>   (tauri-driver on :4450)
import { execFileSync } from "node:child_process";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Session } from "../e2e/webdriver.mjs";
import { freshSession, pss, serverWithProfile, summary } from "./measure.mjs";

const [app, cli, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const work = join(process.cwd(), "target", "bench");
const CAP_MB = 5;
const seeded = JSON.parse(execFileSync("target/bench/venv/bin/python", ["bench/gallery_seed.py"]).toString());
const { server, info } = await serverWithProfile(cli, join(work, "gallery-s3"));
const env = {
  ...process.env,
  AWS_PROFILE: "bench",
  AWS_ACCESS_KEY_ID: info.access_key,
  AWS_SECRET_ACCESS_KEY: info.secret_key,
  AWS_ENDPOINT_URL: info.endpoint,
  BUCKETLENS_CONFIG_DIR: join(work, "cli-config"),
};
const presign = (key) =>
  execFileSync(cli, ["presign", "get", `s3://bench/${key}`], { env })
    .toString()
    .trim();
const settings = (dir) =>
  writeFileSync(
    join(dir, "settings.json"),
    JSON.stringify({
      schemaVersion: 1,
      activeProfile: "bench",
      profiles: { bench: { defaultBucket: "bench" } },
      gallery: { cacheMb: CAP_MB },
    }),
  );
const cacheBytes = () => {
  const dir = join(process.env.BUCKETLENS_DATA_DIR, "thumbs");
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
};

/** Clicks the folder (remembered as a gallery) and times, in the page, until every tile on screen is drawn. */
const FIRST_SCREEN = `
  localStorage.setItem("bucketlens.viewModes", JSON.stringify({ "bench/gallery/": "gallery" }));
  window.__g = { click: performance.now() };
  const drawn = () => {
    const g = document.querySelector("[data-testid=gallery]");
    if (!g) return false;
    const box = g.getBoundingClientRect();
    const tiles = [...g.querySelectorAll(".tile")].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom;
    });
    return tiles.length > 0 && tiles.every((t) => {
      return t.querySelector("canvas.thumb-img.drawn") || t.querySelector("svg.icon");
    }) && tiles.length;
  };
  const check = () => {
    const n = drawn();
    if (n) requestAnimationFrame(() => { window.__g.ms = performance.now() - window.__g.click; window.__g.tiles = n; });
    else requestAnimationFrame(check);
  };
  document.querySelector('.row.folder[data-prefix="gallery/"]').click();
  requestAnimationFrame(check);
`;
const firstScreen = async (s) => {
  await s.waitFor("the folder", () =>
    s.exec("return !!document.querySelector('.row.folder[data-prefix=\"gallery/\"]')"),
  );
  await s.exec(FIRST_SCREEN);
  return s.waitFor("the first screen", () => s.exec("return window.__g.ms !== undefined && window.__g"), 120000);
};

const cold = [];
const warm = [];
const tilesOnScreen = [];
const growth = [];
const growthAt2s = [];
const growthEach = [];
const cache = [];
const next = [];
const bare = [];
for (let r = 0; r < runs; r++) {
  let { s } = await freshSession(app);
  settings(process.env.BUCKETLENS_CONFIG_DIR);
  await s.close();
  ({ s } = await freshSessionKeepingData(app));
  await new Promise((res) => setTimeout(res, 2000));
  const first = await firstScreen(s);
  cold.push(first.ms);
  tilesOnScreen.push(first.tiles);
  await s.close();
  // Restarted with the same data folder: the first screen from the disk cache, then all 500 from there.
  ({ s } = await freshSessionKeepingData(app));
  await new Promise((res) => setTimeout(res, 2000));
  const pid = Number(execFileSync("pgrep", ["-n", "-f", app]).toString().trim());
  const start = pss(pid);
  const before = start.mib;
  warm.push((await firstScreen(s)).ms);
  // Through all 500, a screen at a time, each screen's thumbnails drawn before the next.
  for (let step = 0; step < 200; step++) {
    const atEnd = await s.exec(
      "const g = document.querySelector('[data-testid=gallery]'); g.scrollTop += g.clientHeight; " +
        "return g.scrollTop + g.clientHeight >= g.scrollHeight - 2",
    );
    await s.waitFor(
      "this screen",
      () =>
        s.exec(
          "const g = document.querySelector('[data-testid=gallery]'); const box = g.getBoundingClientRect(); " +
            "return [...g.querySelectorAll('.tile')].filter((t) => { const r = t.getBoundingClientRect(); " +
            "return r.bottom > box.top && r.top < box.bottom; }).every((t) => { " +
            "return t.querySelector('canvas.thumb-img.drawn') || t.querySelector('svg.icon'); })",
        ),
      120000,
    );
    if (atEnd) break;
  }
  await new Promise((res) => setTimeout(res, 2000));
  growthAt2s.push(pss(pid).mib - before);
  // WebKit's allocator gives freed memory back on its own schedule: the figure is taken once it has settled.
  await new Promise((res) => setTimeout(res, 10000));
  const end = pss(pid);
  growth.push(end.mib - before);
  growthEach.push(
    Object.fromEntries(Object.entries(end.each).map(([k, v]) => [k, Math.round(v - (start.each[k] ?? 0))])),
  );
  cache.push(cacheBytes() / 1e6);
  // The full-window viewer, five steps from the tenth picture; each step against a bare <img> of the same key.
  await s.exec("const g = document.querySelector('[data-testid=gallery]'); g.scrollTop = 0;");
  await s.click(
    await s.waitFor("a tile", () =>
      s.find('.tile[data-key="gallery/photo-010.jpg"], .tile[data-key="gallery/photo-010.png"]'),
    ),
  );
  await s.exec(
    "document.querySelector('[data-testid=gallery]')" +
      ".dispatchEvent(new KeyboardEvent('keydown', {key: ' ', bubbles: true}))",
  );
  await s.waitFor(
    "the viewer",
    () => s.exec("return !!document.querySelector('[data-testid=full-view] img.image-view:not(.pending)')"),
    60000,
  );
  for (let step = 0; step < 5; step++) {
    await new Promise((res) => setTimeout(res, 1500)); // the neighbours are asked for once this one is shown
    const t = await s.exec(`
      const name = () => document.querySelector('.full-head h2').textContent;
      const was = name();
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      return new Promise((done) => {
        const check = () => {
          const i = document.querySelector('[data-testid=full-view] img.image-view:not(.pending)');
          const shown = () => done({ ms: performance.now() - t0, key: 'gallery/' + name() });
          if (name() !== was && i && i.complete && i.naturalWidth) requestAnimationFrame(shown);
          else requestAnimationFrame(check);
        };
        check();
      });`);
    next.push(t.ms);
    bare.push(
      await s.exec(
        "const i = new Image(); const t = performance.now(); i.src = arguments[0]; " +
          "return i.decode().then(() => performance.now() - t)",
        presign(t.key),
      ),
    );
  }
  await s.close();
}
server.kill();

/** A session on the same config and data folders (freshSession clears them). */
async function freshSessionKeepingData(appPath) {
  const s = await Session.create("http://127.0.0.1:4450", {
    alwaysMatch: { "tauri:options": { application: appPath } },
  });
  await s.cmd("POST", "/timeouts", { script: 600000 });
  return { s };
}

const ratio = next.map((v, i) => v / bare[i]);
console.log(
  JSON.stringify(
    {
      pictures: seeded,
      tiles_on_first_screen: summary(tilesOnScreen),
      first_screen_cold_ms: summary(cold),
      first_screen_after_restart_ms: summary(warm),
      pss_growth_all_500_mib: summary(growth),
      pss_growth_2s_after_mib: summary(growthAt2s),
      pss_growth_by_process_mib: growthEach,
      cache_mb: summary(cache),
      cache_cap_mb: CAP_MB,
      viewer_next_painted_ms: summary(next),
      bare_img_decoded_ms: summary(bare),
      viewer_next_ratio_to_bare: summary(ratio),
    },
    null,
    2,
  ),
);
