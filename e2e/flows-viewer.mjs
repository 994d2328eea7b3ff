// Real-window flows for the reading room: the full-window viewer steps through the demo images with ←/→ (each
// one decoded and painted, the position and the link's expiry in its title), a Markdown note renders without
// running or fetching anything, and a Shift_JIS CSV report reads as a table. English, then Japanese for shots.
import { join } from "node:path";
import { demoRoot } from "./flows-find.mjs";
import { press } from "./flows-keyboard.mjs";
import { openFolder, q, sleep } from "./flows.mjs";
import { regionDeviation } from "./webdriver.mjs";

export const viewerTests = [];
export const viewerTestsJa = [];
const test = (name, fn) => viewerTests.push({ name, fn });

const fullName = (s) => s.exec("return document.querySelector('.full-head h2')?.textContent ?? null");
/** The full viewer's picture once decoded: its natural width, and whether it covers more than a thumbnail. */
const decoded = (s) =>
  s.exec(
    "const i = document.querySelector('[data-testid=full-view] img.image-view:not(.pending)'); " +
      "if (!i || !i.complete || !i.naturalWidth) return null; " +
      "const r = i.getBoundingClientRect(); return {w: i.naturalWidth, shown: Math.round(r.width)}",
  );

test("the full-window viewer steps through the demo images with ←/→ and closes with Esc", async (s, ctx) => {
  await demoRoot(s);
  await openFolder(s, "images/");
  await s.click(await s.waitFor("banner.webp", () => s.find('.row.object[data-key="images/banner.webp"]')));
  await s.exec("document.querySelector('.object-list').focus()");
  await press(s, "Space");
  await s.waitFor("the viewer", () => q(s, "[data-testid=full-view]"));
  const first = await s.waitFor("banner.webp decoded", () => decoded(s), 20000);
  if (first.w !== 800 || first.shown < 400) throw new Error(`banner shown as ${JSON.stringify(first)}`);
  const head = () =>
    s.exec(
      "return [document.querySelector('[data-testid=full-position]')?.textContent, " +
        "document.querySelector('[data-testid=full-expiry]')?.textContent]",
    );
  const [position, expiry] = await head();
  if (!/^\d+ \/ \d+$/.test(position ?? "") || !/\d/.test(expiry ?? "")) throw new Error(`title ${position} ${expiry}`);
  await ctx.shot(s, "30-full-viewer");
  // Every step paints a different picture (the names of the images folder in list order).
  const seen = [await fullName(s)];
  for (let i = 0; i < 3; i++) {
    await press(s, "ArrowRight");
    const name = await s.waitFor("the next image", async () => {
      const n = await fullName(s);
      return n !== seen.at(-1) && n;
    });
    seen.push(name);
    if (/\.(jpg|png|webp|gif)$/.test(name)) await s.waitFor(`${name} decoded`, () => decoded(s), 20000);
  }
  await press(s, "ArrowLeft");
  await s.waitFor("back one", async () => (await fullName(s)) === seen[2]);
  console.log(`    stepped through: ${seen.join(" → ")} ← ${seen[2]}`);
  await press(s, "Escape");
  await s.waitFor("the viewer closed", async () => !(await q(s, "[data-testid=full-view]")));
  const pane = await s.exec("return document.querySelector('.preview-head h2')?.textContent");
  if (pane !== seen[2]) throw new Error(`the pane shows ${pane}, not ${seen[2]}`);
});

