#!/usr/bin/env bash
# The one Rust build CI makes: every workspace crate and target with the app's end-to-end features, compiled
# by clippy-driver (RUSTC_WORKSPACE_WRAPPER), so the lints come out of the same compile as the tests, the app
# binary the end-to-end suite drives and the binary the package check bundles. A separate `cargo clippy`
# would check all ~600 dependencies a second time (about ten minutes of the cold run on two cores).
# Usage: bash scripts/rust-test.sh [cargo test options]   e.g. --no-run, --no-fail-fast
# Lint findings are warnings here (tests still run); scripts/test.sh counts "generated N warnings" as a failed
# lint step. Developers can still run scripts/lint.sh, which runs cargo clippy on its own.
set -uo pipefail
cd "$(dirname "$0")/.."
RUSTC_WORKSPACE_WRAPPER="$(command -v clippy-driver)" exec cargo test --workspace \
  --features bucketlens/custom-protocol,bucketlens/e2e "$@"
