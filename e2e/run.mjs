// Real-window end-to-end tests: the built app in WebKitGTK, driven by tauri-driver, on the demo S3 server.
// Usage: node e2e/run.mjs <path-to-app-binary>   (tauri-driver must be listening on 127.0.0.1:4444)
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Session } from "./webdriver.mjs";

const app = resolve(process.argv[2] ?? "target/debug/bucketlens");
const artifacts = resolve("e2e/artifacts");
mkdirSync(artifacts, { recursive: true });
const DRIVER = "http://127.0.0.1:4444";

async function waitForDriver() {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${DRIVER}/status`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("tauri-driver did not answer on :4444");
}

/** Standard deviation of the pixels in a region of a PNG, via ImageMagick (0 = a blank region). */
function variance(png, { x, y, w, h }) {
  const file = `${artifacts}/.region.png`;
  writeFileSync(file, png);
  const out = execFileSync("convert", [file, "-crop", `${w}x${h}+${x}+${y}`, "-colorspace", "Gray", "-format", "%[fx:standard_deviation]", "info:"]);
  return Number(out.toString());
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test("launch shows the demo profile and the bucket's folders", async (s) => {
  const profiles = await s.waitFor("the demo profile", async () => {
    const names = await s.exec("return [...document.querySelectorAll('[data-profile]')].map(e => e.dataset.profile)");
    return names.includes("Demo (local)") && names;
  }, 60000);
  const active = await s.exec("return document.querySelector('.profile.active')?.dataset.profile ?? null");
  if (active !== "Demo (local)") throw new Error(`active profile ${active} of ${profiles}`);
  await s.waitFor("folders of the demo bucket", async () => (await s.findAll('.row.folder[data-prefix="reports/"]')).length === 1);
  const folders = await Promise.all((await s.findAll(".row.folder")).map((e) => s.text(e)));
  for (const want of ["images", "many", "odd", "reports"]) {
    if (!folders.some((f) => f.includes(want))) throw new Error(`folder ${want} missing from ${folders}`);
  }
  writeFileSync(`${artifacts}/01-launch.png`, await s.screenshot());
});

test("breadcrumb navigation and odd keys are listed", async (s) => {
  await s.click(await s.find('.row.folder[data-prefix="odd/"]'));
  await s.waitFor("odd keys", async () => (await s.findAll('.row.object[data-key="odd/日本語ファイル.txt"]')).length === 1);
  const keys = await s.exec("return [...document.querySelectorAll('.row.object')].map(r => r.dataset.key)");
  for (const k of ["odd/plus+sign.txt", "odd/space name.txt", "odd/hash#tag.txt", "odd/question?.txt", "odd/percent%20literal.txt"]) {
    if (!keys.includes(k)) throw new Error(`${k} missing from ${JSON.stringify(keys)}`);
  }
  await s.click(await s.find('.crumb[data-prefix=""]'));
  await s.waitFor("back at the root", async () => (await s.findAll('.row.folder[data-prefix="reports/"]')).length === 1);
});

test("a PDF preview is presigned inline, short-lived, and not blank", async (s) => {
  await s.click(await s.find('.row.folder[data-prefix="reports/"]'));
  const row = await s.waitFor("the report row", () => s.find('.row.object[data-key="reports/2026-q3-summary.pdf"]'));
  await s.click(row);
  const frame = await s.waitFor("the PDF iframe", () => s.find("iframe.pdf-frame"));
  const src = await s.attribute(frame, "src");
  const url = new URL(src);
  const expires = Number(url.searchParams.get("X-Amz-Expires"));
  if (!(expires > 0 && expires <= 600)) throw new Error(`X-Amz-Expires=${expires}`);
  if (url.searchParams.get("response-content-disposition") !== "inline") throw new Error(`disposition in ${src}`);
  if (!url.searchParams.get("X-Amz-Signature")) throw new Error("not signed");
  const rect = await s.exec("const r = document.querySelector('iframe.pdf-frame').getBoundingClientRect(); return {x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height)}");
  const sd = await s.waitFor("the PDF to paint", async () => {
    await new Promise((r) => setTimeout(r, 300));
    const v = variance(await s.screenshot(), { x: rect.x + 10, y: rect.y + 40, w: rect.w - 20, h: Math.min(300, rect.h - 50) });
    return v > 0.05 && v;
  }, 20000);
  writeFileSync(`${artifacts}/02-pdf-preview.png`, await s.screenshot());
  console.log(`    pdf region standard deviation ${sd.toFixed(3)}`);
});

test("an image preview loads", async (s) => {
  await s.click(await s.find('.crumb[data-prefix=""]'));
  await s.click(await s.waitFor("images folder", () => s.find('.row.folder[data-prefix="images/"]')));
  await s.click(await s.waitFor("photo row", () => s.find('.row.object[data-key="images/photo.jpg"]')));
  const w = await s.waitFor("the image to decode", () => s.exec("const i = document.querySelector('img.image-view'); return i && i.complete ? i.naturalWidth : 0"));
  if (w !== 1200) throw new Error(`naturalWidth ${w}`);
  writeFileSync(`${artifacts}/03-image-preview.png`, await s.screenshot());
});

await waitForDriver();
const session = await Session.create(DRIVER, { alwaysMatch: { "tauri:options": { application: app, args: ["--demo"] } } });
let passed = 0;
let failed = 0;
for (const t of tests) {
  const started = Date.now();
  try {
    await t.fn(session);
    passed++;
    console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${t.name}: ${e.message}`);
    try {
      writeFileSync(`${artifacts}/failed-${tests.indexOf(t)}.png`, await session.screenshot());
    } catch {}
  }
}
await session.close().catch(() => {});
console.log(`e2e: ${passed} passed, ${failed} failed`);
writeFileSync(`${artifacts}/summary.json`, JSON.stringify({ passed, failed }));
process.exit(failed === 0 ? 0 : 1);