/** Opens images/ as a gallery and checks that every picture's tile paints the thumbnail the backend made. */
async function gallery(s, ctx, shot) {
  await demoRoot(s);
  await openFolder(s, "images/");
  await s.click(await s.find("[data-testid=view-gallery]"));
  const pictures = ["photo.jpg", "diagram.png", "banner.webp", "icon.gif", "写真 2026.jpg"];
  const sizes = await s.waitFor(
    "thumbnails",
    () =>
      s.exec(
        "const out = {}; for (const n of arguments[0]) { " +
          "const c = document.querySelector('.tile[data-key=\"images/' + n + '\"] canvas.picture-thumb.drawn'); " +
          "if (!c) return null; out[n] = [c.width, c.height]; } " +
          "return out",
        pictures,
      ),
    30000,
  );
  for (const [n, [w, h]] of Object.entries(sizes)) {
    if (!(w > 0 && h > 0) || Math.max(w, h) > 296) throw new Error(`${n}: drawn ${w}×${h}`);
  }
  // Painted, not blank: the photo's tile varies as the picture does.
  const rect = await s.exec(
    "const r = document.querySelector('.tile[data-key=\"images/photo.jpg\"] canvas.picture-thumb')" +
      ".getBoundingClientRect(); " +
      "return {x: Math.round(r.x) + 4, y: Math.round(r.y) + 4, " +
      "w: Math.round(r.width) - 8, h: Math.round(r.height) - 8}",
  );
  const deviation = regionDeviation(await s.screenshot(), rect, join(ctx.artifacts, ".thumb.png"));
  if (!(deviation > 0.05)) throw new Error(`the photo's thumbnail looks blank (${deviation})`);
  console.log(
    `    thumbnails: ${Object.entries(sizes)
      .map(([n, [w, h]]) => `${n} ${w}×${h}`)
      .join(", ")}`,
  );
  await ctx.shot(s, shot);
  await s.click(await s.find("[data-testid=view-list]"));
  // A PDF's tile: its first page drawn by pdf.js in the window from the bytes the backend streams.
  await demoRoot(s);
  await openFolder(s, "reports/");
  await s.click(await s.find("[data-testid=view-gallery]"));
  const pdf = '.tile[data-key="reports/2026-q3-summary.pdf"] canvas.pdf-thumb.drawn';
  await s.waitFor("the PDF's first page", () => q(s, pdf), 30000);
  const box = await s.exec(
    "const r = document.querySelector(arguments[0]).getBoundingClientRect(); " +
      "return {x: Math.round(r.x) + 2, y: Math.round(r.y) + 2, " +
      "w: Math.round(r.width) - 4, h: Math.round(r.height) - 4}",
    pdf,
  );
  const page = regionDeviation(await s.screenshot(), box, join(ctx.artifacts, ".pdf-thumb.png"));
  if (!(page > 0.02) || box.w < 60) throw new Error(`the PDF's tile looks blank (${page}, ${JSON.stringify(box)})`);
  await ctx.shot(s, `${shot}-pdf`);
  await s.click(await s.find("[data-testid=view-list]"));
}

test("the gallery of the demo images shows thumbnails made by the backend", (s, ctx) => gallery(s, ctx, "29-gallery"));

/** Opens the Markdown note and checks what it must and must not do; returns after the shot. */
async function markdownNote(s, ctx, shot) {
  await demoRoot(s);
  await openFolder(s, "notes/");
  await s.click(await s.waitFor("README.md", () => s.find('.row.object[data-key="notes/README.md"]')));
  const h1 = await s.waitFor("the rendered note", () =>
    s.exec("return document.querySelector('[data-testid=markdown-view] h1')?.textContent ?? null"),
  );
  if (!h1.includes("チームの資料")) throw new Error(`heading ${h1}`);
  await sleep(500);
  const facts = await s.exec(
    "const m = document.querySelector('[data-testid=markdown-view]'); return {title: document.title, " +
      "imgs: m.querySelectorAll('img').length, scripts: m.querySelectorAll('script').length, " +
      "hrefs: m.querySelectorAll('a[href]').length, cells: m.querySelectorAll('td').length, " +
      "image: m.querySelector('.md-image')?.textContent ?? ''}",
  );
  if (facts.title === "pwned" || facts.imgs || facts.scripts || facts.hrefs || facts.cells !== 4)
    throw new Error(`the note: ${JSON.stringify(facts)}`);
  if (!facts.image.includes("Team photo")) throw new Error(`image placeholder ${facts.image}`);
  await ctx.shot(s, shot);
}

/** Opens the Shift_JIS CSV and checks it reads as Japanese in a table. */
async function csvReport(s, ctx, shot) {
  await demoRoot(s);
  await openFolder(s, "reports/");
  await s.click(await s.waitFor("the CSV", () => s.find('.row.object[data-key="reports/売上集計-2026.csv"]')));
  const table = await s.waitFor("the table", () =>
    s.exec(
      "const t = document.querySelector('[data-testid=table-view]'); if (!t) return null; " +
        "return {head: [...t.querySelectorAll('thead th')].map((c) => c.textContent), " +
        "rows: t.querySelectorAll('tbody tr').length, " +
        "facts: document.querySelector('.preview [data-testid=text-facts]').textContent}",
    ),
  );
  if (table.head.join("|") !== "|月|部署|売上(円)|備考" || table.rows !== 4 || !table.facts.includes("Shift_JIS"))
    throw new Error(`the table: ${JSON.stringify(table)}`);
  await ctx.shot(s, shot);
}

test("a Markdown note renders with no script, image or navigating link", (s, ctx) =>
  markdownNote(s, ctx, "31-markdown"));
test("a Shift_JIS CSV report reads as a table", (s, ctx) => csvReport(s, ctx, "32-csv"));

viewerTestsJa.push({
  name: "in Japanese: the gallery, a Markdown note and a CSV report",
  fn: async (s, ctx) => {
    await gallery(s, ctx, "33a-gallery-ja");
    await markdownNote(s, ctx, "33-markdown-ja");
    await csvReport(s, ctx, "34-csv-ja");
  },
});
