// Browser tests: the real UI in Debian's Chromium (playwright-core), IPC mocked by ui/harness.
// Run after `vite build --config ui/vite.harness.config.ts`: node --test ui/tests/
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { harnessState as harness, harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();
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
      await page.focus("[role=grid]");
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

    test("PDFs preview in an iframe on an inline URL; HTML is shown as its source, never rendered", async () => {
      const { page } = await open(`lang=${lang}`);
      await page.click('.row.folder[data-prefix="reports/"]');
      await page.click('.row.object[data-key="reports/月次報告書.pdf"]');
      const frame = await page.waitForSelector("iframe.pdf-frame");
      assert.match(await frame.getAttribute("src"), /X-Amz-Expires=300/);
      assert.equal(await frame.getAttribute("sandbox"), "allow-scripts allow-same-origin");
      await page.click('.crumb[data-prefix=""]');
      await page.click('.row.folder[data-prefix="images/"]');
      await page.click('.row.object[data-key="images/page.html"]');
      await page.waitForSelector(".preview [data-testid=text-view]");
      assert.match(await page.locator(".preview [data-testid=text-view]").textContent(), /<script>alert\(1\)/);
      assert.equal(await page.locator(".preview iframe, .preview img, .preview script").count(), 0);
      await page.close();
    });
  });
}

test("an image that does not decode is retried twice on the same link, then explained", async () => {
  const { page } = await open("lang=en");
  await page.click('.row.folder[data-prefix="images/"]');
  const started = Date.now();
  await page.click('.row.object[data-key="images/broken.png"]');
  await page.waitForSelector(".image-failed", { timeout: 10_000 });
  const waited = Date.now() - started;
  assert.ok(waited >= 1_500, `two pauses (0.5 s and 1 s) before giving up, not ${waited} ms`);
  const calls = (await harness(page)).calls.filter((c) => c === "preview_object");
  assert.equal(calls.length, 1, "a fresh link is reloaded, not re-minted");
  assert.match(await page.textContent(".image-failed"), /could not be shown/);
  await page.click(".image-failed button");
  await page.waitForSelector(".image-failed", { state: "detached" });
  await page.waitForSelector(".image-failed", { timeout: 10_000 });
  assert.equal((await harness(page)).calls.filter((c) => c === "preview_object").length, 2, "Retry mints anew");
  await page.close();
});

const hiddenUntilDecoded =
  "a photo stays hidden behind a placeholder until decoded; a slow one is shown as it arrives after 1 s";
test(hiddenUntilDecoded, async () => {
  const { page, errors } = await open("lang=en");
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC",
    "base64",
  );
  let release;
  await page.route("https://team-docs.s3.ap-northeast-1.amazonaws.com/images/large.png?*", async (route) => {
    await new Promise((r) => {
      release = r;
    });
    await route.fulfill({ status: 200, contentType: "image/png", body: png });
  });
  await page.click('.row.folder[data-prefix="images/"]');
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  const state = () =>
    page.evaluate(() => {
      const i = document.querySelector("img.image-view");
      return {
        img: Boolean(i),
        visible: i ? getComputedStyle(i).visibility === "visible" : false,
        placeholder: document.querySelector(".image-pending") !== null,
        width: i?.complete ? i.naturalWidth : 0,
      };
    });
  // The bytes are held back: the element exists (it is loading) but only the placeholder is seen.
  await page.click('.row.object[data-key="images/large.png"]');
  await page.waitForSelector("img.image-view", { state: "attached" });
  assert.deepEqual(await state(), { img: true, visible: false, placeholder: true, width: 0 });
  await page.clock.runFor(900);
  assert.deepEqual(await state(), { img: true, visible: false, placeholder: true, width: 0 }, "still within 1 s");
  // Decoded: shown at once, the placeholder gone (no timer involved: the clock stays paused).
  release();
  await page.waitForFunction(() => getComputedStyle(document.querySelector("img.image-view")).visibility === "visible");
  assert.deepEqual(await state(), { img: true, visible: true, placeholder: false, width: 8 });

  // Another slow one: after 1 s it is shown as its bytes arrive, before it has decoded.
  await page.click('.row.object[data-key="images/photo.jpg"]');
  await page.waitForFunction(() => document.querySelector("img.image-view")?.naturalWidth === 8);
  await page.click('.row.object[data-key="images/large.png"]');
  await page.waitForSelector("img.image-view.pending", { state: "attached" });
  await page.clock.runFor(1_000);
  await page.waitForSelector("img.image-view:not(.pending)", { state: "attached" });
  assert.equal((await state()).placeholder, false);
  release();
  await page.waitForFunction(() => document.querySelector("img.image-view")?.naturalWidth === 8);
  assert.deepEqual(errors, []);
  await page.close();
});

const returning =
  "a returning user's folder: its first page comes with bootstrap, so its rows need no listing; the rest follows";
test(returning, async () => {
  const { page, errors } = await h.open("lang=en&firstPage=many/", '.row.object[data-key="many/item-00001.txt"]');
  await page.waitForFunction(() => document.querySelector("[data-testid=count]")?.textContent?.includes("2,500"));
  const seen = await harness(page);
  const before = seen.callsBeforeFirstRow;
  assert.ok(before.includes("bootstrap") && !before.includes("list_prefix"), `rows in the first frame: ${before}`);
  assert.deepEqual(seen.listed, [{ prefix: "many/", afterFirstPage: true }], "then pages 1 and 2 only");
  // Refresh (the menu's) lists the folder from the start.
  await page.evaluate(() => window.__menu({ action: "refresh" }));
  await page.waitForFunction(() => window.__harness.listed.length === 2);
  assert.deepEqual((await harness(page)).listed[1], { prefix: "many/", afterFirstPage: false });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a 1,000,000-key prefix loads in pages, keeps at most 200 rows in the DOM, reaches its end, filters", async () => {
  const { page } = await open("rows=1000000");
  await page.click('.row.folder[data-prefix="many/"]');
  const started = Date.now();
  await page.waitForFunction(
    () => document.querySelector("[data-testid=count]")?.textContent?.includes("All 1,000,000"),
    null,
    { timeout: 240_000, polling: 500 },
  );
  console.log(`    1,000,000 keys listed in ${((Date.now() - started) / 1000).toFixed(1)} s (1,000 pages)`);
  const rowsAtTop = await page.locator(".rows .row").count();
  assert.ok(rowsAtTop > 10 && rowsAtTop <= 200, `rows at top: ${rowsAtTop}`);
  await page.focus("[role=grid]");
  await page.keyboard.press("End");
  await page.waitForSelector('.row.object[data-key="many/item-1000000.txt"]');
  const last = await page.$eval('.row.object[data-key="many/item-1000000.txt"]', (r) => {
    const box = r.getBoundingClientRect();
    const view = document.querySelector("[data-testid=rows]").getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom + 1;
  });
  assert.ok(last, "the last row is in view");
  assert.ok((await page.locator(".rows .row").count()) <= 200);
  await page.keyboard.press("Home");
  await page.waitForSelector('.row.object[data-key="many/item-00001.txt"]');
  await page.fill("[data-testid=filter]", "item-99999");
  await page.waitForFunction(() => document.querySelector("[data-testid=count]")?.textContent?.includes("11 matching"));
  await page.close();
});

test("ListBuckets denied is explained, not an error wall", async () => {
  const { page } = await open("denyBuckets=1");
  const note = await page.textContent(".buckets .note");
  assert.ok(note.includes("may not list buckets"), note);
  await page.close();
});
