// Finding and sharing in the real UI with mocked IPC: search streams and stops, bookmarks and recent places,
// "new since your last visit", several files shared at once, and links that name a profile or none.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();
const find = (page) => page.evaluate(() => window.__find);
// innerText, not textContent: table cells and paragraphs read with the breaks a person sees.
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText keeps the layout's line breaks
const text = (page, sel) => page.locator(sel).innerText();

for (const lang of ["en", "ja"]) {
  const T =
    lang === "en"
      ? { done: "Done:", stopped: "Stopped:", limit: "limit of 500", newSince: "1 new since", two: "2 selected" }
      : { done: "完了:", stopped: "停止しました:", limit: "上限の 500 件", newSince: "新着 1 件", two: "2 件を選択" };

  describe(`find things (${lang})`, () => {
    test("Ctrl+Shift+F searches every depth; hits stream in with a running count; Stop stops", async () => {
      const { page, errors } = await h.open(`lang=${lang}&rows=20000`);
      await page.keyboard.press("Control+Shift+F");
      await page.waitForSelector("[data-testid=search-panel]");
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "search-name");
      await page.fill("[data-testid=search-name]", "item-1");
      await page.press("[data-testid=search-name]", "Enter");
      // The first hits are on screen while the search still runs (pages of 250 arrive every 30 ms).
      await page.waitForSelector('[data-testid=search-hits] .hit[data-key^="many/item-1"]');
      assert.equal(await page.locator("[data-testid=search-stop]").count(), 1, "still running");
      await page.click("[data-testid=search-stop]");
      await page.waitForFunction(
        (s) => document.querySelector("[data-testid=search-status]")?.textContent?.includes(s),
        T.stopped,
      );
      const after = await text(page, "[data-testid=search-status]");
      await page.waitForTimeout(200);
      assert.equal(await text(page, "[data-testid=search-status]"), after, "nothing more arrives");
      const f = await find(page);
      assert.equal(f.stops, 1);
      assert.deepEqual(f.searches, [{ prefix: "", name: "item-1", limit: 1000000 }], "the setting's limit");
      // A hit opens in the preview; Show in folder opens its folder.
      const first = page.locator("[data-testid=search-hits] .hit").first();
      const key = await first.getAttribute("data-key");
      await first.click();
      await page.waitForFunction(
        (k) => document.querySelector(".preview-head h2")?.textContent?.includes(k.split("/").pop()),
        key,
      );
      await first.getByRole("button").click();
      await page.waitForFunction(() => document.querySelector("[data-testid=path]")?.value === "s3://team-docs/many/");
      assert.equal(await page.locator("[data-testid=search-panel]").count(), 0);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test("a search that reaches the scan limit says so", async () => {
      const { page } = await h.open(`lang=${lang}&rows=3000&scanLimit=500`);
      await page.click("[data-testid=open-search]");
      await page.fill("[data-testid=search-name]", "item");
      await page.click("[data-testid=search-go]");
      await page.waitForFunction(
        (s) => document.querySelector("[data-testid=search-status]")?.textContent?.includes(s),
        T.limit,
      );
      assert.equal((await find(page)).searches[0].limit, 500);
      await page.close();
    });

    test("objects changed since the last visit are marked; Newest first is one click", async () => {
      const { page } = await h.open(`lang=${lang}&lastVisit=2026-11-25T00:00:00Z`);
      await page.click('.row.folder[data-prefix="reports/"]');
      await page.waitForFunction(
        (s) => document.querySelector("[data-testid=new-since]")?.textContent?.includes(s),
        T.newSince,
      );
      assert.equal(await page.locator('.row[data-key="reports/q3.pdf"] .new-dot').count(), 1);
      assert.equal(await page.locator('.row[data-key="reports/月次報告書.pdf"] .new-dot').count(), 0);
      await page.click("[data-testid=newest-first]");
      await page.waitForFunction(
        () => document.querySelector(".rows .row.object")?.getAttribute("data-key") === "reports/q3.pdf",
      );
      await page.close();
    });
  });
}

test("bookmarks: Ctrl+D adds the folder; rename, reorder, open, remove; recent places newest first", async () => {
  const { page, errors } = await h.open("lang=en");
  await page.click('.row.folder[data-prefix="reports/"]');
  await page.keyboard.press("Control+d");
  await page.waitForFunction(() => document.querySelector("[data-testid=bookmarks]")?.textContent?.includes("reports"));
  assert.equal(await page.getAttribute("[data-testid=bookmark-folder]", "aria-pressed"), "true");
  await page.hover("[data-testid=bookmarks] li");
  await page.click('[aria-label="Rename: reports"]');
  await page.fill("[data-testid=bookmark-name]", "Monthly reports");
  await page.press("[data-testid=bookmark-name]", "Enter");
  await page.waitForFunction(() =>
    document.querySelector("[data-testid=bookmarks]")?.textContent?.includes("Monthly reports"),
  );
  await page.click('.crumb[data-prefix=""]');
  await page.click('.row.folder[data-prefix="images/"]');
  await page.click("[data-testid=bookmark-folder]");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=bookmarks] li").length === 2);
  await page.hover("[data-testid=bookmarks] li:nth-child(2)");
  await page.click('[aria-label="Move up: images"]');
  await page.waitForFunction(() =>
    document.querySelector("[data-testid=bookmarks] li")?.textContent?.includes("images"),
  );
  assert.deepEqual(
    await page.locator("[data-testid=recent] .place").evaluateAll((els) => els.map((e) => e.getAttribute("title"))),
    ["s3://team-docs/images/", "s3://team-docs/", "s3://team-docs/reports/"],
  );
  await page.locator("[data-testid=bookmarks] .place", { hasText: "Monthly reports" }).click();
  await page.waitForFunction(() => document.querySelector("[data-testid=path]")?.value === "s3://team-docs/reports/");
  await page.hover("[data-testid=bookmarks] li:nth-child(2)");
  await page.click('[aria-label="Remove bookmark: Monthly reports"]');
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=bookmarks] li").length === 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("several files shared at once: a block of names and links, the real expiry, a record of who for", async () => {
  const { page, errors } = await h.open("lang=en");
  await page.click('.row.folder[data-prefix="reports/"]');
  await page.click('.row[data-key="reports/q3.pdf"]', { modifiers: ["Control"] });
  await page.click('.row[data-key="reports/月次報告書.pdf"]', { modifiers: ["Control"] });
  await page.waitForFunction(() =>
    document.querySelector("[data-testid=selection-bar]")?.textContent?.includes("2 selected"),
  );
  await page.click("[data-testid=share-selected]");
  await page.selectOption("[data-testid=share-expiry]", "86400");
  await page.fill("[data-testid=share-recipient]", "Accounts <team>");
  await page.click("[data-testid=share-create]");
  const block = await page.locator("[data-testid=share-text]").inputValue();
  assert.match(
    block,
    /q3\.pdf\nhttps:\/\/team-docs\.s3\.ap-northeast-1\.amazonaws\.com\/reports\/q3\.pdf\?X-Amz-Expires=7200/,
  );
  assert.match(block, /月次報告書\.pdf\nhttps:\/\/\S+X-Amz-Expires=7200/);
  assert.match(block, /valid until/);
  // A day was asked; the sign-in ends in two hours, so the links do too, and the dialog says so.
  assert.match(await text(page, "[data-testid=share-dialog]"), /\(2 h\)[\s\S]*sign-in expires sooner/);
  const copied = await page.evaluate(() => window.__harness.copied);
  assert.equal(copied.at(-1), block, "the same block is on the clipboard");
  assert.deepEqual((await find(page)).shared, [
    { keys: ["reports/q3.pdf", "reports/月次報告書.pdf"], expiresSecs: 86400, recipient: "Accounts <team>" },
  ]);
  await page.keyboard.press("Escape");
  await page.click(".issued-button");
  const rows = await text(page, "[data-testid=issued-links]");
  assert.match(rows, /reports\/q3\.pdf\s+Accounts <team>/);
  assert.match(rows, /reports\/月次報告書\.pdf\s+Accounts <team>/);
  // Shift+click takes a range; Space toggles the row under the cursor.
  await page.keyboard.press("Escape");
  await page.click("[data-testid=selection-bar] button:last-child");
  assert.equal(await page.locator("[data-testid=selection-bar]").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a link through one's own profile switches to it; another offers the profiles that can read it", async () => {
  const { page, errors } = await h.open("lang=en&readable=personal");
  const link = (profile) =>
    page.evaluate(
      (p) =>
        window.__menu({
          action: "openLocation",
          bucket: "team-docs",
          prefix: "reports/",
          key: "reports/q3.pdf",
          profile: p,
          link: true,
        }),
      profile,
    );
  await link("personal");
  await page.waitForFunction(() => document.querySelector("[data-testid=path]")?.value === "s3://team-docs/reports/");
  assert.equal((await page.evaluate(() => window.__harness.selected)).at(-1), "personal");
  await page.waitForFunction(() => document.querySelector(".preview-head h2")?.textContent?.includes("q3.pdf"));
  await link("someone-elses");
  await page.waitForSelector("[data-testid=open-link] [data-profile=personal]");
  assert.equal(await page.locator("[data-testid=open-link] [data-profile]").count(), 1, "only the readable ones");
  await page.click("[data-testid=open-link] [data-profile=personal]");
  await page.waitForFunction(() => document.querySelector("[data-testid=path]")?.value === "s3://team-docs/reports/");
  // Copy link gives an app link naming the active profile.
  await page.click("[data-testid=copy-folder-link]");
  await page.waitForFunction(() => window.__harness.copied.length > 0);
  assert.equal(
    (await page.evaluate(() => window.__harness.copied)).at(-1),
    "bucketlens://open?url=s3%3A%2F%2Fteam-docs%2Freports%2F&profile=personal",
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test("an address pasted in the path box opens its folder, and a file's address shows the file", async () => {
  const { page, errors } = await h.open("lang=en");
  await page.fill("[data-testid=path]", "s3://team-docs/reports/q3.pdf");
  await page.press("[data-testid=path]", "Enter");
  await page.waitForFunction(() => document.querySelector("[data-testid=path]")?.value === "s3://team-docs/reports/");
  await page.waitForFunction(() => document.querySelector(".preview-head h2")?.textContent?.includes("q3.pdf"));
  await page.fill("[data-testid=path]", "s3://team-docs/images/");
  await page.press("[data-testid=path]", "Enter");
  await page.waitForSelector('.row[data-key="images/photo.jpg"]');
  assert.equal(await page.locator(".preview-head h2").count(), 0, "a folder's address shows no file");
  assert.deepEqual(errors, []);
  await page.close();
});
