// Real-window flows for finding and sharing: search the demo bucket and open a hit, a bucketlens:// link handed
// to the running window by a second launch, several files shared at once (each link answers 200 and is signed to
// end when the window says). Run in English, before the switch to Japanese; one more in Japanese for the shots.
import { execFileSync } from "node:child_process";
import { openFolder, openProfile, pdfPaints, q, root, sleep } from "./flows.mjs";

export const findTests = [];
export const findTestsJa = [];
const test = (name, fn) => findTests.push({ name, fn });

/** The demo bucket's top through the e2e profile, whatever the window shows (a restart opens no bucket). */
export async function demoRoot(s) {
  if (!(await q(s, '.profile.active[data-profile="e2e"]'))) await openProfile(s, "e2e");
  if (!(await q(s, '.crumb[data-prefix=""]')))
    await s.click(await s.waitFor("the demo bucket", () => s.find('[data-bucket="demo"]')));
  const atRoot = () => s.exec("return document.querySelector('[data-testid=path]').value === 's3://demo/'");
  if (!(await atRoot())) await root(s);
  await s.waitFor("the bucket's top", atRoot);
}

/** A click with Ctrl held, as a person adds a row to the selection (WebDriver has no modifier on click). */
const ctrlClick = (s, css) =>
  s.exec(
    "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))",
    css,
  );

test("search finds PDFs at every depth of the demo bucket and a hit opens in the preview", async (s, ctx) => {
  await demoRoot(s);
  await s.click(await s.find("[data-testid=open-search]"));
  const box = await s.waitFor("the search box", () => s.find("[data-testid=search-name]"));
  await s.type(box, "*.pdf\uE007");
  const hit = '[data-testid=search-hits] .hit[data-key="reports/archive/2025-annual.pdf"]';
  await s.waitFor("a hit two folders down", () => q(s, hit), 30000);
  const status = await s.waitFor("the search done", async () => {
    const t = await s.exec("return document.querySelector('[data-testid=search-status]').textContent");
    return t.startsWith("Done") && t;
  });
  // Every PDF of the bucket, and only PDFs, as the CLI finds them through the same core.
  const cli = ctx.cliLines("find", "s3://demo/", "--name", "*.pdf").map((h) => h.key);
  const shown = await s.exec(
    "return [...document.querySelectorAll('[data-testid=search-hits] .hit')].map(h => h.dataset.key)",
  );
  if (shown.length < Math.min(cli.length, 12) || !shown.every((k) => cli.includes(k)))
    throw new Error(`window: ${shown}; cli: ${cli}`);
  if (!status.includes(`${cli.length} found`)) throw new Error(`${status} (cli found ${cli.length})`);
  await s.click(await s.find(hit));
  await s.waitFor("the PDF frame", () => q(s, "iframe.pdf-frame"));
  await pdfPaints(s, ctx);
  await ctx.shot(s, "20-search");
  await s.click(await s.find(`${hit} button`));
  await s.waitFor("its folder", () =>
    s.exec("return document.querySelector('[data-testid=path]').value === 's3://demo/reports/archive/'"),
  );
});

test("a bucketlens:// link from a second launch opens its folder and file in the running window", async (s, ctx) => {
  await demoRoot(s);
  const link = `bucketlens://open?url=${encodeURIComponent("s3://demo/reports/月次報告書.pdf")}&profile=e2e`;
  execFileSync(ctx.app, [link], { timeout: 60000, stdio: "ignore" });
  await s.waitFor("reports/ opened", () =>
    s.exec("return document.querySelector('[data-testid=path]').value === 's3://demo/reports/'"),
  );
  await s.waitFor("the file shown", () =>
    s.exec("return document.querySelector('.preview-head h2')?.textContent.includes('月次報告書.pdf')"),
  );
  // A link naming a profile this person lacks asks, offering only the profiles that can read the bucket.
  const foreign = `bucketlens://open?url=${encodeURIComponent("s3://demo/images/")}&profile=someone-else`;
  execFileSync(ctx.app, [foreign], { timeout: 60000, stdio: "ignore" });
  await s.waitFor("the question", () => q(s, '[data-testid=open-link] [data-profile="e2e"]'), 30000);
  const offered = await s.exec(
    "return [...document.querySelectorAll('[data-testid=open-link] [data-profile]')].map(b => b.dataset.profile)",
  );
  if (offered.includes("e2e-wrong")) throw new Error(`a profile that can't read it was offered: ${offered}`);
  await ctx.shot(s, "21-open-link");
  await s.click(await s.find('[data-testid=open-link] [data-profile="e2e"]'));
  await s.waitFor("images/ opened", () =>
    s.exec("return document.querySelector('[data-testid=path]').value === 's3://demo/images/'"),
  );
});

