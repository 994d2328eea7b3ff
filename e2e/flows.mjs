// The real-window flows. Each asserts on real state and saves a screenshot.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { regionDeviation } from "./webdriver.mjs";

export const tests = [];
const test = (name, fn) => tests.push({ name, fn });
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const q = (s, css) => s.exec(`return document.querySelector(${JSON.stringify(css)}) !== null`);
const keys = (s) => s.exec("return [...document.querySelectorAll('.row.object')].map(r => r.dataset.key)");

/** Standard deviation of a screen region (0 = blank). */
const variance = (png, ctx, rect) => regionDeviation(png, rect, join(ctx.artifacts, ".region.png"));

export async function pdfPaints(s, ctx) {
  return s.waitFor("the PDF to paint", async () => {
    await sleep(300);
    // Measured each time: the frame moves while the preview's details arrive.
    const rect = await s.exec(
      "const r = document.querySelector('iframe.pdf-frame').getBoundingClientRect(); " +
        "return {x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height)}",
    );
    const v = variance(await s.screenshot(), ctx, {
      x: rect.x + 10,
      y: rect.y + 40,
      w: rect.w - 20,
      h: Math.min(300, rect.h - 50),
    });
    return v > 0.05 && v;
  });
}

/**
 * Clicks `css`, trying again while the element is replaced under the click (a list drawn again after a profile
 * switch: both profiles may show the same bucket, found in the old list just before it goes).
 */
export async function clickSettled(s, what, css) {
  await s.waitFor(what, async () => {
    await s.click(await s.find(css));
    return true;
  });
}

export async function openProfile(s, name) {
  await s.click(await s.waitFor(`profile ${name}`, () => s.find(`[data-profile="${name}"]`), 60000));
  await s.waitFor(`${name} active`, () =>
    s.exec(`return document.querySelector('.profile.active')?.dataset.profile === ${JSON.stringify(name)}`),
  );
}

export async function openFolder(s, prefix) {
  await s.click(await s.waitFor(prefix, () => s.find(`.row.folder[data-prefix="${prefix}"]`)));
  await s.waitFor(`inside ${prefix}`, () =>
    s.exec(
      `const want = ${JSON.stringify(prefix)}; ` +
        "return document.querySelector('.breadcrumbs .crumb:last-of-type')?.dataset.prefix === want || " +
        "[...document.querySelectorAll('.crumb')].some(c => c.dataset.prefix === want)",
    ),
  );
}

export async function root(s) {
  await s.click(await s.find('.crumb[data-prefix=""]'));
  await s.waitFor("the bucket root", () => q(s, '.row.folder[data-prefix="reports/"]'));
}

test("launch lists the profiles; the bucket opens; breadcrumbs navigate; odd names are listed", async (s, ctx) => {
  const names = await s.waitFor(
    "profiles",
    async () => {
      const n = await s.exec("return [...document.querySelectorAll('[data-profile]')].map(e => e.dataset.profile)");
      return n.includes("e2e") && n;
    },
    60000,
  );
  if (!names.includes("e2e-wrong")) throw new Error(`profiles: ${names}`);
  await openProfile(s, "e2e");
  await clickSettled(s, "bucket demo", '[data-bucket="demo"]');
  await openFolder(s, "reports/");
  await openFolder(s, "reports/archive/");
  await s.click(await s.find('.crumb[data-prefix="reports/"]'));
  const listed = await s.waitFor("reports listed", async () => {
    const k = await keys(s);
    return k.includes("reports/月次報告書.pdf") && k;
  });
  for (const k of ["reports/budget 2026+draft.pdf", "reports/2026-q3-summary.pdf"])
    if (!listed.includes(k)) throw new Error(`${k} missing from ${listed}`);
  await root(s);
  await openFolder(s, "odd/");
  const odd = await s.waitFor("odd keys", async () => ((await keys(s)).length >= 7 ? keys(s) : null));
  for (const k of [
    "odd/plus+sign.txt",
    "odd/space name.txt",
    "odd/hash#tag.txt",
    "odd/question?.txt",
    "odd/percent%20literal.txt",
    "odd/日本語ファイル.txt",
  ]) {
    if (!odd.includes(k)) throw new Error(`${k} missing from ${odd}`);
  }
  await ctx.shot(s, "01-browse");
});

