// A million keys in the real window: 1,000,000 keys under one prefix on the embedded server (the data folder
// bench/listing.py seeded with LISTING_KEYS=1000000), the release app under Xvfb through tauri-driver.
// Per run: first rows painted after the click on the folder, all pages listed, PSS growth of the app and its
// WebKit processes, and the longest frame while the list is scrolled from top to bottom.
// Usage (from bench/run.sh): node bench/million.mjs <app> <cli> <data dir> <runs>   (tauri-driver on :4450)
import { execFileSync } from "node:child_process";
import { freshSession, pss, serverWithProfile, summary, warmIndex } from "./measure.mjs";

const [app, cli, data, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const KEYS = 1_000_000;

const { server, info } = await serverWithProfile(cli, data);
warmIndex(cli, info);

const firstRows = [];
const allPages = [];
const growth = [];
const growthEach = [];
const longestFrame = [];
const slowFrames = [];
const frames = [];
for (let r = 0; r < runs; r++) {
  const { s } = await freshSession(app);
  await s.waitFor("the folder", () =>
    s.exec("return document.querySelector('.row.folder[data-prefix=\"many/\"]') !== null"),
  );
  await new Promise((res) => setTimeout(res, 2000));
  const pid = Number(execFileSync("pgrep", ["-n", "-f", app]).toString().trim());
  const start = pss(pid);
  const before = start.mib;
  // Timed in the page: from the click to the frame after the first object row appears, and to the frame
  // after the count says every key is listed. No WebDriver round trip is inside either figure.
  await s.exec(`
    window.__million = {};
    const folder = document.querySelector('.row.folder[data-prefix="many/"]');
    const painted = (name, test) => {
      const check = () => {
        const since = () => { window.__million[name] = performance.now() - window.__million.click; };
        if (test()) requestAnimationFrame(since);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    };
    window.__million.click = performance.now();
    folder.click();
    painted("first", () => document.querySelector('.row.object') !== null);
    painted("all", () => /1,000,000/.test(document.querySelector('[data-testid=count]')?.textContent ?? ''));
  `);
  const done = await s.waitFor(
    "every page listed",
    () => s.exec("return window.__million.all !== undefined && window.__million"),
    600000,
  );
  firstRows.push(done.first);
  allPages.push(done.all);
  await new Promise((res) => setTimeout(res, 2000));
  const end = pss(pid);
  growth.push(end.mib - before);
  growthEach.push(Object.fromEntries(Object.entries(end.each).map(([k, v]) => [k, v - (start.each[k] ?? 0)])));
  // Scroll from top to bottom in 2,000 steps, one per frame, and keep every frame's duration.
  const scroll = await s.exec(`
    const box = document.querySelector('[data-testid=rows]');
    box.scrollTop = 0;
    return new Promise((resolve) => {
      const steps = 2000, max = box.scrollHeight - box.clientHeight, times = [];
      let i = 0, last = performance.now();
      const step = (now) => {
        times.push(now - last); last = now;
        if (i++ >= steps) {
          // Two more frames for the last scroll's rows to be drawn, then look for the last key.
          const times_ = times.slice(1);
          return requestAnimationFrame(() => requestAnimationFrame(() => resolve({
            times: times_,
            rows: document.querySelectorAll('.rows .row').length,
            last: document.querySelector('.row.object[data-key="many/item-999999.txt"]') !== null,
            lastShown: [...document.querySelectorAll('.row.object')].at(-1)?.dataset.key,
          })));
        }
        box.scrollTop = (max * i) / steps;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  `);
  if (!scroll.last) throw new Error(`scrolling to the bottom showed ${scroll.lastShown}, not the last key`);
  longestFrame.push(Math.max(...scroll.times));
  slowFrames.push(scroll.times.flatMap((t, i) => (t > 50 ? [[i, Math.round(t)]] : [])));
  frames.push(...scroll.times);
  await s.close();
}
server.kill();
const sorted = [...frames].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    keys: KEYS,
    first_rows_ms: summary(firstRows),
    all_pages_ms: summary(allPages),
    pss_growth_mib: summary(growth),
    pss_growth_by_process_mib: growthEach,
    longest_frame_ms: summary(longestFrame),
    slow_frames_step_ms: slowFrames,
    frame_median_ms: sorted[Math.floor(sorted.length / 2)],
    frame_p99_ms: sorted[Math.floor(sorted.length * 0.99)],
    frames_measured: frames.length,
  }),
);
