// Typing into a dialog key by key (as a person and WebDriver do, unlike `fill`): every re-render of the
// dialog must leave the focus where it is. Before the fix, focus jumped back to the first button after
// each key, so only the first character of each field arrived.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();

test("every character typed into the add-profile dialog arrives", async () => {
  const { page, errors } = await h.open("lang=en");
  await page.click("[data-testid=add-profile]");
  await page.click("[data-testid=add-kind-accessKey]");
  await page.click("[data-testid=add-name]");
  await page.keyboard.type("photos-team");
  await page.keyboard.press("Tab");
  await page.keyboard.type("AKIAIOSFODNN7EXAMPLE");
  assert.equal(await page.inputValue("[data-testid=add-name]"), "photos-team");
  assert.equal(await page.inputValue("[data-testid=add-accessKeyId]"), "AKIAIOSFODNN7EXAMPLE");
  assert.deepEqual(errors, []);
  await page.close();
});