test("PDF previews are presigned inline, short-lived and not blank (English and Japanese)", async (s, ctx) => {
  await root(s);
  await openFolder(s, "reports/");
  for (const key of ["reports/2026-q3-summary.pdf", "reports/月次報告書.pdf"]) {
    await s.click(await s.waitFor(key, () => s.find(`.row.object[data-key="${key}"]`)));
    const src = await s.waitFor(`iframe for ${key}`, async () => {
      const v = await s.exec("return document.querySelector('iframe.pdf-frame')?.src ?? null");
      return v && decodeURIComponent(new URL(v).pathname).endsWith(key.split("/").pop()) && v;
    });
    const url = new URL(src);
    const expires = Number(url.searchParams.get("X-Amz-Expires"));
    if (!(expires > 0 && expires <= 600)) throw new Error(`X-Amz-Expires=${expires}`);
    if (url.searchParams.get("response-content-disposition") !== "inline") throw new Error(`disposition in ${src}`);
    const sd = await pdfPaints(s, ctx);
    console.log(`    ${key}: region standard deviation ${sd.toFixed(3)}`);
  }
  await ctx.shot(s, "02-pdf-preview");
});

/** Standard deviation inside the PDF frame's page area of a fresh screenshot. */
async function frameVariance(s, ctx) {
  const r = await s.exec(
    "const r = document.querySelector('iframe.pdf-frame').getBoundingClientRect(); " +
      "return {x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height)}",
  );
  return variance(await s.screenshot(), ctx, { x: r.x + 10, y: r.y + 40, w: r.w - 20, h: Math.min(300, r.h - 50) });
}

const sandboxFlow = "the PDF frame's sandbox is as tight as WebKit's viewer allows: one token fewer and nothing paints";
test(sandboxFlow, async (s, ctx) => {
  const frame = await s.find("iframe.pdf-frame"); // left open by the previous flow
  const granted = await s.attribute(frame, "sandbox");
  const reload = (tokens) =>
    s.exec(
      "const f = document.querySelector('iframe.pdf-frame'); const src = f.src; " +
        "f.setAttribute('sandbox', arguments[0]); f.src = 'about:blank'; setTimeout(() => { f.src = src; }, 300);",
      tokens,
    );
  for (const fewer of ["", "allow-scripts", "allow-same-origin"]) {
    await reload(fewer);
    await sleep(3000);
    const sd = await frameVariance(s, ctx);
    console.log(`    sandbox="${fewer}": region standard deviation ${sd.toFixed(3)}`);
    if (sd > 0.05) throw new Error(`the PDF painted with sandbox="${fewer}": tighten PDF_SANDBOX`);
  }
  await reload(granted);
  const sd = await s.waitFor("the PDF to paint again", async () => {
    await sleep(300);
    const v = await frameVariance(s, ctx);
    return v > 0.05 && v;
  });
  console.log(`    sandbox="${granted}": region standard deviation ${sd.toFixed(3)}`);
});

test("an image preview decodes", async (s, ctx) => {
  await root(s);
  await openFolder(s, "images/");
  await s.click(await s.waitFor("photo", () => s.find('.row.object[data-key="images/photo.jpg"]')));
  const w = await s.waitFor("the image", () =>
    s.exec("const i = document.querySelector('img.image-view'); return i && i.complete ? i.naturalWidth : 0"),
  );
  if (w !== 1200) throw new Error(`naturalWidth ${w}`);
  await ctx.shot(s, "03-image-preview");
});

const disguised =
  "a page disguised as a PDF is served as a PDF in a sandboxed frame and never runs; HTML is shown as its source";
test(disguised, async (s, ctx) => {
  await root(s);
  await openFolder(s, "notes/");
  await s.click(await s.waitFor("the disguised page", () => s.find('.row.object[data-key="notes/not-really.pdf"]')));
  const frame = await s.waitFor("the frame", () => s.find("iframe.pdf-frame"));
  const src = new URL(await s.attribute(frame, "src"));
  if (src.searchParams.get("response-content-type") !== "application/pdf") throw new Error(`type in ${src}`);
  const sandbox = await s.attribute(frame, "sandbox");
  if (sandbox !== "allow-scripts allow-same-origin") throw new Error(`sandbox ${sandbox}`);
  await sleep(1500); // give a page every chance to run its script
  await s.frame(frame);
  const inside = await s.exec(
    "return {title: document.title, disguised: !!document.getElementById('disguised'), type: document.contentType}",
  );
  await s.frame(null);
  console.log(`    inside the frame: ${JSON.stringify(inside)}`);
  if (inside.title === "pwned" || inside.disguised || inside.type === "text/html")
    throw new Error(`the page ran: ${JSON.stringify(inside)}`);
  await ctx.shot(s, "03b-disguised-page");
  await s.click(await s.find('.row.object[data-key="notes/page.html"]'));
  await s.waitFor("the source as text", () =>
    s.exec(
      "return !!document.querySelector('.preview [data-testid=text-view]')?.textContent.includes('<script>') && " +
        "!document.querySelector('.preview iframe') && document.title !== 'pwned'",
    ),
  );
});

