// Help → Check for updates… in Chromium with mocked IPC: nothing new, an offer installed on request, and a
// rejected signature explained with nothing installed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessState, harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();
const step = (page, s) => page.waitForSelector(`[data-testid=update-dialog][data-step="${s}"]`);

for (const lang of ["en", "ja"]) {
  test(`no newer version says so (${lang})`, async () => {
    const { page, errors } = await h.open(`lang=${lang}`);
    await page.evaluate(() => window.__menu({ action: "checkUpdates" }));
    await step(page, "none");
    const text = await page.textContent("[data-testid=update-dialog]");
    assert.ok(text.includes("0.1.0"), text);
    assert.equal(await page.$("[data-testid=install-update]"), null);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("an offer shows version and notes and installs only when asked", async () => {
  const { page, errors } = await h.open("lang=en&update=1");
  await page.evaluate(() => window.__menu({ action: "checkUpdates" }));
  await step(page, "offer");
  const text = await page.textContent("[data-testid=update-dialog]");
  for (const w of ["0.2.0", "you have 0.1.0", "Gallery view."]) assert.ok(text.includes(w), `${w} in ${text}`);
  assert.equal((await harnessState(page)).installs, 0);
  await page.click("[data-testid=install-update]");
  await step(page, "installing");
  assert.equal((await harnessState(page)).installs, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a signature that does not verify is explained (Japanese)", async () => {
  const { page } = await h.open("lang=ja&update=bad");
  await page.evaluate(() => window.__menu({ action: "checkUpdates" }));
  await step(page, "offer");
  await page.click("[data-testid=install-update]");
  await step(page, "error");
  const text = await page.textContent("[data-testid=update-dialog]");
  assert.ok(text.includes("署名を確認できなかった"), text);
  await page.close();
});
