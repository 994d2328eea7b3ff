#!/usr/bin/env bash
# The real-window end-to-end suite alone: Xvfb, tauri-driver, the debug app built with feature `e2e`
# (scripts/test.sh builds it), the embedded S3 through temporary AWS profiles; then the app log is checked
# for unredacted presigned URLs. Results: e2e/artifacts/summary.json and screenshots beside it.
# Exit 0 only when every flow passed and the log holds minted URLs, all redacted.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=target/test-results
mkdir -p "$OUT"
E2E_HOME="$(mktemp -d)"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1
# A session bus of its own: the single-instance check finds the running app through it.
read -r DBUS_SESSION_BUS_ADDRESS dbus_pid < <(dbus-daemon --session --fork --print-address=1 --print-pid=1 | paste -sd " ")
export DBUS_SESSION_BUS_ADDRESS
export E2E_HOME BUCKETLENS_CONFIG_DIR="$E2E_HOME/config" BUCKETLENS_DATA_DIR="$E2E_HOME/data" \
  AWS_CONFIG_FILE="$E2E_HOME/aws-config" AWS_SHARED_CREDENTIALS_FILE="$E2E_HOME/aws-credentials"
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL
# The IAM Identity Center fakes listen on ports chosen here, so the app (started by tauri-driver before the
# fakes exist) reaches them for a sign-in that no profile names yet (adding an SSO profile). The ports are
# below Linux's ephemeral range (32768 up): a port there that nothing listens on may still be the local end of
# an outgoing connection, and listening on it then fails (EADDRINUSE, seen once in a local run).
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
export E2E_OIDC_PORT="$(free_port)" E2E_PORTAL_PORT="$(free_port)"
export AWS_ENDPOINT_URL_SSO_OIDC="http://127.0.0.1:$E2E_OIDC_PORT" AWS_ENDPOINT_URL_SSO="http://127.0.0.1:$E2E_PORTAL_PORT"
if (exec 3<>/dev/tcp/127.0.0.1/4444) 2>/dev/null; then
  echo "port 4444 is taken (a tauri-driver left running?); the end-to-end suite needs it" >&2
fi
# HOME too: the app keeps SSO sign-ins in ~/.aws/sso/cache, as the AWS CLI does.
HOME="$E2E_HOME" DISPLAY="$display" tauri-driver --port 4444 --native-port 4446 >"$OUT/tauri-driver.log" 2>&1 &
driver_pid=$!
DISPLAY="$display" node e2e/run.mjs target/debug/bucketlens target/debug/bucketlens-cli
rc=$?
kill "$driver_pid" "$xvfb_pid" "$dbus_pid" 2>/dev/null
wait "$driver_pid" "$xvfb_pid" 2>/dev/null

# The app logs every URL it mints; the log must hold them only redacted.
if ! grep -q "X-Amz-Signature=REDACTED" "$E2E_HOME"/data/logs/* 2>/dev/null; then
  echo "app log: no minted URL found" >&2
  exit 3
elif grep -qE "X-Amz-(Signature|Credential|Security-Token)=[^R&]" "$E2E_HOME"/data/logs/*; then
  echo "app log: an unredacted presigned URL" >&2
  exit 3
fi
echo "app log: $(grep -c 'X-Amz-Signature=REDACTED' "$E2E_HOME"/data/logs/*) minted URLs, all redacted"
# No GPU here (Xvfb, no /dev/dri render node): the app must have turned WebKit's compositing off by itself,
# and every flow above ran, screenshots included, in that mode.
if ! ls /dev/dri/renderD* >/dev/null 2>&1 && ! grep -q "rendering=SoftwareOnly" "$E2E_HOME"/data/logs/*; then
  echo "app log: no GPU here, yet the app did not turn compositing off" >&2
  exit 3
fi
echo "app log: rendering $(grep -ohE 'rendering=[A-Za-z]+' "$E2E_HOME"/data/logs/* | sort | uniq -c | tr -s ' ')"
rm -rf "$E2E_HOME"
exit "$rc"