const uploadFlow = "upload through the drop handler: exact type and uploaded-by, refusal, replace prompt, keep both";
test(uploadFlow, async (s, ctx) => {
  await root(s);
  await openFolder(s, "images/");
  const drop = (paths) => dropPaths(s, paths);
  await drop([join(ctx.files, "e2e-photo.jpg"), join(ctx.files, "script.sh")]);
  await s
    .waitFor("upload done", () => q(s, '.upload-row[data-upload-key="images/e2e-photo.jpg"][data-state="done"]'), 30000)
    .catch(async (e) => {
      const panel = await s
        .exec("return document.querySelector('[data-testid=upload-panel]')?.innerText ?? 'no upload panel'")
        .catch(() => "?");
      throw new Error(`${e.message}; the upload panel shows: ${panel.replace(/\s+/g, " ")}`);
    });
  const refused = await s.exec(
    "return document.querySelector('.upload-row[data-upload-key=\"images/script.sh\"]')?.textContent ?? ''",
  );
  if (!refused.includes("image/jpeg")) throw new Error(`refusal text: ${refused}`);
  const head = ctx.cliJson("head", "s3://demo/images/e2e-photo.jpg");
  if (head.contentType !== "image/jpeg" || !head.metadata["uploaded-by"])
    throw new Error(`stored: ${JSON.stringify(head)}`);
  await s.waitFor("listed", () => q(s, '.row.object[data-key="images/e2e-photo.jpg"]'));
  await ctx.shot(s, "04-upload-panel");
  await drop([join(ctx.files, "e2e-photo.jpg")]);
  const conflict = await s.waitFor("the replace prompt", () =>
    s.exec("return document.querySelector('[data-testid=conflict-key]')?.textContent ?? null"),
  );
  if (conflict !== "images/e2e-photo.jpg") throw new Error(`prompt for ${conflict}`);
  await s.click(await s.find("[data-testid=conflict-keep]"));
  await s.waitFor(
    "keep both",
    () => q(s, '.upload-row[data-upload-key="images/e2e-photo (1).jpg"][data-state="done"]'),
    30000,
  );
  if (ctx.cliJson("head", "s3://demo/images/e2e-photo (1).jpg").contentType !== "image/jpeg")
    throw new Error("copy not stored");
});

const hostileFlow = "a hostile folder dropped on the window: links, a FIFO and a spoofing name are left out, said why";
test(hostileFlow, async (s, ctx) => {
  await root(s);
  await openFolder(s, "images/");
  const dir = join(ctx.files, "hostile");
  mkdirSync(join(dir, "sub"), { recursive: true });
  copyFileSync(join(ctx.files, "e2e-photo.jpg"), join(dir, "ok.jpg"));
  copyFileSync(join(ctx.files, "e2e-photo.jpg"), join(dir, "rtl-\u202egpj.jpg"));
  symlinkSync(dir, join(dir, "sub", "loop"));
  symlinkSync("/etc/passwd", join(dir, "tax-return.pdf"));
  execFileSync("mkfifo", [join(dir, "pipe.jpg")]);
  await dropPaths(s, [dir]);
  await s.click(await s.waitFor("the folder question", () => s.find("[data-testid=confirm-folder]")));
  await s.waitFor(
    "the good file stored",
    () => q(s, '.upload-row[data-upload-key="images/hostile/ok.jpg"][data-state="done"]'),
    30000,
  );
  const panel = await s.exec("return document.querySelector('[data-testid=upload-panel]').innerText");
  for (const want of ["⟨U+202E⟩", "U+202E", "tax-return.pdf", "/etc/passwd", "loop", "pipe.jpg"]) {
    if (!panel.includes(want)) throw new Error(`the panel does not mention ${want}: ${panel.replace(/\s+/g, " ")}`);
  }
  const stored = ctx.cliJson("ls", "s3://demo/images/hostile/").objects.map((o) => o.key);
  if (JSON.stringify(stored) !== JSON.stringify(["images/hostile/ok.jpg"])) throw new Error(`stored: ${stored}`);
  await sleep(500); // WebKit's screenshot can lag the DOM by a frame
  await ctx.shot(s, "04b-hostile-folder");
});

