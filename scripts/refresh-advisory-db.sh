#!/usr/bin/env bash
# Replaces the committed RustSec advisory snapshot (audit/advisory-db) with a newer one.
#   scripts/refresh-advisory-db.sh              clone https://github.com/rustsec/advisory-db (needs GitHub)
#   scripts/refresh-advisory-db.sh DIR          copy from a checkout or plain-file copy of it
# Then run scripts/audit.sh, read what it reports, and commit audit/advisory-db with the result.
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -z "$src" ]; then
  git clone --quiet --depth 1 https://github.com/rustsec/advisory-db "$tmp/db"
  src="$tmp/db"
fi
[ -d "$src/crates" ] || { echo "refresh: $src has no crates/ folder; is it the advisory database?" >&2; exit 1; }
if git -C "$src" rev-parse HEAD >/dev/null 2>&1; then
  commit="$(git -C "$src" rev-parse HEAD)"
  day="$(git -C "$src" show -s --format=%cs HEAD)"
elif [ -f "$src/SNAPSHOT.txt" ]; then
  commit="$(grep -o 'commit [0-9a-f]*' "$src/SNAPSHOT.txt" | cut -d' ' -f2)"
  day="$(grep -o '([0-9-]*)' "$src/SNAPSHOT.txt" | tr -d '()')"
else
  echo "refresh: cannot tell which commit $src is (no .git, no SNAPSHOT.txt)" >&2
  exit 1
fi
rm -rf audit/advisory-db
mkdir -p audit/advisory-db
for part in crates rust LICENSE.txt LICENSES README.md support.toml; do
  [ -e "$src/$part" ] && cp -r "$src/$part" audit/advisory-db/
done
echo "RustSec advisory-db snapshot, commit $commit ($day), plain files (no .git)." >audit/advisory-db/SNAPSHOT.txt
echo "refresh: audit/advisory-db is now $commit of $day; run scripts/audit.sh"
