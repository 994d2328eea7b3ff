// Browser tests: the real UI in Debian's Chromium (playwright-core), IPC mocked by ui/harness.
// Run after `vite build --config ui/vite.harness.config.ts`: node --test ui/tests/
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startHarness, harnessState as harness } from "./harness-server.mjs";

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});
const open = (q) => h.open(q);

for (const lang of ["en", "ja"]) {
  const T =
    lang === "en"
      ? {
          all: "All 2,500",
          matching: "10 matching",
          del: "Delete this file?",
          copied: "Link copied",
          cancel: "Cancel",
          limited: "sign-in expires sooner",
        }
      : {
          all: "全 2,500 件",
          matching: "10 件が一致",
          del: "このファイルを削除しますか?",
          copied: "リンクをコピーしました",
          cancel: "キャンセル",
          limited: "サインインの有効期限",
        };

  describe(`browse and preview (${lang})`, () => {
    test("pages stream in and the count says when all are loaded; filter narrows", async () => {
      const { page, errors } = await open(`lang=${lang}`);
      assert.equal(await page.getAttribute("html", "lang"), lang);
      await page.click('.row.folder[data-prefix="many/"]');
      await page.waitForFunction(
        (all) => document.querySelector("[data-testid=count]")?.textContent?.includes(all),
        T.all,
      );
      await page.fill("[data-testid=filter]", "item-0249");
      await page.waitForFunction(
        (m) => document.querySelector("[data-testid=count]")?.textContent?.includes(m),
        T.matching,
      );
      assert.equal(await page.locator(".rows .row.object").count(), 10);
      await page.keyboard.press("Control+l");
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "path");
      assert.deepEqual(errors, []);
      await page.close();
    });

    test("keyboard: arrows, Enter into a folder, Backspace up", async () => {
      const { page } = await open(`lang=${lang}`);
      await page.focus("[data-testid=rows]");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await page.waitForSelector('.row.object[data-key="many/item-00001.txt"]');
      await page.keyboard.press("Backspace");
      await page.waitForSelector('.row.folder[data-prefix="reports/"]');
      await page.close();
    });

    test("preview, copy a link with a lifetime, and delete after confirming", async () => {
      const { page, errors } = await open(`lang=${lang}`);
      await page.click('.row.folder[data-prefix="images/"]');
      await page.click('.row.object[data-key="images/photo.jpg"]');
      const width = await page.waitForFunction(() => {
        const i = document.querySelector("img.image-view");
        return i?.complete && i.naturalWidth;
      });
      assert.equal(await width.jsonValue(), 8);
      await page.selectOption("[data-testid=share-expiry]", "604800");
      await page.click("[data-testid=copy-link]");
      await page.waitForSelector("[data-testid=copied]");
      const copiedText = await page.textContent("[data-testid=copied]");
      assert.ok(copiedText.includes(T.copied) && copiedText.includes(T.limited), copiedText);
      const h = await harness(page);
      assert.match(h.copied[0], /X-Amz-Expires=7200/);

      await page.click("button.danger");
      assert.equal(await page.textContent("[data-testid=delete-key]"), "s3://team-docs/images/photo.jpg");
      assert.ok((await page.textContent(".dialog h2")).includes(T.del));
      await page.keyboard.press("Escape");
      assert.equal(await page.locator(".dialog").count(), 0);
      assert.deepEqual((await harness(page)).deleted, []);
      await page.click("button.danger");
      await page.click("[data-testid=confirm-delete]");
      await page.waitForFunction(() => !document.querySelector('.row.object[data-key="images/photo.jpg"]'));
      assert.deepEqual((await harness(page)).deleted, ["images/photo.jpg"]);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test("PDFs preview in an iframe on an inline URL; HTML is never rendered", async () => {
      const { page } = await open(`lang=${lang}`);
      await page.click('.row.folder[data-prefix="reports/"]');
      await page.click('.row.object[data-key="reports/月次報告書.pdf"]');
      const src = await (await page.waitForSelector("iframe.pdf-frame")).getAttribute("src");
      assert.match(src, /X-Amz-Expires=300/);
      await page.click('.crumb[data-prefix=""]');
      await page.click('.row.folder[data-prefix="images/"]');
      await page.click('.row.object[data-key="images/page.html"]');
      await page.waitForSelector(".preview .note");
      assert.equal(await page.locator(".preview iframe, .preview img").count(), 0);
      await page.close();
    });
  });
}

test("a 100,000-key prefix keeps at most 200 rows in the DOM", async () => {
  const { page } = await open("rows=100000");
  await page.click('.row.folder[data-prefix="many/"]');
  await page.waitForFunction(
    () => document.querySelector("[data-testid=count]")?.textContent?.includes("All 100,000"),
    null,
    { timeout: 60000 },
  );
  const rowsAtTop = await page.locator(".rows .row").count();
  assert.ok(rowsAtTop > 10 && rowsAtTop <= 200, `rows at top: ${rowsAtTop}`);
  await page.focus("[data-testid=rows]");
  await page.keyboard.press("End");
  await page.waitForSelector('.row.object[data-key="many/item-100000.txt"]');
  const rowsAtEnd = await page.locator(".rows .row").count();
  assert.ok(rowsAtEnd <= 200, `rows at end: ${rowsAtEnd}`);
  await page.close();
});

test("ListBuckets denied is explained, not an error wall", async () => {
  const { page } = await open("denyBuckets=1");
  const note = await page.textContent(".buckets .note");
  assert.ok(note.includes("may not list buckets"), note);
  await page.close();
});
