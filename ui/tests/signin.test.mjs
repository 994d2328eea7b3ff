// SSO sign-in inside the app, with mocked IPC: the code to confirm is shown, the profile is selected again once
// the sign-in is saved, and Cancel stops it without an error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessState, harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();

for (const lang of ["en", "ja"]) {
  test(`an SSO profile that is signed out signs in inside the app, showing the code (${lang})`, async () => {
    const { page, errors } = await h.open(`lang=${lang}&ssoSignedOut=1`);
    await page.click('[data-profile="work"]');
    const help = await page.waitForSelector("[data-testid=sign-in]");
    await (await help.$("button")).click();
    const box = await page.waitForSelector("[data-testid=sign-in-code]");
    const text = await box.textContent();
    const words =
      lang === "en" ? ["WXYZ-1234", "Check that it shows this code"] : ["WXYZ-1234", "このコードが表示されている"];
    for (const w of words) assert.ok(text.includes(w), `${w} in ${text}`);
    // Confirmed in the "browser": the profile is selected again and works.
    await page.waitForSelector("[data-testid=sign-in]", { state: "detached" });
    const { selected, calls } = await harnessState(page);
    assert.deepEqual(selected.slice(-2), ["work", "work"]);
    assert.ok(calls.includes("sso_login"));
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("cancelling a sign-in goes back to the button without an error", async () => {
  const { page, errors } = await h.open("ssoSignedOut=1");
  await page.click('[data-profile="work"]');
  await (await (await page.waitForSelector("[data-testid=sign-in]")).$("button")).click();
  await page.click("[data-testid=sign-in-cancel]");
  await page.waitForSelector("[data-testid=sign-in-code]", { state: "detached" });
  const help = await page.waitForSelector("[data-testid=sign-in]");
  assert.equal(await help.$(".field-error"), null);
  assert.ok((await harnessState(page)).calls.includes("cancel_sso_login"));
  assert.deepEqual(errors, []);
  await page.close();
});
