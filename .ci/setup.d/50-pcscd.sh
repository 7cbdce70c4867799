#!/usr/bin/env bash
# ins-cardreader: a real PC/SC stack for the end-to-end tests (pcscd + vsmartcard's virtual reader
# vpcd, which the module's Java virtual cards connect to) and SoftHSM2 (CPS stand-in behind
# SunPKCS11). Idempotent: quick when everything is already installed and pcscd already runs.
# pcscd runs in the foreground (-f) in its own session, its PID in $STATE/pcscd.pid; readiness is
# the daemon socket plus vpcd's port in LISTEN state, read from /proc/net/tcp (never a TCP probe:
# vpcd would take the probe connection as a card that vanishes).
# A pcscd started here that lists no vpcd reader (the driver installed after it started) is
# restarted; one started otherwise (a workstation's, for a real reader) is left alone, with a warning.
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

if alive && ! listening "$PORT"; then
  # Ours, but without vpcd's readers (vsmartcard-vpcd installed after it started): restart it.
  echo "ins-cardreader setup: the pcscd started here lists no vpcd reader (:$PORT not listening); restarting it"
  pid=$(cat "$STATE/pcscd.pid")
  kill -TERM "$pid" 2>/dev/null || true
  tail --pid="$pid" -f /dev/null & waiter=$!
  ( sleep 10; kill "$waiter" 2>/dev/null ) & timer=$!
  wait "$waiter" 2>/dev/null || true
  kill "$timer" 2>/dev/null || true
  rm -f "$STATE/pcscd.pid"
fi

if alive || pgrep -x pcscd >/dev/null; then
  if listening "$PORT"; then
    echo "ins-cardreader setup: pcscd already running, vpcd on :$PORT"
  else
    # Not ours (a workstation's own pcscd for a real reader): say what the tests will do.
    echo "ins-cardreader setup: WARNING: a pcscd not started by this script runs without vpcd's" \
      "readers (:$PORT not listening): the virtual-card tests skip (and fail with CI=true);" \
      "restart that pcscd now that vsmartcard-vpcd is installed" >&2
  fi
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
