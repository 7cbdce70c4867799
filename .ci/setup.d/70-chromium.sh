#!/usr/bin/env bash
# ins-practice: the HTML posture report is checked in a real headless Chromium
# (HtmlReportChromiumTest: screenshot, no console message, RED/AMBER/GREEN rows, one A4 page).
# Debian's own package; no browser download. Idempotent: returns at once when installed.
# The test runs Chromium as root with --no-sandbox and a fresh --user-data-dir, network features off.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
command -v chromium >/dev/null
