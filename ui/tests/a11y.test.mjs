// Accessibility of every screen, in both languages: axe-core (the WCAG 2 A/AA rules and best practices) in
// Chromium with mocked IPC, with no serious or critical violation allowed. Also the modal dialogs' focus
// behaviour, which axe cannot see: focus is trapped inside and returns to the opener.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe on the page as it is; returns the serious and critical violations, one line each. */
async function violations(page) {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not apply.
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).join(" | ")}`);
}

// Each screen: how to reach it from a fresh harness page, and what shows it is there.
const SCREENS = [
  { name: "browser with a folder", query: "" },
  {
    name: "image preview",
    query: "",
    go: async (page) => {
      await page.click('.row.folder[data-prefix="images/"]');
      await page.click('.row.object[data-key="images/photo.jpg"]');
      await page.waitForSelector("img.image-view");
    },
  },
  {
    name: "gallery",
    query: "",
    go: async (page) => {
      await page.click('.row.folder[data-prefix="images/"]');
      await page.click("[data-testid=view-gallery]");
      await page.waitForSelector("[data-testid=gallery] .tile");
    },
  },
  {
    name: "full-window viewer",
    query: "",
    go: async (page) => {
      await page.click('.row.folder[data-prefix="images/"]');
      await page.click('.row.object[data-key="images/photo.jpg"]');
      await page.click("[data-testid=open-full]");
      await page.waitForSelector("[data-testid=full-view] img.image-view");
    },
  },
  {
    name: "Markdown and table previews",
    query: "",
    go: async (page) => {
      await page.click('.row.folder[data-prefix="notes/"]');
      await page.click('.row.object[data-key="notes/readme.md"]');
      await page.waitForSelector("[data-testid=markdown-view] h1");
      await page.click('.row.object[data-key="notes/sales.csv"]');
      await page.waitForSelector("[data-testid=table-view]");
    },
  },
  {
    name: "delete confirmation",
    query: "",
    go: async (page) => {
      await page.click('.row.folder[data-prefix="images/"]');
      await page.click('.row.object[data-key="images/photo.jpg"]');
      await page.click("[data-testid=delete]");
      await page.waitForSelector("dialog.dialog[open]");
    },
  },
  {
    name: "settings",
    query: "",
    go: async (page) => {
      await page.click("[data-testid=open-settings]");
      await page.waitForSelector("dialog.settings[open]");
    },
  },
  { name: "first run", query: "noProfiles=1", ready: ".first-run" },
  {
    name: "add profile",
    query: "noProfiles=1",
    ready: ".first-run",
    go: async (page) => {
      await page.click("[data-testid=first-run-add]");
      await page.waitForSelector("dialog.dialog[open]");
    },
  },
  {
    name: "MFA question",
    query: "mfa=1",
    go: async (page) => {
      await page.click('[data-profile="admin"]');
      await page.waitForSelector("[data-testid=mfa-dialog]");
    },
  },
  {
    name: "SSO sign-in needed",
    query: "ssoSignedOut=1",
    go: async (page) => {
      await page.click('[data-profile="work"]');
      await page.waitForSelector("[data-testid=sign-in]");
    },
  },
  {
    name: "update offer",
    query: "update=1",
    go: async (page) => {
      await page.evaluate(() => window.__menu({ action: "checkUpdates" }));
      await page.waitForSelector('[data-testid=update-dialog][data-step="offer"]');
    },
  },
  {
    name: "upload conflict",
    query: "",
    go: async (page) => {
      await page.click('.row.folder[data-prefix="images/"]');
      await page.waitForSelector('.row.object[data-key="images/photo.jpg"]');
      await page.evaluate(() => window.__drop(["/home/hanako/photo.jpg", "/home/hanako/run.sh"]));
      await page.waitForSelector("[data-testid=conflict-key]");
    },
  },
];

const VARIANTS = [
  { lang: "en", colorScheme: "light" },
  { lang: "ja", colorScheme: "light" },
  { lang: "en", colorScheme: "dark" },
];
for (const { lang, colorScheme } of VARIANTS) {
  for (const screen of SCREENS) {
    test(`axe: no serious or critical violation on ${screen.name} (${lang}, ${colorScheme})`, async () => {
      const query = [`lang=${lang}`, screen.query].filter(Boolean).join("&");
      const { page, errors } = await h.open(query, screen.ready, { colorScheme });
      await screen.go?.(page);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}

test("a dialog keeps Tab inside, Esc closes it and focus returns to the opener", async () => {
  const { page } = await h.open();
  await page.click('.row.folder[data-prefix="images/"]');
  await page.click('.row.object[data-key="images/photo.jpg"]');
  await page.focus("[data-testid=delete]");
  await page.keyboard.press("Enter");
  await page.waitForSelector("dialog.dialog[open]");
  assert.ok(await page.evaluate(() => document.querySelector("dialog.dialog").matches(":modal")));
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => {
      const a = document.activeElement;
      return a === document.body || Boolean(a?.closest("dialog[open]"));
    });
    assert.ok(inside, `Tab ${i + 1} left the dialog`);
  }
  // The rest of the window cannot be clicked while the dialog is open.
  const blocked = await page.evaluate(() => {
    const el = document.querySelector("[data-testid=open-settings]");
    const r = el.getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) !== el;
  });
  assert.ok(blocked, "the settings button under the modal is reachable");
  await page.keyboard.press("Escape");
  await page.waitForSelector("dialog.dialog", { state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "delete");
  await page.close();
});

test("settings: Tab stays inside, Esc closes, focus returns to the gear button", async () => {
  const { page } = await h.open();
  await page.focus("[data-testid=open-settings]");
  await page.keyboard.press("Enter");
  await page.waitForSelector("dialog.settings[open]");
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => {
      const a = document.activeElement;
      return a === document.body || Boolean(a?.closest("dialog.settings"));
    });
    assert.ok(inside, `Tab ${i + 1} left settings`);
  }
  await page.keyboard.press("Escape");
  await page.waitForSelector("dialog.settings", { state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "open-settings");
  await page.close();
});

test("the grid names the cursor's row in aria-activedescendant as the cursor moves", async () => {
  const { page } = await h.open();
  await page.focus("[role=grid]");
  const active = () =>
    page.evaluate(() => {
      const g = document.querySelector("[role=grid]");
      const row = document.getElementById(g.getAttribute("aria-activedescendant") ?? "");
      return row?.getAttribute("aria-rowindex");
    });
  assert.equal(await active(), "2");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await active(), "4");
  await page.keyboard.press("End");
  const last = await page.evaluate(() => document.querySelector("[role=grid]").getAttribute("aria-rowcount"));
  assert.equal(await active(), last);
  await page.close();
});

test("a folder opened from the keyboard starts with the cursor on its first row", async () => {
  const { page } = await h.open();
  await page.focus("[role=grid]");
  const rowIndex = () =>
    page.evaluate(() => {
      const g = document.querySelector("[role=grid]");
      return document.getElementById(g.getAttribute("aria-activedescendant") ?? "")?.getAttribute("aria-rowindex");
    });
  const folders = await page.$$eval(".row.folder", (rows) => rows.map((r) => r.dataset.prefix));
  for (let i = 0; i < folders.length - 1; i++) await page.keyboard.press("ArrowDown");
  assert.equal(await rowIndex(), String(folders.length + 1));
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    (p) => [...document.querySelectorAll(".crumb")].some((c) => c.dataset.prefix === p),
    folders.at(-1),
  );
  await page.waitForSelector(".row.object, .row.folder");
  assert.equal(await rowIndex(), "2");
  await page.close();
});
