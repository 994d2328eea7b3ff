// The gallery in the real UI with mocked IPC: 10,000 pictures keep at most 300 tiles in the page, thumbnails
// are asked only for tiles on screen and at most six at a time, tiles scrolled away before their turn are never
// asked, the list's keys work in two dimensions, and the choice of view is remembered per folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();
// A 4×3 red picture.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAFElEQVR4nGM8oaHBAANMDEgAhQMAKbQBHoiymwUAAAAASUVORK5CYII=",
  "base64",
);

/** A one-page PDF whose page is a black square on white (pdf.js rebuilds the missing cross-reference table). */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj\n" +
    "4 0 obj<</Length 26>>stream\n0 0 0 rg 50 50 100 100 re f\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** Answers /thumb/ requests after `delayMs`, recording each and the most in flight at once. */
async function serveThumbs(page, delayMs) {
  const seen = { asked: [], inFlight: 0, most: 0 };
  await page.route("**/thumb/**", async (route) => {
    seen.asked.push(decodeURIComponent(new URL(route.request().url()).pathname.slice("/thumb/".length)));
    seen.inFlight++;
    seen.most = Math.max(seen.most, seen.inFlight);
    await new Promise((r) => setTimeout(r, delayMs));
    seen.inFlight--;
    const url = new URL(route.request().url());
    const pdf = url.searchParams.has("pdf");
    // A PDF not drawn before: the backend says so, and the window draws it from the bytes.
    const answer = pdf
      ? { status: 200, contentType: "application/pdf", body: PDF }
      : url.pathname.endsWith(".pdf")
        ? { status: 415, contentType: "text/plain", headers: { "X-No-Thumbnail": "pdf" }, body: "" }
        : { status: 200, contentType: "image/png", body: PNG };
    await route.fulfill(answer).catch(() => {});
  });
  return seen;
}