test("a second launch hands its s3:// location to the running window and exits", async (s, ctx) => {
  await root(s);
  const started = Date.now();
  // Throws unless the second process exits 0, which it does only after the first accepted its arguments.
  execFileSync(ctx.app, ["s3://demo/images/photo.jpg"], { timeout: 60000, stdio: "ignore" });
  console.log(`    the second launch handed over and exited in ${Date.now() - started} ms`);
  await s.waitFor("images/ opened in the first window", () =>
    s.exec("return document.querySelector('[data-testid=path]')?.value === 's3://demo/images/'"),
  );
  const windows = await s.cmd("GET", "/window/handles");
  if (windows.length !== 1) throw new Error(`windows: ${windows.length}`);
});

test("a profile with a wrong secret explains itself; the previous one still works", async (s, ctx) => {
  await openProfile(s, "e2e-wrong");
  const kind = await s.waitFor("an error", () =>
    s.exec("return document.querySelector('.buckets .error-box')?.dataset.kind ?? null"),
  );
  if (kind !== "SignatureMismatch" && kind !== "AccessDenied") throw new Error(`kind ${kind}`);
  const text = await s.exec("return document.querySelector('.buckets .error-box').textContent");
  if (!text.includes("secret")) throw new Error(text);
  await ctx.shot(s, "05-wrong-secret");
  await openProfile(s, "e2e");
  await s.waitFor("buckets again", () => q(s, '[data-bucket="demo"]'));
});

/** Hands `paths` to the window's drop handler exactly as a native drop does (the test-only `e2e_drop`). */
export async function dropPaths(s, paths) {
  const r = await s.exec(
    "return window.__TAURI_INTERNALS__.invoke('e2e_drop', { paths: arguments[0] })" +
      ".then(() => 'ok', (e) => 'error: ' + JSON.stringify(e))",
    paths,
  );
  if (r !== "ok") throw new Error(`e2e_drop: ${r}`);
}

export async function openSettings(s) {
  await s.click(await s.find("[data-testid=open-settings]"));
  await s.waitFor("settings", () => q(s, "#settings-title"));
}

/** Chooses an option as a person's choice would arrive: the select's value changes and it says so. */
export async function setSelect(s, css, value) {
  await s.find(`${css} option[value="${value}"]`);
  await s.exec(
    "const el = document.querySelector(arguments[0]); " +
      "Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(el, arguments[1]); " +
      "el.dispatchEvent(new Event('change', { bubbles: true }));",
    css,
    value,
  );
}

test("preview links re-mint after a few-second expiry", async (s, _ctx) => {
  await openSettings(s);
  const field = await s.find('[data-testid="expiry.previewSecs"]');
  // Element Clear fires no input event: if React re-renders the old value before "3" is typed, the field
  // reads "53" (seen once in CI). Check the field and type again until it holds exactly "3".
  const previewField = "return document.querySelector('[data-testid=\"expiry.previewSecs\"]').value";
  await s.waitFor("3 in the field", async () => {
    if ((await s.exec(previewField)) === "3") return true;
    await s.clear(field);
    await s.type(field, "3");
    return (await s.exec(previewField)) === "3";
  });
  await setSelect(s, '[data-field="expiry.previewSecs"] select', "1");
  await s.waitFor(
    "valid form",
    async () =>
      !(await q(s, "[data-testid=invalid-count]")) &&
      !(await s.exec("return document.querySelector('[data-testid=save-settings]').disabled")),
  );
  await s.click(await s.find("[data-testid=save-settings]"));
  await s.waitFor("saved", () => q(s, ".settings .ok"));
  await s.click(await s.find(".settings-head button"));
  await s.click(await s.waitFor("bucket", () => s.find('[data-bucket="demo"]')));
  await openFolder(s, "images/");
  await s.click(await s.waitFor("photo", () => s.find('.row.object[data-key="images/photo.jpg"]')));
  const first = await s.waitFor("first url", () =>
    s.exec("return document.querySelector('img.image-view')?.src ?? null"),
  );
  if (!first.includes("X-Amz-Expires=3")) throw new Error(first);
  await sleep(4500);
  const later = await s.waitFor("a fresh image", () =>
    s.exec(
      "const i = document.querySelector('img.image-view'); return i && i.complete && i.naturalWidth > 0 ? i.src : null",
    ),
  );
  if (later === first) throw new Error("the URL was not re-minted");
  const status = await fetch(later).then((r) => r.status);
  if (status !== 200) throw new Error(`re-minted URL answers ${status}`);
});

