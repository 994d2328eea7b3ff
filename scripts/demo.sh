#!/usr/bin/env bash
# Installs what is missing, builds BucketLens, and opens it on the built-in demo bucket (no AWS account needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
npm run build:ui
cargo build -p bucketlens --features custom-protocol
exec ./target/debug/bucketlens --demo "$@"
