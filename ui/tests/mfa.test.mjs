// MFA codes for role profiles, with mocked IPC: the backend's question opens a dialog naming the profile and
// device; only six digits can be sent; a wrong code shows MfaRejected and the next try asks again; Cancel
// sends no code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessState, harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();

for (const lang of ["en", "ja"]) {
  test(`a role profile with an MFA device asks for the code in a dialog (${lang})`, async () => {
    const { page, errors } = await h.open(`lang=${lang}&mfa=1`);
    await page.click('[data-profile="admin"]');
    const dialog = await page.waitForSelector("[data-testid=mfa-dialog]");
    const text = await dialog.textContent();
    for (const w of ["admin", "arn:aws:iam::111122223333:role/Admin", "arn:aws:iam::111122223333:mfa/hanako"])
      assert.ok(text.includes(w), `${w} in ${text}`);
    assert.ok(text.includes(lang === "en" ? "one-time code" : "ワンタイムコード"), text);
    // Letters are dropped; five digits cannot be sent.
    await page.fill("[data-testid=mfa-code]", "12a345");
    assert.equal(await page.inputValue("[data-testid=mfa-code]"), "12345");
    assert.ok(await page.isDisabled("[data-testid=mfa-submit]"));
    await page.fill("[data-testid=mfa-code]", "654321");
    await page.click("[data-testid=mfa-submit]");
    await page.waitForSelector("[data-testid=mfa-dialog]", { state: "detached" });
    const box = await page.waitForSelector(".error-box");
    assert.ok((await box.textContent()).includes(lang === "en" ? "did not accept the MFA code" : "受け付けられません"));
    // The next try asks again; the right code selects the profile.
    await page.click('[data-profile="admin"]');
    await page.fill("[data-testid=mfa-code]", "123456");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-testid=mfa-dialog]", { state: "detached" });
    await page.waitForSelector(".error-box", { state: "detached" });
    const { mfaCodes } = await harnessState(page);
    assert.deepEqual(mfaCodes, ["654321", "123456"]);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("Escape cancels the MFA question without sending a code", async () => {
  const { page, errors } = await h.open("mfa=1");
  await page.click('[data-profile="admin"]');
  await page.waitForSelector("[data-testid=mfa-dialog]");
  await page.keyboard.press("Escape");
  await page.waitForSelector("[data-testid=mfa-dialog]", { state: "detached" });
  assert.deepEqual((await harnessState(page)).mfaCodes, [null]);
  assert.equal(await page.$(".error-box"), null, "a cancel is not an error");
  assert.deepEqual(errors, []);
  await page.close();
});
