// Real-window end-to-end tests: the built app in WebKitGTK, driven by tauri-driver, against the embedded
// S3 server through real profiles in temporary AWS config files.
// Usage: node e2e/run.mjs <app> <cli>  (tauri-driver on 127.0.0.1:4444; AWS_CONFIG_FILE etc. set; E2E_HOME)
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Session } from "./webdriver.mjs";
import { startS3 } from "./fixture.mjs";
import { tests as browseTests } from "./flows.mjs";
import { credentialTests, japaneseTests } from "./flows-credentials.mjs";
import { keyboardTests } from "./flows-keyboard.mjs";
import { findTests, findTestsJa } from "./flows-find.mjs";
import { viewerTests, viewerTestsJa } from "./flows-viewer.mjs";

const app = resolve(process.argv[2] ?? "target/debug/bucketlens");
const cli = resolve(process.argv[3] ?? "target/debug/bucketlens-cli");
const home = process.env.E2E_HOME;
const artifacts = resolve("e2e/artifacts");
mkdirSync(artifacts, { recursive: true });
const DRIVER = "http://127.0.0.1:4444";

async function waitForDriver() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${DRIVER}/status`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("tauri-driver did not answer on :4444");
}

const s3 = await startS3(cli, home);
// Files to upload: a real JPEG (ImageMagick), a disallowed script.
const files = join(home, "files");
mkdirSync(files, { recursive: true });
execFileSync("convert", ["-size", "320x240", "gradient:#1f4e79-#f4c430", join(files, "e2e-photo.jpg")]);
writeFileSync(join(files, "script.sh"), "#!/bin/sh\necho hi\n");

// The credential and keyboard flows run in English, before the switch to Japanese; then the Japanese screenshots.
const language = browseTests.findIndex((t) => t.name.startsWith("switching the language"));
// E2E_ONLY=text runs only the flows whose names contain it, or one of several texts split by | (while working on
// them; CI runs all).
const only = process.env.E2E_ONLY;
const tests = [
  ...browseTests.slice(0, language),
  ...credentialTests,
  ...keyboardTests,
  ...findTests,
  ...viewerTests,
  ...browseTests.slice(language),
  ...japaneseTests,
  ...findTestsJa,
  ...viewerTestsJa,
].filter((t) => !only || only.split("|").some((o) => t.name.includes(o)));

let session;
const ctx = {
  /** The embedded server (endpoint, keys) and the identity fakes. */
  s3: s3.info,
  fakes: s3.fakes,
  app,
  home,
  artifacts,
  files,
  /** Runs the CLI against the same server through the same profile: a check from outside the app. */
  cliJson: (...args) => JSON.parse(execFileSync(cli, ["--profile", "e2e", "--json", ...args]).toString()),
  /** The same, for commands that print one JSON object per line (`find`). */
  cliLines: (...args) =>
    execFileSync(cli, ["--profile", "e2e", "--json", ...args])
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
  shot: async (s, name) => writeFileSync(`${artifacts}/${name}.png`, await s.screenshot()),
  /** Ends the app (WebDriver closes it) and starts it again; later flows get the new session. */
  restart: async () => {
    // A flow may have closed the window already (which ends the session): nothing left to close then.
    await session.close().catch(() => {});
    // The closed app may still be pausing its uploads: start the next one when it has gone.
    const closed = Date.now();
    while (running(app) && Date.now() - closed < 10000) await new Promise((r) => setTimeout(r, 100));
    console.log(`    the closed app was gone ${Date.now() - closed} ms after the session ended`);
    session = await Session.create(DRIVER, capabilities);
    return session;
  },
};

/** Whether a process runs this executable (read from /proc: no procps needed). */
function running(exe) {
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] === exe) return true;
    } catch {}
  }
  return false;
}

const capabilities = { alwaysMatch: { "tauri:options": { application: app } } };
await waitForDriver();
session = await Session.create(DRIVER, capabilities);
let passed = 0;
let failed = 0;
for (const t of tests) {
  const started = Date.now();
  try {
    await t.fn(session, ctx);
    passed++;
    console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${t.name}: ${e.message}`);
    await ctx.shot(session, `failed-${tests.indexOf(t)}`).catch(() => {});
  }
}
await session.close().catch(() => {});
s3.stop();
console.log(`e2e: ${passed} passed, ${failed} failed`);
writeFileSync(`${artifacts}/summary.json`, JSON.stringify({ passed, failed }));
process.exit(failed === 0 ? 0 : 1);
