#!/usr/bin/env bash
# Prints one closing line, "tests: N passed, N failed, N skipped", summed over every module's
# Surefire reports, and exits non-zero when a test failed.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, sys, xml.etree.ElementTree as ET
t = f = s = 0
for path in glob.glob("*/target/surefire-reports/TEST-*.xml"):
    r = ET.parse(path).getroot()
    t += int(r.get("tests", 0)); s += int(r.get("skipped", 0))
    f += int(r.get("failures", 0)) + int(r.get("errors", 0))
print(f"tests: {t - f - s} passed, {f} failed, {s} skipped")
sys.exit(1 if f or t == 0 else 0)
PY
