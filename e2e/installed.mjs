// Checks an installed BucketLens binary: started with --demo, its window lists the demo bucket.
// Usage: node e2e/installed.mjs /usr/bin/bucketlens <tauri-driver port>
import { writeFileSync, mkdirSync } from "node:fs";
import { Session } from "./webdriver.mjs";

const [app, port] = process.argv.slice(2);
const driver = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`${driver}/status`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}
const s = await Session.create(driver, { alwaysMatch: { "tauri:options": { application: app, args: ["--demo"] } } });
try {
  const folders = await s.waitFor(
    "the demo listing",
    async () => {
      const f = await s.exec("return [...document.querySelectorAll('.row.folder')].map(r => r.dataset.prefix)");
      return f.includes("reports/") && f;
    },
    60000,
  );
  mkdirSync("e2e/artifacts", { recursive: true });
  writeFileSync("e2e/artifacts/installed-demo.png", await s.screenshot());
  console.log(`installed app lists: ${folders.join(" ")}`);
} finally {
  await s.close().catch(() => {});
}
