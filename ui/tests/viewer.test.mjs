// The reading room in the real UI with mocked IPC: the full-window viewer (Space, ←/→ across the folder, the
// neighbour asked for ahead and reused, zoom and rotate keys, Esc), text, JSON, tables and Markdown (nothing in
// a file runs or loads), the card for other types, and the remembered split.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { harnessForThisFile, harnessState } from "./harness-server.mjs";

const h = harnessForThisFile();
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText keeps the layout's line breaks
const text = (page, sel) => page.locator(sel).innerText();
const previews = async (page, key) => (await harnessState(page)).previews.filter((k) => k === key).length;

async function openFolder(page, prefix, key) {
  await page.click(`.row.folder[data-prefix="${prefix}"]`);
  await page.click(`.row.object[data-key="${key}"]`);
  await page.waitForSelector(".preview .preview-body:not(.viewer-pending)");
}

for (const lang of ["en", "ja"]) {
  const T = lang === "en" ? { close: "Close (Esc)", rows: "2 rows" } : { close: "閉じる (Esc)", rows: "2 行" };

  describe(`the reading room (${lang})`, () => {
    test("Space opens the full-window viewer; ←/→ step through viewable files; Esc closes", async () => {
      const { page, errors } = await h.open(`lang=${lang}`);
      await openFolder(page, "images/", "images/photo.jpg");
      await page.focus(".object-list");
      await page.keyboard.press("Space");
      await page.waitForSelector("[data-testid=full-view] img.image-view");
      assert.equal(await text(page, ".full-head h2"), "photo.jpg");
      // broken.png, large.png, page.html and photo.jpg are viewable; photo.jpg is the last of them.
      assert.equal(await text(page, "[data-testid=full-position]"), "4 / 4");
      assert.match(await text(page, "[data-testid=full-expiry]"), /\d/);
      assert.equal(await text(page, "[data-testid=full-close]"), T.close);
      assert.equal(await page.isDisabled("[data-testid=full-next]"), true, "nothing after the last");
      // The previous one was asked for while this one was shown; stepping to it asks nothing more.
      await page.waitForFunction(() => window.__harness.previews.includes("images/page.html"));
      await page.keyboard.press("ArrowLeft");
      await page.waitForSelector("[data-testid=full-view] [data-testid=text-view]");
      assert.equal(await text(page, "[data-testid=full-position]"), "3 / 4");
      assert.equal(await previews(page, "images/page.html"), 1, "the prefetched preview was reused");
      assert.match(await text(page, "[data-testid=full-view] [data-testid=text-view]"), /<script>alert\(1\)<\/script>/);
      await page.click("[data-testid=full-prev]");
      await page.waitForFunction(() => document.querySelector(".full-head h2")?.textContent === "large.png");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => document.querySelector(".full-head h2")?.textContent === "photo.jpg");
      await page.keyboard.press("Escape");
      assert.equal(await page.locator("[data-testid=full-view]").count(), 0);
      assert.equal(await text(page, ".preview-head h2"), "photo.jpg", "the list keeps the last one shown");
      // A double-click opens it too; the pane's button as well.
      await page.dblclick('.row.object[data-key="images/page.html"]');
      await page.waitForSelector("[data-testid=full-view] [data-testid=text-view]");
      await page.click("[data-testid=full-close]");
      await page.click("[data-testid=open-full]");
      await page.waitForSelector("[data-testid=full-view]");
      assert.deepEqual(errors, []);
      await page.close();
    });

    test("text, JSON, a table and Markdown are shown as text; nothing in them runs or loads", async () => {
      const { page, errors } = await h.open(`lang=${lang}`);
      const requests = [];
      page.on("request", (r) => requests.push(r.url()));
      await openFolder(page, "notes/", "notes/readme.md");
      const md = await page.waitForSelector("[data-testid=markdown-view] h1");
      assert.equal(await md.textContent(), "Team notes");
      assert.equal(
        await page.locator("[data-testid=markdown-view] script, [data-testid=markdown-view] img").count(),
        0,
      );
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.match(await text(page, "[data-testid=markdown-view] .md-image"), /chart/);
      assert.equal(requests.filter((u) => u.includes("tracker.example.com")).length, 0, "no remote image");
      const links = page.locator("[data-testid=markdown-view] a");
      assert.equal(await links.count(), 2);
      assert.equal(await page.locator("[data-testid=markdown-view] a[href]").count(), 0, "no link navigates");
      assert.equal(await links.nth(1).getAttribute("data-href"), null, "javascript: is dropped");
      await links.nth(0).click();
      await page.waitForFunction(() => window.__harness.copied.includes("https://wiki.example.com/a"));
      assert.equal(page.url().startsWith("http://127.0.0.1"), true, "the window stayed where it was");

      await page.click('.row.object[data-key="notes/sales.csv"]');
      await page.waitForSelector("[data-testid=table-view]");
      assert.equal(await text(page, "[data-testid=table-view] thead th:nth-child(2)"), "部署");
      assert.equal(await page.locator("[data-testid=table-view] b").count(), 0);
      assert.match(await text(page, "[data-testid=table-view] tbody"), /<b>300<\/b>/);
      assert.match(await text(page, ".preview [data-testid=text-facts]"), new RegExp(`${T.rows}.*Shift_JIS`));

      await page.click('.row.object[data-key="notes/data.json"]');
      await page.waitForFunction(() =>
        document.querySelector("[data-testid=text-view]")?.textContent?.includes("10.50"),
      );
      assert.match(await text(page, ".preview [data-testid=text-facts]"), /JSON/);

      await page.click('.row.object[data-key="notes/report.docx"]');
      await page.waitForSelector(".preview .card-note[data-card=type]");
      assert.match(await text(page, ".preview .card-note"), /wordprocessingml/);
      assert.equal((await page.locator(".preview .action-row button").count()) > 0, true, "Download stays");
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

test("the full viewer zooms with + − 1 0 and rotates with R", async () => {
  const { page, errors } = await h.open("lang=en");
  await openFolder(page, "images/", "images/photo.jpg");
  await page.click("[data-testid=open-full]");
  await page.waitForSelector("[data-testid=full-view] img.image-view");
  await page.keyboard.press("1");
  await page.waitForFunction(() => document.querySelector("[data-testid=zoom-level]")?.textContent === "100%");
  await page.keyboard.press("+");
  await page.waitForFunction(() => document.querySelector("[data-testid=zoom-level]")?.textContent === "125%");
  await page.keyboard.press("-");
  await page.waitForFunction(() => document.querySelector("[data-testid=zoom-level]")?.textContent === "100%");
  await page.keyboard.press("0");
  await page.waitForFunction(() => !document.querySelector("[data-testid=zoom-level]"));
  await page.keyboard.press("r");
  await page.waitForFunction(() =>
    document.querySelector("[data-testid=full-view] img.image-view")?.style.transform.includes("rotate(90deg)"),
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test("Ctrl+Space selects for sharing; the split is dragged by keys and remembered", async () => {
  const { page, errors } = await h.open("lang=en");
  await page.click('.row.folder[data-prefix="reports/"]');
  await page.focus(".object-list");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Control+Space");
  await page.waitForSelector("[data-testid=selection-bar]");
  assert.equal(await page.locator("[data-testid=full-view]").count(), 0, "Ctrl+Space does not open the viewer");
  const handle = page.locator("[data-testid=split-handle]");
  assert.equal(await handle.getAttribute("aria-valuenow"), "44");
  const before = await page.locator(".preview").boundingBox();
  await handle.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  assert.equal(await handle.getAttribute("aria-valuenow"), "50");
  const after = await page.locator(".preview").boundingBox();
  assert.ok(after.width > before.width + 50, `${before.width} → ${after.width}`);
  await page.reload();
  await page.waitForSelector("[data-testid=split-handle]");
  assert.equal(await page.getAttribute("[data-testid=split-handle]", "aria-valuenow"), "50", "remembered");
  assert.deepEqual(errors, []);
  await page.close();
});