const resumeFlow =
  "an upload interrupted by closing the app is offered again at the next start and resumes to the byte";
test(resumeFlow, async (s, ctx) => {
  // 100 MiB: multipart at the default threshold; the slow profile's proxy holds back parts after the second.
  const file = join(ctx.files, "big-scan.png");
  const body = Buffer.alloc(100 * 1024 * 1024);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(body);
  for (let i = 8; i < body.length; i += 4096) body[i] = i % 251;
  writeFileSync(file, body);
  await openProfile(s, "e2e-slow");
  await clickSettled(s, "bucket demo", '[data-bucket="demo"]');
  await s.waitFor("the bucket root", () => q(s, '.row.folder[data-prefix="reports/"]'));
  await dropPaths(s, [file]);
  const journal = join(ctx.home, "data", "uploads");
  const partsIn = () =>
    Math.max(
      0,
      ...(existsSync(journal) ? readdirSync(journal) : [])
        .filter((f) => f.endsWith(".json"))
        .map((f) => (readFileSync(join(journal, f), "utf8").match(/"etag"/g) ?? []).length),
    );
  await s.waitFor("two parts on the server", () => partsIn() >= 2, 60000);

  s = await ctx.restart();
  // The restarted window selects its remembered profile and lists buckets on its own; clicks go through the
  // page and are repeated until they take, since an element found during that start-up can be replaced.
  const clickUntil = (what, css, done) =>
    s.waitFor(
      what,
      async () => {
        if (await done()) return true;
        await s.exec(`document.querySelector(${JSON.stringify(css)})?.click()`);
        await sleep(300);
        return done();
      },
      60000,
    );
  await clickUntil("e2e-slow active", '[data-profile="e2e-slow"]', () =>
    s.exec("return document.querySelector('.profile.active')?.dataset.profile === 'e2e-slow'"),
  );
  await clickUntil("the bucket root again", '[data-bucket="demo"]', () => q(s, '.row.folder[data-prefix="reports/"]'));
  const resume = '[data-pending-key="big-scan.png"] [data-testid=resume]';
  await s.waitFor("the unfinished upload", () => q(s, resume));
  await sleep(500); // WebKit's screenshot can lag the DOM by a frame
  await ctx.shot(s, "08-unfinished-upload");
  // Clicked in the page: the list can re-render between a WebDriver lookup and its click (a stale element).
  await s.exec(`document.querySelector(${JSON.stringify(resume)}).click()`);
  await s.waitFor(
    "the resumed upload done",
    () => q(s, '.upload-row[data-upload-key="big-scan.png"][data-state="done"]'),
    120000,
  );
  const url = ctx.cliJson("presign", "get", "s3://demo/big-scan.png").url;
  const stored = Buffer.from(await (await fetch(url)).arrayBuffer());
  const sha = (b) => createHash("sha256").update(b).digest("hex");
  if (sha(stored) !== sha(body)) throw new Error(`stored ${stored.length} bytes differ from the file`);
  if (partsIn() !== 0) throw new Error("the journal still holds the upload");
  console.log(`    resumed after a restart: ${stored.length} bytes, SHA-256 equal`);
});

test("switching the language to 日本語 changes the visible text at once", async (s, ctx) => {
  await openSettings(s);
  await setSelect(s, "[data-testid=language]", "ja");
  await s.click(await s.find("[data-testid=save-settings]"));
  await s.waitFor(
    "Japanese",
    async () => (await s.exec("return document.querySelector('#settings-title').textContent")) === "設定",
  );
  await ctx.shot(s, "06-settings-ja");
  await s.click(await s.find(".settings-head button"));
  await s.waitFor("settings closed", async () => !(await q(s, "#settings-title")));
  const title = await s.exec("return document.querySelector('#profiles-title').textContent");
  if (title !== "プロファイル") throw new Error(title);
  await sleep(500); // WebKit's screenshot can lag the DOM by a frame (this one showed the closed settings)
  await ctx.shot(s, "07-browse-ja");
});
