// App figures under Xvfb through tauri-driver: cold start to first painted list, idle PSS of the app and
// its WebKit processes, click-to-loaded for a ~5 MB PDF and a 4000×3000 JPEG from the embedded server.
// Usage (from bench/run.sh): node bench/app.mjs <app> <cli> <runs>   (tauri-driver on :4450)
import { execFileSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Session } from "../e2e/webdriver.mjs";

const [app, cli, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const work = resolve("target/bench/app");
mkdirSync(work, { recursive: true });
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const summary = (v) => ({ median: median(v), min: Math.min(...v), max: Math.max(...v), runs: v.length });

const server = spawn(cli, ["demo-server", "--no-seed", "--data", join(work, "s3")], {
  stdio: ["ignore", "pipe", "ignore"],
});
const info = {};
for await (const line of createInterface({ input: server.stdout })) {
  const [k, ...v] = line.split(": ");
  info[k] = v.join(": ");
  if (k === "data") break;
}
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
writeFileSync(process.env.AWS_CONFIG_FILE, `[profile bench]\nregion = us-east-1\nendpoint_url = ${info.endpoint}\n`);
writeFileSync(
  process.env.AWS_SHARED_CREDENTIALS_FILE,
  `[bench]\naws_access_key_id = ${info.access_key}\naws_secret_access_key = ${info.secret_key}\n`,
);

function pss(rootPid) {
  const kids = new Map();
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      kids.set(Number(d), ppid);
    } catch {}
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of kids) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))[1]);
    } catch {}
  }
  return { mib: kb / 1024, processes: tree.size };
}

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
/** Standard deviation of a screenshot region (0 = blank), via ImageMagick. */
function paintedSd(png, { x, y, w, h }) {
  const file = join(work, "region.png");
  writeFileSync(file, png);
  return Number(
    execFileSync("convert", [
      file,
      "-crop",
      `${w}x${h}+${x}+${y}`,
      "-colorspace",
      "Gray",
      "-format",
      "%[fx:standard_deviation]",
      "info:",
    ]).toString(),
  );
}
for (let r = 0; r < runs; r++) {
  // A cold start each run: no settings or remembered location from the run before.
  for (const d of [process.env.BUCKETLENS_CONFIG_DIR, process.env.BUCKETLENS_DATA_DIR])
    if (d) rmSync(d, { recursive: true, force: true });
  const t0 = performance.now();
  const s = await Session.create("http://127.0.0.1:4450", { alwaysMatch: { "tauri:options": { application: app } } });
  // Click once the element is there and stays there (re-renders make early handles stale).
  const clickOn = (css) =>
    s.waitFor(
      css,
      async () => {
        await s.click(await s.find(css));
        return true;
      },
      60000,
    );
  await clickOn('[data-profile="bench"]');
  await clickOn('[data-bucket="bench"]');
  await s.waitFor(
    "first painted list",
    () => s.exec("return document.querySelector('.row.folder[data-prefix=\"big/\"]') !== null"),
    60000,
  );
  start.push(performance.now() - t0);
  await new Promise((res) => setTimeout(res, 3000));
  const pid = Number(execFileSync("pgrep", ["-n", "-f", app]).toString().trim());
  mem.push(pss(pid));
  await clickOn('.row.folder[data-prefix="big/"]');
  await s.waitFor("big/", () => s.find('.row.object[data-key="big/big.jpg"]'));
  let t = performance.now();
  await clickOn('.row.object[data-key="big/big.jpg"]');
  await s.waitFor(
    "jpeg",
    () =>
      s.exec("const i = document.querySelector('img.image-view'); return i && i.complete && i.naturalWidth === 4000"),
    60000,
  );
  jpgMs.push(performance.now() - t);
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
  let polls = 0;
  await s.waitFor(
    "pdf painted",
    async () => {
      polls++;
      return paintedSd(await s.screenshot(), rect) > 0.05;
    },
    60000,
  );
  pdfMs.push(performance.now() - t);
  pollMs.push((performance.now() - t) / polls);
  await s.close();
}
server.kill();
const pdfSize = readFileSync(pdf).length;
console.log(
  JSON.stringify({
    cold_start_to_list_ms: summary(start),
    idle_pss_mib: summary(mem.map((m) => m.mib)),
    processes: mem[0]?.processes,
    jpeg_4000x3000_click_to_loaded_ms: summary(jpgMs),
    pdf_click_to_painted_ms: summary(pdfMs),
    pdf_poll_resolution_ms: summary(pollMs),
    pdf_bytes: pdfSize,
  }),
);
