// Adding a profile without a terminal, with mocked IPC: the two choices, field checks before anything is
// sent, an existing name refused with the backend's message, and the new profile selected after saving.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startHarness, harnessState } from "./harness-server.mjs";

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

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

test("an SSO profile is added from the sidebar; an existing name is refused with the backend's message", async () => {
  const { page, errors } = await h.open("lang=en");
  await page.click("[data-testid=add-profile]");
  await page.click("[data-testid=add-kind-sso]");
  const fill = async (values) => {
    for (const [k, v] of Object.entries(values)) await page.fill(`[data-testid=add-${k}]`, v);
  };
  await fill({
    name: "work",
    startUrl: "https://my-company.awsapps.com/start",
    ssoRegion: "ap-northeast-1",
    accountId: "111122223333",
    roleName: "ReadOnly",
    region: "ap-northeast-1",
  });
  await page.click("[data-testid=add-profile-save]");
  const refused = await page.waitForSelector("[data-testid=add-profile-error]");
  assert.equal(await refused.textContent(), "AlreadyExists");
  await fill({ name: "company" });
  await page.click("[data-testid=add-profile-save]");
  await page.waitForSelector("[data-testid=add-profile-form]", { state: "detached" });
  await page.waitForSelector('[data-profile="company"]');
  const s = await harnessState(page);
  assert.equal(s.added.length, 1);
  assert.equal(s.added[0].kind, "sso");
  assert.equal(s.selected.at(-1), "company");
  assert.deepEqual(errors, []);
  await page.close();
});
