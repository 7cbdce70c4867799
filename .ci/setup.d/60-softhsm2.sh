#!/usr/bin/env bash
# SoftHSM2 for the PKCS#11 tests of ins-security (key-encryption key, credentials on a token) and
# ins-insi-client (CPS assertion signed on a token, certificate doctor).
# Idempotent: returns at once when the library is already installed. The tests create their own
# token under ins-security/target/softhsm (SOFTHSM2_CONF is set by the module's Surefire config).
set -euo pipefail
if [ -f /usr/lib/softhsm/libsofthsm2.so ] && command -v softhsm2-util >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends softhsm2 >/dev/null
test -f /usr/lib/softhsm/libsofthsm2.so
