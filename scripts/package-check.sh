#!/usr/bin/env bash
# Builds the .deb (debug profile, to stay within CI's budget), installs it with dpkg, starts the
# installed binary with --demo under Xvfb, checks through WebDriver that the window shows the demo
# listing, then removes the package. Prints "package: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=target/test-results
mkdir -p "$OUT"
passed=0
failed=0
check() { # check NAME COMMAND...
  if "${@:2}"; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi
}

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
npx tauri build --debug --bundles deb --no-sign 2>&1 | tail -n 4
deb="$(ls -t target/debug/bundle/deb/*.deb 2>/dev/null | head -n 1)"
check "a .deb is built" test -f "$deb"
if [ -f "$deb" ]; then
  dpkg-deb --info "$deb" | sed -n '1,20p' >"$OUT/deb-info.txt"
  check "the package depends on WebKitGTK 4.1" grep -q "libwebkit2gtk-4.1" "$OUT/deb-info.txt"
  pkg="$(dpkg-deb -f "$deb" Package)"
  check "dpkg installs it" $SUDO dpkg -i "$deb"
  check "the binary is on PATH" test -x /usr/bin/bucketlens
  check "the desktop entry is installed" test -f /usr/share/applications/BucketLens.desktop
  check "the installed binary answers --version" bash -c '/usr/bin/bucketlens --version | grep -q "^BucketLens "'

  home="$(mktemp -d)"
  display=":$((190 + RANDOM % 50))"
  Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
  DISPLAY="$display" BUCKETLENS_CONFIG_DIR="$home/config" BUCKETLENS_DATA_DIR="$home/data" \
    AWS_CONFIG_FILE="$home/none" AWS_SHARED_CREDENTIALS_FILE="$home/none" tauri-driver --port 4447 --native-port 4448 >"$OUT/package-driver.log" 2>&1 &
  driver_pid=$!
  check "the installed app shows the demo listing" env DISPLAY="$display" node e2e/installed.mjs /usr/bin/bucketlens 4447
  kill "$driver_pid" "$xvfb_pid" 2>/dev/null
  wait "$driver_pid" "$xvfb_pid" 2>/dev/null
  check "dpkg removes it" bash -c "$SUDO dpkg -r '$pkg' && ! dpkg -s '$pkg' >/dev/null 2>&1"
  check "nothing is left on PATH" test ! -e /usr/bin/bucketlens
fi
echo "package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