test("several files shared at once: each link answers 200 and is signed to end as the window says", async (s, ctx) => {
  await demoRoot(s);
  await openFolder(s, "reports/");
  const keys = ["reports/2026-q3-summary.pdf", "reports/budget 2026+draft.pdf"];
  for (const k of keys) await ctrlClick(s, `.row[data-key="${k}"]`);
  await s.waitFor("the selection bar", () => q(s, "[data-testid=selection-bar]"));
  await s.click(await s.find("[data-testid=share-selected]"));
  await s.waitFor("the share dialog", () => q(s, "[data-testid=share-create]"));
  await s.exec(
    "const el = document.querySelector('[data-testid=share-expiry]'); " +
      "Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(el, '300'); " +
      "el.dispatchEvent(new Event('change', {bubbles: true}))",
  );
  await s.type(await s.find("[data-testid=share-recipient]"), "経理 / accounts");
  await s.click(await s.find("[data-testid=share-create]"));
  const block = await s.waitFor("the links", () =>
    s.exec("return document.querySelector('[data-testid=share-text]')?.value ?? null"),
  );
  const urls = block.match(/https?:\/\/\S+/g) ?? [];
  if (urls.length !== 2) throw new Error(`links: ${block}`);
  for (const url of urls) {
    const r = await fetch(url);
    if (r.status !== 200) throw new Error(`${r.status} for ${url.split("?")[0]}`);
    const u = new URL(url);
    const signed = u.searchParams
      .get("X-Amz-Date")
      .replace(/(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/, "$1-$2-$3T$4:$5:$6Z");
    const ends = Date.parse(signed) + Number(u.searchParams.get("X-Amz-Expires")) * 1000;
    const stated = Number(await s.exec("return document.querySelector('[data-testid=share-until]').dataset.until"));
    if (Number(u.searchParams.get("X-Amz-Expires")) !== 300) throw new Error(`expires: ${url}`);
    if (!(Math.abs(stated - ends) <= 2000)) throw new Error(`the window says ${stated}, the link ends ${ends}`);
  }
  const until = await s.exec("return document.querySelector('[data-testid=share-until]').textContent");
  if (!/valid until/.test(until)) throw new Error(until);
  await ctx.shot(s, "22-share-several");
  await s.click(await s.find(".dialog-buttons button:last-child"));
  await s.click(await s.find(".issued-button"));
  const record = await s.waitFor("the record", () =>
    s.exec("return document.querySelector('[data-testid=issued-links]')?.innerText ?? null"),
  );
  for (const k of keys) if (!record.includes(k) || !record.includes("経理 / accounts")) throw new Error(record);
  await s.click(await s.find(".dialog-buttons button"));
  await sleep(200);
});

findTestsJa.push({
  name: "in Japanese: search and bookmarks",
  fn: async (s, ctx) => {
    await demoRoot(s);
    await openFolder(s, "reports/");
    await s.click(await s.find("[data-testid=bookmark-folder]"));
    await s.waitFor("the bookmark", () => q(s, "[data-testid=bookmarks] li"));
    await s.click(await s.find("[data-testid=open-search]"));
    await s.type(await s.waitFor("the search box", () => s.find("[data-testid=search-name]")), "報告\uE007");
    await s.waitFor("a hit", () => q(s, '[data-testid=search-hits] .hit[data-key="reports/月次報告書.pdf"]'), 30000);
    await s.waitFor("done", () =>
      s.exec("return document.querySelector('[data-testid=search-status]').textContent.startsWith('完了')"),
    );
    await sleep(300);
    await ctx.shot(s, "23-search-ja");
    await s.click(await s.find(".search-row .icon-button"));
  },
});
