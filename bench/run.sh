#!/usr/bin/env bash
# The benchmark: opens a heap file the way a user does and prints what it cost.
#   bench/run.sh FILE [ORACLE_SUMMARY.json] [JVM options...]
# 1. `heapscope info FILE --no-cache`: wall time of every phase, peak Java heap and peak RSS of that process;
# 2. `heapscope summary FILE --json` under /usr/bin/time, twice, with an analysis cache of its own (a fresh temporary
#    folder): the first open (analysis, then the cache entry written before the process exits) and the reopen (the
#    stored analysis read), whole process, JVM start to printed JSON; then the entry's size;
# 3. with ORACLE_SUMMARY.json (from ../shared/devtools-oracle): every class row compared with DevTools'.
# Needs `mvn -q -B package -DskipTests` first. Big files: make them with bench/v8/make-typescript-snapshot.sh or
# bench/hprof/ (see the READMEs there). Run on a quiet machine: other jobs on the two cores skew every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
file=$1; shift
oracle=""
if [[ $# -gt 0 && $1 == *.json ]]; then oracle=$1; shift; fi
jar=target/heapscope.jar
cache=$(mktemp -d)
out=$(mktemp --suffix=.json)
trap 'rm -rf "$cache" "$out"' EXIT
export HEAPSCOPE_CACHE_DIR=$cache
echo "== heapscope info $file --no-cache (load average $(cut -d' ' -f1 /proc/loadavg))"
java "$@" -jar "$jar" info "$file" --no-cache
for open in "first open" "reopen"; do
  echo "== whole process, $open: heapscope summary --json (load average $(cut -d' ' -f1 /proc/loadavg))"
  /usr/bin/time -f "wall %e s, CPU %U s user + %S s system, max RSS %M KB" \
      java "$@" -jar "$jar" summary "$file" --json --no-progress > "$out"
done
echo "== analysis cache: $(du -sh "$cache" | cut -f1) in $cache"
if [[ -n $oracle ]]; then
  echo "== compared with DevTools"
  python3 ../shared/devtools-oracle/compare.py summary "$oracle" "$out" | tail -1
fi
