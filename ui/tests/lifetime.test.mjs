// The active profile's credential lifetime, with mocked IPC and a fake clock: the expiry is shown, turns into
// a warning under ten minutes, follows the backend's renewal, and a failed renewal offers Sign in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();

for (const lang of ["en", "ja"]) {
  test(`credentials ending soon are a warning, and the backend's renewal clears it (${lang})`, async () => {
    const { page, errors } = await h.open(`lang=${lang}&expiresMin=5&renew=1`, undefined, { clock: true });
    const note = await page.waitForSelector("[data-testid=lifetime]");
    assert.ok((await note.getAttribute("class")).includes("soon"));
    const text = await note.textContent();
    assert.ok(text.includes(lang === "en" ? "4 min left" : "残り 4 分"), text);
    assert.ok(text.includes(lang === "en" ? "Sign in again" : "サインインし直す"), text);
    // A minute later the window asks the backend, which renewed them for an hour.
    await page.clock.fastForward(61_000);
    await page.waitForSelector("[data-testid=lifetime]:not(.soon)");
    const renewed = await page.textContent("[data-testid=lifetime]");
    assert.ok(renewed.includes(lang === "en" ? "59 min left" : "残り 59 分") || renewed.includes("60"), renewed);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("a renewal that fails shows the sign-in before any action fails", async () => {
  const { page, errors } = await h.open("lang=en&expiresMin=3&renewFails=1", undefined, { clock: true });
  await page.waitForSelector("[data-testid=lifetime]");
  await page.clock.fastForward(61_000);
  await page.waitForSelector("[data-testid=sign-in]");
  await page.waitForSelector("[data-testid=lifetime]", { state: "detached" });
  assert.deepEqual(errors, []);
  await page.close();
});
