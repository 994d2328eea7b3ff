#!/usr/bin/env bash
# Runs every benchmark (not part of the test suite) and writes bench/out/results.json.
# Usage: bench/run.sh [runs]   (default 5 runs of each measurement)
#   LISTING_KEYS=N  keys under the listed prefix (default 100000; see BENCHMARKS.md for why a run may use fewer)
#   RUNS_1GIB=N     runs of the 1 GiB upload (default: runs)
#   BENCH_APP=PATH  the app binary to measure (default: a release build made here, ~8 min cold)
#   MILLION_RUNS=N  runs of the 1,000,000-key listing (CLI vs boto3) and of the window on it (default 3; 0 skips)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
missing=()
for p in time curl python3-venv; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
VENV=target/bench/venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q "boto3==1.*" "pillow==11.*"
cargo build --release -p bucketlens-cli
cargo build --release -p bucketlens-core --example presign_bench
if [ -z "${BENCH_APP:-}" ]; then # the app as users get it: release build with the UI embedded
  [ -d node_modules ] || npm ci --silent >/dev/null
  npm run --silent build:ui >/dev/null
  cargo build --release --features custom-protocol -p bucketlens --bin bucketlens
fi
# The floor the app is compared with: the same Tauri and WebKitGTK, one window, one static page.
cargo build --release --features custom-protocol -p bucketlens-probe
mkdir -p bench/out
echo "== presign (20,000 URLs per run)"
target/release/examples/presign_bench --count 20000 --runs "$RUNS" | tee bench/out/presign-rust.json
"$VENV/bin/python" bench/presign_boto3.py 20000 "$RUNS" | tee bench/out/presign-boto3.json
echo "== listing (${LISTING_KEYS:-100000} keys under one prefix)"
"$VENV/bin/python" bench/listing.py "$RUNS" | tee bench/out/listing.json
MILLION_RUNS="${MILLION_RUNS:-3}"
if [ "$MILLION_RUNS" -gt 0 ]; then
  echo "== listing (1,000,000 keys under one prefix)"
  LISTING_KEYS=1000000 "$VENV/bin/python" bench/listing.py "$MILLION_RUNS" | tee bench/out/listing-1m.json
  echo "== search (1,000,000 keys under one prefix, a glob matching 10,000)"
  "$VENV/bin/python" bench/search.py "$MILLION_RUNS" | tee bench/out/search.json
fi
echo "== upload (10 MiB, 100 MiB, 1 GiB)"
"$VENV/bin/python" bench/upload.py "$RUNS" | tee bench/out/upload.json
echo "== app (real window under Xvfb; the release build unless BENCH_APP names another)"
APP="${BENCH_APP:-target/release/bucketlens}"
if [ -x "$APP" ] && command -v tauri-driver >/dev/null; then
  H="$(mktemp -d)"
  Xvfb :151 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  export AWS_CONFIG_FILE="$H/aws-config" AWS_SHARED_CREDENTIALS_FILE="$H/aws-credentials" BUCKETLENS_CONFIG_DIR="$H/config" BUCKETLENS_DATA_DIR="$H/data"
  # The probe gets the rendering mode the app chooses for itself here (src-tauri/src/render.rs): without a
  # GPU render node, WebKit's compositing off. Set for the driver, so the app and the probe both inherit it.
  ls /dev/dri/renderD* >/dev/null 2>&1 || export WEBKIT_DISABLE_COMPOSITING_MODE=1
  DISPLAY=:151 tauri-driver --port 4450 --native-port 4451 >/dev/null 2>&1 &
  driver=$!
  DISPLAY=:151 node bench/app.mjs "$APP" target/release/bucketlens-cli "$RUNS" target/release/bucketlens-probe |
    tee bench/out/app.json
  echo "== the gallery and the full-window viewer (500 pictures)"
  DISPLAY=:151 node bench/gallery.mjs "$APP" target/release/bucketlens-cli "$RUNS" | tee bench/out/gallery.json
  if [ "$MILLION_RUNS" -gt 0 ]; then
    echo "== a million keys in the window"
    DISPLAY=:151 node bench/million.mjs "$APP" target/release/bucketlens-cli target/bench/listing-s3-1000000 \
      "$MILLION_RUNS" | tee bench/out/million.json
    echo "== search over a million keys in the window"
    DISPLAY=:151 node bench/search-window.mjs "$APP" target/release/bucketlens-cli target/bench/listing-s3-1000000 \
      "$MILLION_RUNS" | tee bench/out/search-window.json
  fi
  kill "$driver" "$xvfb" 2>/dev/null || true
fi
"$VENV/bin/python" - <<'PY'
import json
r = {k: json.load(open(f"bench/out/{k}.json")) for k in ("presign-rust", "presign-boto3", "listing", "listing-1m", "search", "upload", "app", "million", "search-window", "gallery") if __import__("os").path.exists(f"bench/out/{k}.json")}
json.dump(r, open("bench/out/results.json", "w"), indent=2)
print("wrote bench/out/results.json")
PY
