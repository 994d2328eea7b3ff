// The object list follows the WAI-ARIA grid pattern: column headers are cells holding buttons, rows carry
// their index in the whole (virtualised) list, and every cell is a gridcell.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harnessForThisFile } from "./harness-server.mjs";

const h = harnessForThisFile();

test("the list is a grid of rows and cells; headers are cells holding sort buttons", async () => {
  const { page, errors } = await h.open("lang=en");
  await page.click('.row.folder[data-prefix="many/"]');
  await page.waitForSelector('.row.object[data-key="many/item-00001.txt"]');
  await page.waitForFunction(() => document.querySelector("[role=grid]")?.getAttribute("aria-rowcount") === "2501");
  const grid = await page.evaluate(() => {
    const g = document.querySelector("[role=grid]");
    const heads = [...g.querySelectorAll("[role=columnheader]")];
    const rows = [...g.querySelectorAll("[role=row]")].filter((r) => !r.classList.contains("head"));
    return {
      rowcount: g.getAttribute("aria-rowcount"),
      heads: heads.map((c) => ({
        tag: c.tagName,
        button: c.firstElementChild?.tagName,
        sort: c.getAttribute("aria-sort"),
      })),
      firstIndex: rows[0]?.getAttribute("aria-rowindex"),
      cellsPerRow: [...new Set(rows.map((r) => r.querySelectorAll(":scope > [role=gridcell]").length))],
      buttonsPosingAsCells: g.querySelectorAll("button[role]").length,
    };
  });
  assert.equal(grid.rowcount, "2501", "2,500 keys and the header row");
  assert.deepEqual(grid.heads, [
    { tag: "DIV", button: "BUTTON", sort: "ascending" },
    { tag: "DIV", button: "BUTTON", sort: "none" },
    { tag: "DIV", button: "BUTTON", sort: "none" },
  ]);
  assert.equal(grid.firstIndex, "2");
  assert.deepEqual(grid.cellsPerRow, [3]);
  assert.equal(grid.buttonsPosingAsCells, 0);
  // Sorting by size through the header's button: its cell says so.
  await page.click("[role=columnheader] >> nth=1 >> button");
  await page.waitForFunction(
    () => document.querySelectorAll("[role=columnheader]")[1]?.getAttribute("aria-sort") === "ascending",
  );
  await page.screenshot({ path: "/tmp/grid.png" });
  assert.deepEqual(errors, []);
  await page.close();
});
