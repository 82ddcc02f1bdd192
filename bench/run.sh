#!/usr/bin/env bash
# The benchmark: opens a heap file the way a user does and prints what it cost.
#   bench/run.sh FILE [ORACLE_SUMMARY.json] [JVM options...]
# 1. `heapscope info FILE`: wall time of every phase, peak Java heap and peak RSS of that process;
# 2. `heapscope summary FILE --json` under /usr/bin/time: the whole process, JVM start to printed JSON;
# 3. with ORACLE_SUMMARY.json (from ../shared/devtools-oracle): every class row compared with DevTools'.
# Needs `mvn -q -B package -DskipTests` first. Big files: make them with bench/v8/make-typescript-snapshot.sh or
# bench/hprof/ (see the READMEs there). Run on a quiet machine: other jobs on the two cores skew every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
file=$1; shift
oracle=""
if [[ $# -gt 0 && $1 == *.json ]]; then oracle=$1; shift; fi
jar=target/heapscope.jar
echo "== heapscope info $file"
java "$@" -jar "$jar" info "$file"
echo "== whole process: heapscope summary --json"
out=$(mktemp --suffix=.json)
/usr/bin/time -f "wall %e s, max RSS %M KB" java "$@" -jar "$jar" summary "$file" --json --no-progress > "$out"
if [[ -n $oracle ]]; then
  echo "== compared with DevTools"
  python3 ../shared/devtools-oracle/compare.py summary "$oracle" "$out" | tail -1
fi
rm -f "$out"
