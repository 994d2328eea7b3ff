// Search in the real window over a million keys: the data folder bench/listing.py seeded with
// LISTING_KEYS=1000000 (bucket `bench`, 1,000,000 keys under many/), the release app under Xvfb through
// tauri-driver. From the bucket's top, a glob matching 10,000 of them. Per run: the first hit painted after its
// page reached the window (the page's own User Timing marks), Search pressed → first hit painted and → done, and
// the PSS growth of the app and its WebKit processes while it ran.
// Usage (from bench/run.sh): node bench/search-window.mjs <app> <cli> <data dir> <runs>   (tauri-driver on :4450)
import { execFileSync } from "node:child_process";
import { freshSession, pss, serverWithProfile, summary, warmIndex } from "./measure.mjs";

const [app, cli, data, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const PATTERN = "item-0*7.txt";

const { server, info } = await serverWithProfile(cli, data);
warmIndex(cli, info);

const afterArrival = [];
const toFirstHit = [];
const toDone = [];
const growth = [];
for (let r = 0; r < runs; r++) {
  const { s } = await freshSession(app);
  await s.waitFor("the bucket's top", () =>
    s.exec("return document.querySelector('.row.folder[data-prefix=\"many/\"]') !== null"),
  );
  await new Promise((res) => setTimeout(res, 2000));
  const pid = Number(execFileSync("pgrep", ["-n", "-f", app]).toString().trim());
  const before = pss(pid).mib;
  await s.click(await s.find("[data-testid=open-search]"));
  await s.type(await s.waitFor("the search box", () => s.find("[data-testid=search-name]")), PATTERN);
  await s.exec(`
    window.__search = { pressed: performance.now() };
    document.querySelector('[data-testid=search-go]').click();
    const done = () => {
      if (/^Done/.test(document.querySelector('[data-testid=search-status]')?.textContent ?? '')) {
        requestAnimationFrame(() => { window.__search.done = performance.now(); });
      } else requestAnimationFrame(done);
    };
    requestAnimationFrame(done);
  `);
  const m = await s.waitFor(
    "the search done",
    () => s.exec("return window.__search.done !== undefined && window.__search"),
    600000,
  );
  const marks = await s.exec(
    "const t = (n) => performance.getEntriesByName(n).at(-1)?.startTime; " +
      "return { arrived: t('bucketlens:search-first-hit'), painted: t('bucketlens:search-first-hit-painted'), " +
      "found: document.querySelector('[data-testid=search-status]').textContent }",
  );
  if (!/10,000 found/.test(marks.found)) throw new Error(`the search said: ${marks.found}`);
  afterArrival.push(marks.painted - marks.arrived);
  toFirstHit.push(marks.painted - m.pressed);
  toDone.push(m.done - m.pressed);
  await new Promise((res) => setTimeout(res, 1000));
  growth.push(pss(pid).mib - before);
  await s.close();
}
server.kill();
console.log(
  JSON.stringify({
    keys: 1_000_000,
    pattern: PATTERN,
    hits: 10_000,
    first_hit_painted_after_arrival_ms: summary(afterArrival),
    pressed_to_first_hit_painted_ms: summary(toFirstHit),
    pressed_to_done_ms: summary(toDone),
    pss_growth_mib: summary(growth),
  }),
);
