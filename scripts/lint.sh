#!/usr/bin/env bash
# The code-habit checks CI runs (scripts/test.sh calls this): Biome (format and lint, check mode) over the
# UI, e2e and bench JavaScript/TypeScript; no line over 120 characters there; rustfmt; clippy with warnings
# as errors over every crate and target (CI runs clippy inside its Rust build: scripts/rust-test.sh).
# Banned crates are checked by scripts/audit.sh.
# Exit status: the number of checks that failed.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=0
check() { # check NAME COMMAND...
  local name="$1"
  shift
  echo "== lint: $name"
  "$@" || { echo "lint failed: $name"; failed=$((failed + 1)); }
}
long_lines() {
  node -e '
    const { execFileSync } = require("node:child_process");
    const { readFileSync } = require("node:fs");
    const files = execFileSync("git", ["ls-files", "ui", "e2e", "bench"], { encoding: "utf8" }).split("\n")
      .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.endsWith("ipc/bindings.ts"));
    let bad = 0;
    for (const f of files) readFileSync(f, "utf8").split("\n").forEach((l, i) => {
      if ([...l].length > 120) { bad++; console.log(`${f}:${i + 1}: ${[...l].length} characters`); }
    });
    process.exit(bad ? 1 : 0);'
}
check "biome (format + lint)" npx --no-install biome ci --colors=off .
check "lines over 120 characters (UI, e2e, bench)" long_lines
check "cargo fmt" cargo fmt --all --check
# scripts/test.sh sets LINT_CLIPPY=in-build: its Rust build compiles through clippy-driver (scripts/rust-test.sh).
[ "${LINT_CLIPPY:-}" = in-build ] || check "cargo clippy" cargo clippy --workspace --all-targets --features bucketlens/custom-protocol,bucketlens/e2e -- -D warnings
exit "$failed"
