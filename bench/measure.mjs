// Shared by the window benchmarks: a fresh app session, PSS of a process tree, summaries of runs.
import { execFileSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Session } from "../e2e/webdriver.mjs";

export const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
export const summary = (v) => ({ median: median(v), min: Math.min(...v), max: Math.max(...v), runs: v.length });

/** Proportional set size of `rootPid` and every process below it (the app and its WebKit processes). */
export function pss(rootPid) {
  const parents = new Map();
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      parents.set(Number(d), Number(readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1].split(" ")[1]));
    } catch {}
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  const each = {};
  for (const pid of tree) {
    try {
      const own = Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))[1]);
      const name = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      kb += own;
      each[name] = (each[name] ?? 0) + own / 1024;
    } catch {}
  }
  return { mib: kb / 1024, processes: tree.size, each };
}

/**
 * Starts `app` through tauri-driver on :4450 cold: no data, and a settings file that only names the profile
 * "bench" and its default bucket "bench", as a returning user's does, so the window opens on the bucket's list
 * by itself. With a `clickOn` that clicks once the element is there and stays there (re-renders make early
 * handles stale). Scripts may run for up to 10 minutes.
 */
export async function freshSession(app) {
  for (const d of [process.env.BUCKETLENS_CONFIG_DIR, process.env.BUCKETLENS_DATA_DIR])
    if (d) rmSync(d, { recursive: true, force: true });
  const config = process.env.BUCKETLENS_CONFIG_DIR;
  mkdirSync(config, { recursive: true });
  const settings = { schemaVersion: 1, activeProfile: "bench", profiles: { bench: { defaultBucket: "bench" } } };
  writeFileSync(join(config, "settings.json"), JSON.stringify(settings));
  const launched = Date.now();
  const s = await Session.create("http://127.0.0.1:4450", { alwaysMatch: { "tauri:options": { application: app } } });
  await s.cmd("POST", "/timeouts", { script: 600000 });
  const clickOn = (css) =>
    s.waitFor(
      css,
      async () => {
        await s.click(await s.find(css));
        return true;
      },
      60000,
    );
  return { s, clickOn, launched };
}

/**
 * When the page painted, on the wall clock (Unix ms): the page's `timeOrigin` plus the first entry named `name`
 * (a paint entry such as "first-contentful-paint", or a mark), waited for. Free of WebDriver's polling.
 */
export const paintedAt = (s, name) =>
  s.waitFor(
    name,
    () =>
      s.exec(
        "const e = performance.getEntriesByName(arguments[0])[0]; " +
          "return e ? performance.timeOrigin + e.startTime : null",
        name,
      ),
    60000,
  );

/**
 * Starts `cli demo-server` on `data` and writes the AWS profile "bench" for it into AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE; returns the server process and what it printed (endpoint, keys).
 */
export async function serverWithProfile(cli, data) {
  const server = spawn(cli, ["demo-server", "--no-seed", "--data", data], { stdio: ["ignore", "pipe", "ignore"] });
  const info = {};
  for await (const line of createInterface({ input: server.stdout })) {
    const [k, ...v] = line.split(": ");
    info[k] = v.join(": ");
    if (k === "data") break;
  }
  writeFileSync(process.env.AWS_CONFIG_FILE, `[profile bench]\nregion = us-east-1\nendpoint_url = ${info.endpoint}\n`);
  writeFileSync(
    process.env.AWS_SHARED_CREDENTIALS_FILE,
    `[bench]\naws_access_key_id = ${info.access_key}\naws_secret_access_key = ${info.secret_key}\n`,
  );
  return { server, info };
}

/** The server builds its key index on the first listing after it starts: run that once, untimed. */
export function warmIndex(cli, info) {
  execFileSync(cli, ["--json", "ls", "s3://bench/many/"], {
    env: {
      ...process.env,
      AWS_PROFILE: "bench",
      AWS_ACCESS_KEY_ID: info.access_key,
      AWS_SECRET_ACCESS_KEY: info.secret_key,
      AWS_ENDPOINT_URL: info.endpoint,
    },
    stdio: "ignore",
  });
}
