#!/bin/bash
# Times the object matching and the leak report on the series make-series.sh writes, whole process under GNU time, without the analysis cache (every run analyses the dumps):
#   summary of the last dump alone (the cost of loading one dump), diff of the last two (loading both and matching
#   them), summary --allocated-between over all three, and leaks over all three.
# Usage: bench/hprof/run-series.sh [RUNS]   (heap -Xmx3g; BENCH_DATA as make-series.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${BENCH_DATA:-$repo/bench/data}
runs=${1:-3}
jar="$repo/target/heapscope.jar"
[ -f "$jar" ] || { echo "build first: mvn -q -B package -DskipTests" >&2; exit 1; }
s1="$data/json-series-1.hprof"; s2="$data/json-series-2.hprof"; s3="$data/json-series-3.hprof"
measure() {
    local label=$1; shift
    for run in $(seq "$runs"); do
        /usr/bin/time -f "$label: %e s wall, %U s user, %M KB peak RSS" java -Xmx3g -jar "$jar" "$@" --no-progress --no-cache \
            > /dev/null 2> "$data/time.err" || { cat "$data/time.err" >&2; exit 1; }
        tail -1 "$data/time.err"
    done
}
measure "summary (one dump)" summary "$s3" --json
measure "diff (two dumps)" diff "$s2" "$s3" --json
measure "summary --allocated-between (three dumps)" summary "$s3" --allocated-between "$s1" "$s2" --json
measure "leaks (three dumps)" leaks "$s1" "$s2" "$s3" --json
