#!/usr/bin/env bash
# The code-habit checks CI runs (scripts/test.sh calls this): Biome (format and lint, check mode) over the
# UI, e2e and bench JavaScript/TypeScript; no line over 120 characters there; rustfmt; clippy with warnings
# as errors over every crate and target; a lock file without the legacy HTTP/TLS stack or a second crypto
# library. Exit status: the number of checks that failed.
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
# The SDK's legacy client (hyper 0.14, h2 0.3, rustls 0.21, webpki 0.101) and aws-lc (a second crypto
# library beside ring, and a slow C build) must not come back through a default feature. Read from the lock
# file, which lists every platform's crates, so no download is needed.
legacy_stack() {
  python3 - <<'PY'
import re, sys
lock = open("Cargo.lock").read()
found = re.findall(r'name = "([^"]+)"\nversion = "([^"]+)"', lock)
banned = {"hyper": "0.14.", "h2": "0.3.", "rustls": "0.21.", "rustls-webpki": "0.101.", "aws-lc-rs": "", "aws-lc-sys": ""}
bad = [f"{n} {v}" for n, v in found if n in banned and v.startswith(banned[n])]
print("\n".join(f"Cargo.lock holds {b}: find who asks with cargo tree -i" for b in bad) or "none of the banned crates")
sys.exit(1 if bad else 0)
PY
}
check "biome (format + lint)" npx --no-install biome ci --colors=off .
check "lines over 120 characters (UI, e2e, bench)" long_lines
check "cargo fmt" cargo fmt --all --check
check "no legacy HTTP/TLS stack, one crypto library" legacy_stack
check "cargo clippy" cargo clippy --workspace --all-targets --features bucketlens/custom-protocol,bucketlens/e2e -- -D warnings
exit "$failed"
