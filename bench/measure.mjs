// Shared by the window benchmarks: PSS of a process tree, screenshot paint checks, summaries of runs.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";

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
  for (const pid of tree) {
    try {
      kb += Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))[1]);
    } catch {}
  }
  return { mib: kb / 1024, processes: tree.size };
}

/** Standard deviation of a screenshot region (0 = blank), via ImageMagick; `scratch` is a file to use. */
export function paintedSd(png, { x, y, w, h }, scratch) {
  writeFileSync(scratch, png);
  return Number(
    execFileSync("convert", [
      scratch,
      "-crop",
      `${w}x${h}+${x}+${y}`,
      "-colorspace",
      "Gray",
      "-format",
      "%[fx:standard_deviation]",
      "info:",
    ]).toString(),
  );
}
