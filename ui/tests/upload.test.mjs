// Uploads in Chromium with mocked IPC: drop, refusal, conflict answers, progress to done, refresh.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessState, harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();

for (const lang of ["en", "ja"]) {
  test(`dropped files: refusal listed, existing name asks, new ones finish and show up (${lang})`, async () => {
    const { page, errors } = await h.open(`lang=${lang}`);
    await page.click('.row.folder[data-prefix="images/"]');
    await page.waitForSelector('.row.object[data-key="images/photo.jpg"]');
    await page.evaluate(() => window.__drop(["/home/hanako/photo.jpg", "/home/hanako/new.png", "/home/hanako/run.sh"]));
    await page.waitForSelector("[data-testid=conflict-key]");
    assert.equal(await page.textContent("[data-testid=conflict-key]"), "images/photo.jpg");
    await page.click("[data-testid=conflict-keep]");
    await page.waitForSelector('.upload-row[data-upload-key="images/photo (1).jpg"][data-state="done"]');
    await page.waitForSelector('.upload-row[data-upload-key="images/new.png"][data-state="done"]');
    const refused = await page.textContent('.upload-row[data-upload-key="images/run.sh"]');
    assert.ok(refused.includes("text/x-shellscript") && refused.includes("image/png"), refused);
    await page.waitForSelector('.row.object.highlight[data-key^="images/"]');
    await page.waitForSelector('.row.object[data-key="images/new.png"]');
    const calls = (await harnessState(page)).calls;
    assert.ok(calls.includes("check_existing") && calls.includes("start_upload"));
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("a dropped folder asks first, with the count and size", async () => {
  const { page } = await h.open();
  await page.click('.row.folder[data-prefix="images/"]');
  await page.waitForSelector('.row.object[data-key="images/photo.jpg"]');
  await page.evaluate(() => window.__drop(["/home/hanako/album/"]));
  const text = await (await page.waitForSelector(".dialog")).textContent();
  assert.match(text, /2 files \(5\.7 MB\)/);
  assert.match(text, /1 hidden file/);
  await page.click("[data-testid=confirm-folder]");
  await page.waitForSelector('.upload-row[data-upload-key="images/album/a.png"][data-state="done"]');
  await page.close();
});

test("the Upload… button uses the file picker", async () => {
  const { page } = await h.open();
  await page.click('.row.folder[data-prefix="images/"]');
  await page.click("[data-testid=upload-button]");
  await page.waitForSelector('.upload-row[data-upload-key="images/写真.png"][data-state="done"]');
  await page.close();
});

test("an upload that finishes before start_upload returns still shows as done", async () => {
  const { page, errors } = await h.open();
  await page.click('.row.folder[data-prefix="images/"]');
  await page.waitForSelector('.row.object[data-key="images/photo.jpg"]');
  await page.evaluate(() => window.__drop(["/home/hanako/instant.png"]));
  await page.waitForSelector('.upload-row[data-upload-key="images/instant.png"][data-state="done"]', { timeout: 5000 });
  assert.deepEqual(errors, []);
  await page.close();
});

for (const lang of ["en", "ja"]) {
  test(`unfinished uploads from a previous run: Resume finishes one, Discard forgets the other (${lang})`, async () => {
    const { page, errors } = await h.open(`lang=${lang}&pending=1`);
    const list = await page.waitForSelector("[data-testid=pending-uploads]");
    const text = await list.textContent();
    const [title, progress] =
      lang === "en" ? ["Unfinished uploads", "24 MB of 48 MB"] : ["未完了のアップロード", "48 MB のうち 24 MB"];
    assert.ok(text.includes(title) && text.includes(progress), text);
    await page.click('[data-pending-key="images/panorama.png"] [data-testid=resume]');
    await page.waitForSelector('.upload-row[data-upload-key="images/panorama.png"][data-state="done"]');
    await page.click('[data-pending-key="images/scan.png"] [data-testid=discard]');
    await page.waitForSelector("[data-testid=pending-uploads]", { state: "detached" });
    assert.deepEqual((await harnessState(page)).discarded, ["up-2"]);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

for (const lang of ["en", "ja"]) {
  test(`a row paused by an expired sign-in says what to do and can be cancelled (${lang})`, async () => {
    const { page, errors } = await h.open(`lang=${lang}`);
    await page.click('.row.folder[data-prefix="images/"]');
    await page.waitForSelector('.row.object[data-key="images/photo.jpg"]');
    await page.evaluate(() => window.__drop(["/home/hanako/expired.png"]));
    const row = await page.waitForSelector('.upload-row[data-upload-key="images/expired.png"][data-state="paused"]');
    const text = await row.textContent();
    const words =
      lang === "en"
        ? ["Paused", "1.4 MB of 2.9 MB", "continues by itself"]
        : ["一時停止中", "2.9 MB のうち 1.4 MB", "自動で再開"];
    for (const w of words) assert.ok(text.includes(w), `${w} in ${text}`);
    assert.equal(await row.$eval("progress", (p) => p.value), 50, "the bar stays where the upload stopped");
    const asked = (await harnessState(page)).calls.filter((c) => c === "pending_uploads").length;
    await row.$eval("button", (b) => b.click());
    await page.waitForFunction((n) => window.__harness.calls.filter((c) => c === "pending_uploads").length > n, asked);
    const { cancelled } = await harnessState(page);
    assert.equal(cancelled.length, 1);
    assert.match(cancelled[0], /^row-/, "the window's own row id");
    assert.deepEqual(errors, []);
    await page.close();
  });
}

for (const lang of ["en", "ja"]) {
  test(`uploads that may outlast the sign-in are announced before they start (${lang})`, async () => {
    // Three files of 3,000,000 bytes take about 5 s at 2 MiB/s; the sign-in has 4 s left.
    const { page, errors } = await h.open(`lang=${lang}&signInLeft=4`);
    await page.click('.row.folder[data-prefix="images/"]');
    await page.waitForSelector('.row.object[data-key="images/photo.jpg"]');
    await page.evaluate(() => window.__drop(["/home/hanako/a.png", "/home/hanako/b.png", "/home/hanako/c.png"]));
    const body = await (await page.waitForSelector("[data-testid=lifetime-body]")).textContent();
    const words = lang === "en" ? ["8.6 MB", "about 1 min", "ends in 1 min"] : ["8.6 MB", "約 1 分", "あと 1 分"];
    for (const w of words) assert.ok(body.includes(w), `${w} in ${body}`);
    const calls = () => harnessState(page).then((s) => s.calls);
    assert.ok(!(await calls()).includes("start_upload"), "nothing starts before the answer");
    await page.click("[data-testid=confirm-lifetime]");
    await page.waitForSelector('.upload-row[data-upload-key="images/c.png"][data-state="done"]');
    // Cancel: nothing is queued.
    await page.evaluate(() => window.__drop(["/home/hanako/d.png", "/home/hanako/e.png", "/home/hanako/f.png"]));
    await page.waitForSelector("[data-testid=lifetime-body]");
    const started = (await calls()).filter((c) => c === "start_upload").length;
    await page.keyboard.press("Escape");
    await page.waitForSelector("[data-testid=lifetime-body]", { state: "detached" });
    assert.equal((await calls()).filter((c) => c === "start_upload").length, started);
    assert.equal(await page.$('.upload-row[data-upload-key="images/d.png"]'), null);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
