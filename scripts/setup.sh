#!/usr/bin/env bash
# Installs what BucketLens needs on Debian/Ubuntu, skipping what is already there.
#   scripts/setup.sh        build and run (system libraries, npm packages)
#   scripts/setup.sh test   also the end-to-end tools (Xvfb, D-Bus, WebKitWebDriver, ImageMagick, tauri-driver)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-run}"

PKGS=(libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev
      libayatana-appindicator3-dev libxdo-dev build-essential pkg-config libssl-dev file fonts-noto-cjk)
if [ "$MODE" = test ]; then
  PKGS+=(xvfb xauth webkit2gtk-driver imagemagick chromium dbus xclip minisign)
fi

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: Rust is not installed. Install it from https://rustup.rs (then open a new terminal) and run this again." >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js 20 or newer is needed (found $(node --version))." >&2
  exit 1
fi

# npm packages: reinstall only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$MODE" = test ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver 2.1.0"
  cargo install tauri-driver --version 2.1.0 --locked --quiet
fi
