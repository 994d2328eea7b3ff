#!/usr/bin/env bash
# Writes the Tauri config overlay that turns on signed updater artifacts and names the update feed.
#   scripts/updater-config.sh OUT.json FEED_URL [PUBKEY]
# The release workflow uses it when TAURI_SIGNING_PRIVATE_KEY is set; the package check uses it with a
# throwaway key (PUBKEY replaces the committed public key only there).
set -euo pipefail
out="$1" feed="$2" pubkey="${3:-}"
node -e '
  const [out, feed, pubkey] = process.argv.slice(1);
  const updater = { endpoints: [feed] };
  if (pubkey) updater.pubkey = pubkey;
  require("node:fs").writeFileSync(out, JSON.stringify({ bundle: { createUpdaterArtifacts: true }, plugins: { updater } }));
' "$out" "$feed" "$pubkey"
