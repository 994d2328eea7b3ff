#!/usr/bin/env bash
# Bundles the .deb from the debug app the test stage built (the same build, profile and features: nothing is
# compiled again; built here with the same command when run alone), the way the release workflow does when its
# signing secret is set (scripts/updater-config.sh, with a throwaway key pair made here), checks the updater
# signature with minisign, installs the package with dpkg, starts the installed binary with --demo under
# Xvfb, checks through WebDriver that the window shows the demo listing, then removes the package.
# Prints "package: N passed, M failed".
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
keys="$(mktemp -d)"
CI=true npx tauri signer generate --ci -p "" -w "$keys/updater.key" >/dev/null
bash scripts/updater-config.sh "$keys/updater.conf.json" "https://updates.example.com/latest.json" \
  "$(cat "$keys/updater.key.pub")"
rm -f target/debug/bundle/deb/*.deb target/debug/bundle/deb/*.sig
[ -d ui/dist ] || npm run --silent build:ui
# The build scripts/test.sh makes, so it is reused as is (a no-op after the test stage).
bash scripts/rust-test.sh --no-run --quiet 2>&1 | tail -n 2
TAURI_SIGNING_PRIVATE_KEY="$(cat "$keys/updater.key")" TAURI_SIGNING_PRIVATE_KEY_PASSWORD="" \
  npx tauri bundle --debug --bundles deb --config "$keys/updater.conf.json" 2>&1 | tail -n 4
deb="$(ls -t target/debug/bundle/deb/*.deb 2>/dev/null | head -n 1)"
check "a .deb is built" test -f "$deb"
signed_for_version() { # the .sig verifies against the public key and is bound to the app's version
  base64 -d <"$deb.sig" >"$keys/deb.minisig" && base64 -d <"$keys/updater.key.pub" >"$keys/updater.pub" &&
    minisign -Vm "$deb" -x "$keys/deb.minisig" -p "$keys/updater.pub" -o >/dev/null &&
    grep -q "version:$(node -p 'require("./tauri.conf.json").version')" "$keys/deb.minisig"
}
check "its updater signature verifies and names the version" signed_for_version
if [ -f "$deb" ]; then
  dpkg-deb --info "$deb" | sed -n '1,20p' >"$OUT/deb-info.txt"
  check "the package depends on WebKitGTK 4.1" grep -q "libwebkit2gtk-4.1" "$OUT/deb-info.txt"
  pkg="$(dpkg-deb -f "$deb" Package)"
  check "dpkg installs it" $SUDO dpkg -i "$deb"
  check "the binary is on PATH" test -x /usr/bin/bucketlens
  check "the desktop entry is installed" test -f /usr/share/applications/BucketLens.desktop
  # The link reaches the app as its argument (%u): the scheme is the deep-link plugin's, the template ours.
  check "it opens bucketlens:// links" grep -q "x-scheme-handler/bucketlens" /usr/share/applications/BucketLens.desktop
  check "a link reaches it as an argument" grep -qx "Exec=bucketlens %u" /usr/share/applications/BucketLens.desktop
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
rm -rf "$keys"
echo "package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
