// Real-window flows without a mouse: a person who works by keyboard alone opens a bucket, a folder and a PDF,
// copies a share link (read back from the X clipboard and fetched) and opens and leaves the settings. Keys
// go through WebDriver's action API to whatever has focus, as a keyboard's would: nothing is clicked. Then
// the window's size and position survive a restart.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { openProfile, pdfPaints, q, sleep } from "./flows.mjs";

export const keyboardTests = [];
const test = (name, fn) => keyboardTests.push({ name, fn });

export const KEY = {
  Tab: "\uE004",
  Enter: "\uE007",
  Escape: "\uE00C",
  ArrowDown: "\uE015",
  ArrowLeft: "\uE012",
  ArrowRight: "\uE014",
  Space: "\uE00D",
  Control: "\uE009",
  Shift: "\uE008",
};

/** Presses a key, or a chord such as ["Control", ","], on whatever has focus. */
export async function press(s, ...chord) {
  const values = chord.map((k) => KEY[k] ?? k);
  const actions = [
    ...values.map((value) => ({ type: "keyDown", value })),
    ...values.toReversed().map((value) => ({ type: "keyUp", value })),
  ];
  await s.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  await s.cmd("DELETE", "/actions");
}

const focused = (s, css) => s.exec(`return document.activeElement?.matches(${JSON.stringify(css)}) ?? false`);

/** Presses Tab until the focused element matches `css`; fails if it takes more than `max` presses. */
async function tabTo(s, css, max = 60) {
  const trail = [];
  for (let i = 0; i <= max; i++) {
    if (await focused(s, css)) return i;
    trail.push(await s.exec("const a = document.activeElement; return a ? a.tagName + (a.dataset.testid ?? '') : '-'"));
    await press(s, "Tab");
  }
  throw new Error(`${max} presses of Tab did not reach ${css}; focus went ${[...new Set(trail)].join(" → ")}`);
}

/** Presses ↓ until the grid's cursor row matches `css` (aria-activedescendant names it). */
async function arrowTo(s, css, max = 40) {
  const at = () =>
    s.exec(
      "const g = document.querySelector('[role=grid]'); " +
        "const row = document.getElementById(g?.getAttribute('aria-activedescendant') ?? ''); " +
        `return row?.matches(${JSON.stringify(css)}) ?? false`,
    );
  for (let i = 0; i <= max; i++) {
    if (await at()) return;
    await press(s, "ArrowDown");
  }
  throw new Error(`${max} presses of ↓ did not reach ${css}`);
}

test("keyboard alone: bucket, folder, PDF preview, share link, settings", async (s, ctx) => {
  await openProfile(s, "e2e");
  // Start from the top of the page, as after opening the window.
  await s.exec("document.activeElement?.blur(); window.scrollTo(0, 0)");
  const tabs = await tabTo(s, '[data-bucket="demo"]');
  await press(s, "Enter");
  await s.waitFor("the bucket's folders", () => q(s, '.row.folder[data-prefix="reports/"]'));
  await tabTo(s, "[role=grid]");
  // The focus ring is drawn on the grid (a screenshot shows it).
  const gridRing = await s.exec("return getComputedStyle(document.activeElement).outlineStyle");
  if (gridRing === "none") throw new Error("the focused grid shows no focus ring");
  await arrowTo(s, '.row.folder[data-prefix="reports/"]');
  await press(s, "Enter");
  await s.waitFor("inside reports/", () => q(s, '.row.object[data-key="reports/2026-q3-summary.pdf"]'));
  await arrowTo(s, '.row.object[data-key="reports/2026-q3-summary.pdf"]');
  await press(s, "Enter");
  await s.waitFor("the PDF preview", () => q(s, "iframe.pdf-frame"));
  await pdfPaints(s, ctx); // once the viewer is up, its frame would keep a Tab that reached it
  await ctx.shot(s, "18-keyboard-preview");

  await tabTo(s, "[data-testid=copy-link]");
  await press(s, "Enter");
  await s.waitFor("the copied note", () => q(s, "[data-testid=copied]"));
  const link = execFileSync("xclip", ["-o", "-selection", "clipboard"], { env: process.env }).toString().trim();
  if (!link.includes("X-Amz-Signature=")) throw new Error(`the clipboard holds ${link.slice(0, 80)}`);
  const res = await fetch(link);
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200 || body.subarray(0, 5).toString() !== "%PDF-") {
    throw new Error(`the copied link answered ${res.status} with ${body.subarray(0, 20).toString()}`);
  }

  await press(s, "Control", ",");
  await s.waitFor("settings open", () => q(s, "dialog.settings[open]"));
  // Every control in the settings is reached by Tab, and Tab never leaves them (the window behind is inert).
  const controls = await s.exec(
    "return document.querySelectorAll('dialog.settings :is(button, input, select, textarea):not(:disabled)').length",
  );
  const reached = new Set();
  for (let i = 0; i < controls * 2 + 2; i++) {
    await press(s, "Tab");
    const at = await s.exec(
      "const a = document.activeElement; if (!a?.closest('dialog.settings')) return null; " +
        "return a.matches('dialog') ? 'the dialog' : [...document.querySelectorAll('dialog.settings *')].indexOf(a)",
    );
    if (at === null) throw new Error(`Tab ${i + 1} left the settings`);
    reached.add(at);
  }
  if (reached.size < controls) throw new Error(`Tab reached ${reached.size} of ${controls} controls in the settings`);
  await tabTo(s, "[data-testid=theme]");
  const ring = await s.exec("return getComputedStyle(document.activeElement).outlineStyle");
  if (ring === "none") throw new Error("the focused theme select shows no focus ring");
  await sleep(500); // WebKit's screenshot can lag the DOM by a frame
  await ctx.shot(s, "19-keyboard-settings");
  await press(s, "Escape");
  await s.waitFor("settings closed", async () => !(await q(s, "dialog.settings")));
  console.log(
    `    ${tabs} Tab presses from the top to the bucket; link answered 200 with ${body.length} bytes; ` +
      `${reached.size} stops for ${controls} controls in the settings, none outside`,
  );
});

test("the window's size and position are remembered across a restart", async (s, ctx) => {
  const before = await s.cmd("GET", "/window/rect");
  const wanted = { x: 40, y: 30, width: 1040, height: 700 };
  await s.cmd("POST", "/window/rect", wanted);
  const file = join(ctx.home, "config", "window-state.json");
  // Saved a second after the last move or resize, before any quit (a killed app keeps it too).
  const saved = await s.waitFor("the saved window state", () => {
    if (!existsSync(file)) return null;
    const main = JSON.parse(readFileSync(file, "utf8")).main;
    return main?.width === wanted.width && main?.height === wanted.height ? main : null;
  });
  s = await ctx.restart();
  await s.waitFor("the window", () => q(s, ".sidebar"), 60000);
  await sleep(500);
  const after = await s.cmd("GET", "/window/rect");
  for (const k of ["x", "y", "width", "height"]) {
    if (Math.abs(after[k] - wanted[k]) > 1) {
      throw new Error(`after a restart the window is ${JSON.stringify(after)}, not ${JSON.stringify(wanted)}`);
    }
  }
  console.log(`    saved ${JSON.stringify(saved)}; restored ${JSON.stringify(after)}`);
  await s.cmd("POST", "/window/rect", before);
});
