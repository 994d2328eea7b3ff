#!/usr/bin/env bash
# Runs every suite: UI type check, UI unit tests, lint and format checks, the dependency audit, the Rust
# workspace (core against the embedded S3, CLI, shell on the mock runtime) with the browser suite beside it,
# the real-window end-to-end tests under Xvfb, then the package check on the same build. One build profile
# and feature set for all of them. Prints each stage's time, then one line: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test || exit 1

OUT=target/test-results
rm -rf "$OUT" e2e/artifacts
mkdir -p "$OUT"
passed=0
failed=0
steps_failed=()
timings=()
stage_start=$SECONDS
stage_name="setup"
mark() { # mark NAME: the previous stage ends here (its time is printed at the end), NAME begins
  timings+=("$((SECONDS - stage_start)) s  $stage_name")
  stage_start=$SECONDS
  stage_name="$1"
  echo "== $1"
}
step() { # step NAME COMMAND...: a build or check that is not itself a counted test
  local name="$1"
  shift
  mark "$name"
  "$@" || steps_failed+=("$name")
}

step "UI type check" npm run --silent typecheck
mark "UI unit tests (vitest)"
npx vitest run --config ui/vite.config.ts --reporter=default --reporter=json --outputFile="$PWD/$OUT/vitest.json"
if [ -f "$OUT/vitest.json" ]; then
  read -r vp vf < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests)' "$PWD/$OUT/vitest.json")
  passed=$((passed + vp)); failed=$((failed + vf))
else
  steps_failed+=("vitest")
fi

step "UI build" npm run --silent build:ui
# Clippy runs inside the Rust build below (scripts/rust-test.sh), not here: one compile of the dependencies.
LINT_CLIPPY=in-build step "Lint and format (Biome, line length, rustfmt)" bash scripts/lint.sh
step "Dependency audit (cargo-deny: advisories, bans, licences, sources)" bash scripts/audit.sh

# The browser suite (Chromium, mostly waiting on pages) runs beside the Rust build and tests, which keep both
# cores busy; its result is read after them. Its own time is printed with the stage times.
browser_suite() {
  local t0=$SECONDS
  if npx vite build --config ui/vite.harness.config.ts --logLevel warn >"$OUT/harness-build.log" 2>&1; then
    node --test --test-reporter=tap ui/tests/ >"$OUT/browser.tap" 2>&1
  else
    echo "harness build failed" >"$OUT/browser.failed"
  fi
  echo "$((SECONDS - t0))" >"$OUT/browser.seconds"
}
browser_suite &
browser_pid=$!

mark "Rust tests (core, demo, CLI, shell)"
# One build for everything: the app binary the end-to-end suite drives is built here too (app_binary test), and
# clippy's lints come out of the same compile (scripts/rust-test.sh); a crate with a warning fails the lint step.
bash scripts/rust-test.sh --no-fail-fast 2>&1 | tee "$OUT/cargo.log"
if grep -E "^warning: .* generated [0-9]+ warnings?" "$OUT/cargo.log"; then
  steps_failed+=("clippy and rustc warnings in the Rust build (see above)")
fi
read -r cp cf < <(awk '/^test result:/ {for (i=1;i<=NF;i++) {if ($(i+1) ~ /^passed;/) p+=$i; if ($(i+1) ~ /^failed;/) f+=$i}} END {print p+0, f+0}' "$OUT/cargo.log")
passed=$((passed + cp)); failed=$((failed + cf))
grep -q "^test result:" "$OUT/cargo.log" || steps_failed+=("cargo test did not run")

mark "UI browser tests (Chromium, mocked IPC; started beside the Rust tests)"
wait "$browser_pid"
if [ -f "$OUT/browser.failed" ]; then
  cat "$OUT/harness-build.log"
  steps_failed+=("browser harness build")
else
  grep -E "^(not )?ok|^# (pass|fail)" "$OUT/browser.tap"
  bp=$(awk '/^# pass/ {print $3}' "$OUT/browser.tap"); bf=$(awk '/^# fail/ {print $3}' "$OUT/browser.tap")
  if [ -n "$bp" ]; then passed=$((passed + bp)); failed=$((failed + ${bf:-0})); else steps_failed+=("browser tests did not run"); fi
fi
echo "browser suite: $(cat "$OUT/browser.seconds" 2>/dev/null || echo ?) s of its own, beside the Rust tests"

mark "End-to-end (real WebKitGTK window, tauri-driver, Xvfb)"
if [ -x target/debug/bucketlens ]; then
  bash scripts/e2e.sh
  [ $? -eq 3 ] && steps_failed+=("e2e app log check")
  if [ -f e2e/artifacts/summary.json ]; then
    read -r ep ef < <(node -e 'const r=require(process.argv[1]);console.log(r.passed, r.failed)' "$PWD/e2e/artifacts/summary.json")
    passed=$((passed + ep)); failed=$((failed + ef))
  else
    steps_failed+=("e2e did not run")
  fi
else
  steps_failed+=("app build")
fi

mark "Package (.deb bundled from the test build, signed, installed with dpkg, started, removed)"
bash scripts/package-check.sh 2>&1 | tee "$OUT/package.log"
read -r pp pf < <(awk '/^package: [0-9]+ passed/ {print $2, $4}' "$OUT/package.log")
if [ -n "${pp:-}" ]; then passed=$((passed + pp)); failed=$((failed + pf)); else steps_failed+=("package check did not run"); fi

mark "done"
echo "== stage times"
for t in "${timings[@]}"; do echo "  $t"; done
for s in "${steps_failed[@]}"; do echo "step failed: $s"; done
failed=$((failed + ${#steps_failed[@]}))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
