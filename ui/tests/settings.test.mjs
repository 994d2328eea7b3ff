// Settings, profile switching and first run in Chromium with mocked IPC.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessState, harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();

test("invalid values are refused next to the field and nothing is saved", async () => {
  const { page, errors } = await h.open();
  await page.click("[data-testid=open-settings]");
  await page.fill("[data-testid=override-endpoint]", "ftp://minio.local");
  await page.fill("[data-testid=override-region]", "eu west");
  await page.fill('[data-testid="expiry.shareSecs"]', "8");
  await page.selectOption('[data-field="expiry.shareSecs"] select', "86400");
  await page.waitForSelector('[data-testid="error-profiles.work.endpointUrl"]');
  assert.match(await page.textContent('[data-testid="error-profiles.work.region"]'), /not a region name/);
  assert.match(await page.textContent('[data-testid="error-expiry.shareSecs"]'), /7 days/);
  assert.equal(await page.isDisabled("[data-testid=save-settings]"), true);
  assert.deepEqual((await harnessState(page)).saved, []);
  await page.fill("[data-testid=override-endpoint]", "https://minio.local:9000");
  await page.fill("[data-testid=override-region]", "");
  await page.fill('[data-testid="expiry.shareSecs"]', "2");
  await page.waitForFunction(() => !document.querySelector("[data-testid=invalid-count]"));
  await page.click("[data-testid=save-settings]");
  const saved = (await harnessState(page)).saved.at(-1);
  assert.equal(saved.profiles.work.endpointUrl, "https://minio.local:9000");
  assert.equal(saved.expiry.shareSecs, 2 * 86400);
  assert.deepEqual(errors, []);
  await page.close();
});

test("language switches at once and theme applies", async () => {
  const { page } = await h.open("lang=en");
  assert.equal(await page.textContent("#profiles-title"), "Profiles");
  await page.click("[data-testid=open-settings]");
  await page.selectOption("[data-testid=language]", "ja");
  await page.selectOption("[data-testid=theme]", "dark");
  await page.click("[data-testid=save-settings]");
  await page.waitForFunction(() => document.documentElement.lang === "ja");
  assert.equal(await page.textContent("#settings-title"), "設定");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  await page.keyboard.press("Escape");
  assert.equal(await page.textContent("#profiles-title"), "プロファイル");
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, "rgb(20, 26, 33)");
  await page.close();
});

test("test connection reports success or the error with its next step", async () => {
  const { page } = await h.open();
  await page.click("[data-testid=open-settings]");
  await page.click("[data-testid=test-connection]");
  assert.match(await (await page.waitForSelector("[data-testid=test-ok]")).textContent(), /3 bucket/);
  await page.fill("[data-testid=override-endpoint]", "http://dead.local:9000");
  await page.click("[data-testid=test-connection]");
  const err = await page.waitForSelector('.settings .error-box[data-kind="Network"]');
  assert.match(await err.textContent(), /Check the connection/);
  await page.close();
});

test("switching profile reloads the bucket list", async () => {
  const { page } = await h.open();
  await page.waitForSelector('[data-bucket="team-docs"]');
  await page.click('[data-profile="personal"]');
  await page.waitForSelector('[data-bucket="personal-photos"]');
  assert.equal(await page.getAttribute('[data-profile="personal"]', "class"), "profile active");
  await page.close();
});

test("no profiles: a first-run screen with the demo and the steps", async () => {
  const { page } = await h.open("noProfiles=1", "[data-testid=first-run]");
  assert.match(await page.textContent("[data-testid=first-run]"), /aws configure --profile/);
  await page.click("[data-testid=try-demo]");
  await page.waitForSelector('[data-profile="Demo (local)"]');
  await page.close();
});

test("a recovered settings file is reported once with the backup path", async () => {
  const { page } = await h.open("recovered=1");
  assert.match(await page.textContent(".notice"), /settings\.json\.broken-1\.bak/);
  await page.close();
});

test("a profile's colour and production guard are set in Settings and shown at once", async () => {
  const { page, errors } = await h.open("lang=en");
  await page.click("[data-testid=open-settings]");
  await page.selectOption("[data-testid=profile-color]", "red");
  await page.check("[data-testid=confirm-changes]");
  await page.click("[data-testid=save-settings]");
  const saved = (await harnessState(page)).saved.at(-1);
  assert.equal(saved.profiles.work.color, "red");
  assert.equal(saved.profiles.work.confirmChanges, true);
  await page.click(".settings-head button");
  await page.waitForSelector('.app[data-profile-color="red"]');
  await page.waitForSelector('[data-profile="work"][data-color="red"] .color-dot');
  await page.waitForSelector('[data-profile="work"] [data-testid=guard-badge]');
  assert.deepEqual(errors, []);
  await page.close();
});

test("a slow failure of the previous profile's bucket list does not replace the current one's", async () => {
  const { page, errors } = await h.open("lang=en&slowFailure=1");
  await page.click('[data-profile="personal"]');
  await page.waitForSelector('.profile.active[data-profile="personal"]');
  await page.click('[data-profile="work"]');
  await page.waitForSelector('.profile.active[data-profile="work"]');
  await page.waitForSelector('[data-bucket="team-docs"]');
  await page.waitForTimeout(900); // the personal listing fails meanwhile
  assert.equal(await page.$(".buckets .error-box"), null);
  assert.ok(await page.$('[data-bucket="team-docs"]'));
  assert.deepEqual(errors, []);
  await page.close();
});

test("\"System\" follows the operating system's language from the backend, not the webview's", async () => {
  const { page, errors } = await h.open("lang=system&systemLocale=ja-JP");
  assert.equal(await page.evaluate(() => navigator.language), "en-US");
  assert.equal(await page.textContent("#profiles-title"), "プロファイル");
  await page.close();
  const en = await h.open("lang=system&systemLocale=en-GB");
  assert.equal(await en.page.textContent("#profiles-title"), "Profiles");
  assert.deepEqual([...errors, ...en.errors], []);
  await en.page.close();
});

test("the menu's shortcuts reach the window: location, filter, upload", async () => {
  const { page, errors } = await h.open("lang=en");
  await page.evaluate(() => window.__menu({ action: "focusLocation" }));
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "path");
  await page.evaluate(() => window.__menu({ action: "focusFilter" }));
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "filter");
  await page.evaluate(() => window.__menu({ action: "upload" }));
  await page.waitForFunction(() => window.__harness.calls.includes("pick_files"));
  assert.deepEqual(errors, []);
  await page.close();
});
