#!/usr/bin/env bash
# Fuzzes each Jazzer @FuzzTest for a bounded time: each test's own maxDuration (the project keeps
# it at 15s), and a hard stop of SECONDS_PER_TARGET+90s per run as a safety net. Jazzer fuzzes one target per JUnit run, so each
# fuzz test class runs in its own Surefire invocation. Crashing inputs land under
# src/test/resources/<package>/<Class>FuzzTestInputs/ and fail the run.
# Usage: .ci/fuzz.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"
status=0
# Each target runs alone with "-pl MODULE surefire:test", which resolves the other ins-sdk modules
# from the local repository: install them once (no tests, no javadoc) before fuzzing.
mvn -B -ntp -q install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
while IFS= read -r f; do
  module="${f%%/src/*}"
  cls="$(basename "$f" .java)"
  for m in $(grep -A4 '@FuzzTest' "$f" | grep -oE 'void +[A-Za-z0-9_]+' | awk '{print $2}' | sort -u); do
    echo "== fuzz ${module} ${cls}#${m} (${secs}s)"
    if ! JAZZER_FUZZ=1 timeout "$((secs + 90))" mvn -B -ntp -q -o -pl "$module" surefire:test \
        -Dtest="${cls}#${m}" -Dsurefire.failIfNoSpecifiedTests=false >"/tmp/fuzz-${cls}-${m}.log" 2>&1; then
      echo "!! fuzz target ${cls}#${m} failed:"; tail -n 60 "/tmp/fuzz-${cls}-${m}.log"; status=1
    else
      grep -E "Tests run:" "/tmp/fuzz-${cls}-${m}.log" | tail -n 1 || true
    fi
  done
done < <(grep -rlE '@FuzzTest' --include='*FuzzTest.java' . | grep '/src/test/java/' | sort)
exit $status
