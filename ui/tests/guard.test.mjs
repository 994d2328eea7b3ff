// A profile marked production, with mocked IPC: its colour beside its name and along the window, a badge, and
// uploads and deletes that ask first, naming the profile and the bucket. The fake backend refuses changes
// through it that do not name it as confirmed, as the real one does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessState, harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();

for (const lang of ["en", "ja"]) {
  test(`a guarded profile asks before an upload and a delete, naming itself and the bucket (${lang})`, async () => {
    const { page, errors } = await h.open(`lang=${lang}&guard=1`);
    assert.equal(await page.getAttribute(".app", "data-profile-color"), "red");
    assert.equal(await page.getAttribute('[data-profile="work"]', "data-color"), "red");
    await page.waitForSelector('[data-profile="work"] [data-testid=guard-badge]');
    await page.click('.row.folder[data-prefix="images/"]');
    await page.waitForSelector('.row.object[data-key="images/photo.jpg"]');

    // Upload: cancelled first (nothing queued), then confirmed.
    await page.evaluate(() => window.__drop(["/home/hanako/new.png"]));
    const body = await page.waitForSelector("[data-testid=guard-body]");
    const text = await body.textContent();
    for (const w of ["work", "team-docs", "1"]) assert.ok(text.includes(w), `${w} in ${text}`);
    await page.keyboard.press("Escape");
    await page.waitForSelector("[data-testid=guard-body]", { state: "detached" });
    assert.ok(!(await harnessState(page)).calls.includes("start_upload"));
    await page.evaluate(() => window.__drop(["/home/hanako/new.png"]));
    await page.click("[data-testid=confirm-guard]");
    await page.waitForSelector('.upload-row[data-upload-key="images/new.png"][data-state="done"]', { timeout: 5000 });

    // Delete: the dialog says which profile and bucket.
    await page.click('.row.object[data-key="images/photo.jpg"]');
    await page.click("button.danger");
    const note = await page.textContent("[data-testid=guard-delete]");
    assert.ok(note.includes("work") && note.includes("team-docs"), note);
    await page.click("[data-testid=confirm-delete]");
    await page.waitForFunction(() => !document.querySelector('.row.object[data-key="images/photo.jpg"]'));
    assert.deepEqual((await harnessState(page)).deleted, ["images/photo.jpg"]);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("without the guard nothing extra is asked", async () => {
  const { page, errors } = await h.open("lang=en");
  assert.equal(await page.getAttribute(".app", "data-profile-color"), null);
  await page.click('.row.folder[data-prefix="images/"]');
  await page.waitForSelector('.row.object[data-key="images/photo.jpg"]');
  await page.evaluate(() => window.__drop(["/home/hanako/instant.png"]));
  await page.waitForSelector('.upload-row[data-upload-key="images/instant.png"][data-state="done"]', { timeout: 5000 });
  assert.equal(await page.$("[data-testid=guard-body]"), null);
  assert.equal(await page.$("[data-testid=guard-badge]"), null);
  assert.deepEqual(errors, []);
  await page.close();
});
