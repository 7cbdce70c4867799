#!/usr/bin/env bash
# ins-interop: libdmtx's command-line tools (Debian dmtx-utils), the independent DataMatrix
# implementation the interop test checks our symbols against (dmtxread decodes what we render,
# we read what dmtxwrite renders). Idempotent: returns at once when both tools are installed.
set -euo pipefail
if command -v dmtxread >/dev/null 2>&1 && command -v dmtxwrite >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends dmtx-utils >/dev/null
command -v dmtxread >/dev/null && command -v dmtxwrite >/dev/null
