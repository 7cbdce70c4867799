#!/usr/bin/env bash
# ins-cardreader: a real PC/SC stack for the end-to-end tests (pcscd + vsmartcard's virtual reader
# vpcd, which the module's Java virtual cards connect to) and SoftHSM2 (CPS stand-in behind
# SunPKCS11). Idempotent: quick when everything is already installed and pcscd already runs.
# pcscd runs in the foreground (-f) in its own session, its PID in $STATE/pcscd.pid; readiness is
# the daemon socket plus vpcd's port in LISTEN state, read from /proc/net/tcp (never a TCP probe:
# vpcd would take the probe connection as a card that vanishes).
# Stopping: with CI=true the pcscd started here is stopped (SIGTERM) when the process that ran this
# script (.ci/run) exits: a watcher blocks on `tail --pid` (no polling) and then signals it. Set
# PCSC_OWNER_PID to watch another process, or to "none" for no watcher. By hand:
#   kill "$(cat ${PCSC_STATE_DIR:-/tmp/ins-pcsc}/pcscd.pid)"
set -euo pipefail
STATE=${PCSC_STATE_DIR:-/tmp/ins-pcsc}
SOCK=/run/pcscd/pcscd.comm
PORT=35963
PKGS=(pcscd vsmartcard-vpcd libpcsclite1 softhsm2 opensc)
mkdir -p "$STATE"

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ins-cardreader setup: installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

listening() {
  local hex; hex=$(printf '%04X' "$1")
  grep -qiE "^ *[0-9]+: [0-9A-F]+:$hex [0-9A-F]+:0000 0A" /proc/net/tcp /proc/net/tcp6 2>/dev/null
}
alive() { [ -f "$STATE/pcscd.pid" ] && kill -0 "$(cat "$STATE/pcscd.pid")" 2>/dev/null; }

if alive || pgrep -x pcscd >/dev/null; then
  echo "ins-cardreader setup: pcscd already running"
else
  rm -f "$SOCK"   # a stale socket from a killed pcscd blocks startup
  setsid pcscd -f >"$STATE/pcscd.log" 2>&1 </dev/null &
  echo $! >"$STATE/pcscd.pid"
  for _ in $(seq 1 200); do
    if [ -S "$SOCK" ] && listening "$PORT"; then break; fi
    alive || { echo "pcscd died:" >&2; cat "$STATE/pcscd.log" >&2; exit 1; }
    sleep 0.05
  done
  [ -S "$SOCK" ] && listening "$PORT" || { echo "pcscd not ready after 10 s" >&2; cat "$STATE/pcscd.log" >&2; exit 1; }
  echo "ins-cardreader setup: pcscd ready (pid $(cat "$STATE/pcscd.pid")), vpcd on :$PORT and :$((PORT + 1))"
  owner=${PCSC_OWNER_PID:-}
  if [ -z "$owner" ] && [ "${CI:-}" = "true" ]; then owner=$PPID; fi
  if [ -n "$owner" ] && [ "$owner" != "none" ] && kill -0 "$owner" 2>/dev/null; then
    echo "$owner" >"$STATE/owner.pid"
    setsid bash -c "tail --pid=$owner -f /dev/null; kill -TERM $(cat "$STATE/pcscd.pid") 2>/dev/null" \
      >/dev/null 2>&1 </dev/null &
    echo "ins-cardreader setup: pcscd will be stopped when process $owner exits"
  fi
fi
