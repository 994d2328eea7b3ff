// Adding a profile without a terminal, with mocked IPC: the two choices, field checks before anything is
// sent, an existing name refused with the backend's message, and the new profile selected after saving.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessState, harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();

for (const lang of ["en", "ja"]) {
  test(`an access-key profile is added from the first-run screen and selected (${lang})`, async () => {
    const { page, errors } = await h.open(`lang=${lang}&noProfiles=1`, "[data-testid=first-run]");
    await page.click("[data-testid=first-run-add]");
    const choice = await page.waitForSelector("[data-testid=add-profile-choice]");
    const text = await choice.textContent();
    assert.ok(text.includes(lang === "en" ? "AWS sign-in (SSO)" : "AWS サインイン（SSO）"), text);
    await page.click("[data-testid=add-kind-accessKey]");
    await page.fill("[data-testid=add-name]", "photos");
    await page.fill("[data-testid=add-accessKeyId]", "akia-lower");
    await page.fill("[data-testid=add-secretAccessKey]", "short");
    await page.fill("[data-testid=add-region]", "Tokyo");
    await page.click("[data-testid=add-profile-save]");
    // Three problems shown next to their fields; nothing was sent.
    for (const id of ["add-accessKeyId", "add-secretAccessKey", "add-region"])
      await page.waitForSelector(`[data-testid=error-${id}]`);
    assert.deepEqual((await harnessState(page)).added, []);
    await page.fill("[data-testid=add-accessKeyId]", "AKIAIOSFODNN7EXAMPLE");
    await page.fill("[data-testid=add-secretAccessKey]", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    await page.fill("[data-testid=add-region]", "ap-northeast-1");
    await page.click("[data-testid=add-profile-save]");
    await page.waitForSelector("[data-testid=add-profile-form]", { state: "detached" });
    await page.waitForSelector('[data-profile="photos"]');
    const s = await harnessState(page);
    assert.deepEqual(s.added, [
      {
        kind: "accessKey",
        name: "photos",
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: "40 chars",
        region: "ap-northeast-1",
      },
    ]);
    assert.equal(s.selected.at(-1), "photos");
    assert.deepEqual(errors, []);
    await page.close();
  });
}

for (const lang of ["en", "ja"]) {
  test(`an SSO profile: sign in, pick the account and role from the list, save (${lang})`, async () => {
    const { page, errors } = await h.open(`lang=${lang}`);
    await page.click("[data-testid=add-profile]");
    await page.click("[data-testid=add-kind-sso]");
    const fill = async (values) => {
      for (const [k, v] of Object.entries(values)) await page.fill(`[data-testid=add-${k}]`, v);
    };
    await fill({
      name: "work",
      startUrl: "https://my-company.awsapps.com/start",
      ssoRegion: "ap-northeast-1",
      region: "ap-northeast-1",
    });
    // A name in use is refused by the backend before any sign-in.
    await page.click("[data-testid=add-profile-save]");
    const refused = await page.waitForSelector("[data-testid=add-profile-error]");
    assert.equal(await refused.textContent(), "AlreadyExists");
    await fill({ name: "company" });
    await page.click("[data-testid=add-profile-save]");
    const box = await page.waitForSelector("[data-testid=sign-in-code]");
    assert.ok((await box.textContent()).includes("QRST-5678"));
    const select = await page.waitForSelector("[data-testid=add-role]");
    const options = await select.$$eval("option", (os) => os.map((o) => o.textContent));
    assert.deepEqual(options, ["Development (444455556666) · Admin", "Production (111122223333) · ReadOnly"]);
    assert.ok(await page.isDisabled("[data-testid=add-startUrl]"), "the signed-in start URL stays as it was");
    await page.selectOption("[data-testid=add-role]", "1");
    await page.click("[data-testid=add-profile-save]");
    await page.waitForSelector("[data-testid=add-profile-form]", { state: "detached" });
    await page.waitForSelector('[data-profile="company"]');
    const s = await harnessState(page);
    assert.deepEqual(s.added, [
      {
        kind: "sso",
        name: "company",
        startUrl: "https://my-company.awsapps.com/start",
        ssoRegion: "ap-northeast-1",
        accountId: "111122223333",
        roleName: "ReadOnly",
        region: "ap-northeast-1",
      },
    ]);
    assert.equal(s.selected.at(-1), "company");
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("closing the dialog while the sign-in waits cancels the sign-in", async () => {
  const { page, errors } = await h.open("lang=en");
  await page.click("[data-testid=add-profile]");
  await page.click("[data-testid=add-kind-sso]");
  for (const [k, v] of Object.entries({
    name: "later",
    startUrl: "https://my-company.awsapps.com/start",
    ssoRegion: "ap-northeast-1",
    region: "ap-northeast-1",
  }))
    await page.fill(`[data-testid=add-${k}]`, v);
  await page.click("[data-testid=add-profile-save]");
  await page.waitForSelector("[data-testid=sign-in-code]");
  await page.keyboard.press("Escape");
  await page.waitForSelector("[data-testid=add-profile-form]", { state: "detached" });
  const s = await harnessState(page);
  assert.ok(s.calls.includes("cancel_sso_login"));
  assert.deepEqual(s.added, []);
  assert.deepEqual(errors, []);
  await page.close();
});
