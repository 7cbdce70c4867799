#!/usr/bin/env bash
# ins-insi-client: SoftHSM2 stands in for the CPS card's PKCS#11 token in the assertion-signing and
# certificate-doctor tests (the tests create their own token under target/). Idempotent.
set -euo pipefail
if ! dpkg-query -W -f='${Status}' softhsm2 2>/dev/null | grep -q "install ok installed"; then
  echo "ins-insi-client setup: installing softhsm2"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends softhsm2
fi