test("10,000 pictures: at most 300 tiles, thumbnails only for tiles on screen, six at a time", async () => {
  const { page, errors } = await h.open("lang=en&photos=10000");
  const seen = await serveThumbs(page, 150);
  await page.click('.row.folder[data-prefix="photos/"]');
  await page.click("[data-testid=view-gallery]");
  await page.waitForSelector(".tile canvas.picture-thumb.drawn");
  const pixel = await page.evaluate(() => [
    ...document.querySelector(".tile canvas.picture-thumb.drawn").getContext("2d").getImageData(1, 1, 1, 1).data,
  ]);
  assert.ok(pixel[0] > 150 && pixel[1] < 100, `the thumbnail is drawn: ${pixel}`);
  const tiles = await page.locator(".tile").count();
  assert.ok(tiles > 10 && tiles <= 300, `${tiles} tiles`);
  await page.waitForFunction(() => document.querySelectorAll(".tile .thumb-wait").length === 0, null, {
    timeout: 20_000,
  });
  const onScreen = seen.asked.length;
  assert.ok(onScreen <= tiles, `${onScreen} asked for ${tiles} tiles`);
  assert.ok(seen.most <= 6, `${seen.most} at once`);
  assert.ok(
    seen.asked.every((k) => k.startsWith("team-docs/photos/img-")),
    seen.asked[0],
  );
  // Straight to the bottom: the tiles passed on the way are never asked for.
  const before = seen.asked.length;
  await page.evaluate(() => {
    const g = document.querySelector("[data-testid=gallery]");
    g.scrollTop = g.scrollHeight;
  });
  await page.waitForSelector('.tile[data-key="photos/img-10000.jpg"] canvas.picture-thumb.drawn');
  await page.waitForFunction(() => document.querySelectorAll(".tile .thumb-wait").length === 0, null, {
    timeout: 20_000,
  });
  const tilesAtEnd = await page.locator(".tile").count();
  assert.ok(tilesAtEnd <= 300, `${tilesAtEnd} tiles at the end`);
  assert.ok(seen.asked.length - before <= tilesAtEnd, `${seen.asked.length - before} asked at the end`);
  assert.ok(seen.asked.length < 200, `${seen.asked.length} asked in all, of 10,000`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("keys move through the tiles in two dimensions; Enter selects, Space opens the viewer", async () => {
  const { page, errors } = await h.open("lang=en&photos=40");
  await serveThumbs(page, 0);
  await page.click('.row.folder[data-prefix="photos/"]');
  await page.click("[data-testid=view-gallery]");
  await page.waitForSelector(".tile.cursor");
  const cols = await page.evaluate(() => {
    const g = document.querySelector("[data-testid=gallery]");
    return Math.floor(g.clientWidth / 164);
  });
  await page.focus("[data-testid=gallery]");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  const want = `photos/img-${String(cols + 2).padStart(5, "0")}.jpg`;
  assert.equal(await page.getAttribute(".tile.cursor", "data-key"), want);
  await page.keyboard.press("Enter");
  await page.waitForFunction((k) => document.querySelector(".preview-head h2")?.textContent === k.split("/")[1], want);
  await page.keyboard.press("Space");
  await page.waitForSelector("[data-testid=full-view]");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(
    (n) => document.querySelector(".full-head h2")?.textContent === `img-${String(n).padStart(5, "0")}.jpg`,
    cols + 3,
  );
  await page.keyboard.press("Escape");
  await page.focus("[data-testid=gallery]");
  await page.keyboard.press("Control+Space");
  await page.waitForSelector("[data-testid=selection-bar]");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a PDF's tile shows its first page, drawn by pdf.js from the bytes the backend streams", async () => {
  const { page, errors } = await h.open("lang=en");
  const seen = await serveThumbs(page, 0);
  await page.click('.row.folder[data-prefix="reports/"]');
  await page.click("[data-testid=view-gallery]");
  const tile = '.tile[data-key="reports/q3.pdf"] canvas.pdf-thumb.drawn';
  await page.waitForSelector(tile, { timeout: 20_000 });
  const [center, corner] = await page.evaluate((sel) => {
    const c = document.querySelector(sel);
    const g = c.getContext("2d");
    const at = (x, y) => [...g.getImageData(Math.floor(c.width * x), Math.floor(c.height * y), 1, 1).data];
    return [at(0.5, 0.5), at(0.05, 0.05)];
  }, tile);
  assert.ok(center[0] < 60 && center[3] > 200, `the square: ${center}`);
  assert.ok(corner[0] > 200, `the page: ${corner}`);
  assert.ok(seen.asked.includes("team-docs/reports/q3.pdf"));
  // The drawing is handed back to be kept, as a JPEG.
  await page.waitForFunction(() => window.__harness.kept.some((k) => k.key === "reports/q3.pdf"));
  const kept = await page.evaluate(() => window.__harness.kept.find((k) => k.key === "reports/q3.pdf").image);
  assert.ok(kept.startsWith("/9j/"), kept.slice(0, 10));
  assert.deepEqual(errors, []);
  await page.close();
});

test("the view is remembered per folder, across a reload, in both languages", async () => {
  const { page, errors } = await h.open("lang=ja&photos=5");
  await serveThumbs(page, 0);
  await page.click('.row.folder[data-prefix="photos/"]');
  assert.equal(await page.textContent("[data-testid=view-gallery]"), "ギャラリー");
  await page.click("[data-testid=view-gallery]");
  await page.waitForSelector("[data-testid=gallery]");
  await page.click('.crumb[data-prefix=""]');
  await page.click('.row.folder[data-prefix="images/"]');
  await page.waitForSelector('.row.object[data-key="images/photo.jpg"]');
  assert.equal(await page.locator("[data-testid=gallery]").count(), 0, "another folder keeps the list");
  await page.click('.crumb[data-prefix=""]');
  await page.click('.row.folder[data-prefix="photos/"]');
  await page.waitForSelector("[data-testid=gallery]");
  await page.reload();
  await page.waitForSelector('.row.folder[data-prefix="photos/"]');
  await page.click('.row.folder[data-prefix="photos/"]');
  await page.waitForSelector("[data-testid=gallery] .tile");
  assert.deepEqual(errors, []);
  await page.close();
});
