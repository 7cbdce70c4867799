#!/usr/bin/env bash
# Quick JMH run of every ins-sdk benchmark (one fork, short iterations), then the ours/baseline
# table. Build first:  mvn -B -ntp -pl ins-benchmarks -am package -DskipTests
# Usage: ins-benchmarks/quick-bench.sh [persons for the dedup benchmark, default 100000]
set -euo pipefail
# -Djmh.ignoreLock=true: on a shared machine another JMH run may hold /tmp/jmh.lock; the numbers are
# then noisier, which the results table must say.
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
PERSONS="${1:-100000}"
[ -f "$JAR" ] || { echo "missing $JAR: build ins-benchmarks first" >&2; exit 2; }
java -Djmh.ignoreLock=true -jar "$JAR" -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc -rf json -rff target/jmh-micro.json \
  'NirKeyBenchmark|NormalizeBenchmark|JaroWinklerBenchmark|StrictVerdictBenchmark' | tee target/jmh-micro.txt
java -Djmh.ignoreLock=true -jar "$JAR" -f 1 -wi 1 -i 3 -p persons="$PERSONS" -p threads=2 -rf json -rff target/jmh-dedup.json \
  DedupBenchmark | tee target/jmh-dedup.txt
java -cp "$JAR" dev.ins.benchmarks.Ratios target/jmh-micro.json
java -cp "$JAR" dev.ins.benchmarks.Ratios target/jmh-dedup.json
grep -o 'QUALITY.*' target/jmh-dedup.txt | sort | uniq -c
