#!/bin/bash
# Measures the HPROF reader and the whole summary path on the dumps make-dumps.sh made.
# For each dump: the reader alone (HprofBench: time per phase, nodes, edges, bytes per object) and
# `heapscope summary FILE --json` and `heapscope info FILE` (every phase up to the retained sizes), each under
# /usr/bin/time -v for the wall time and the peak RSS of the whole process.
# Usage: bench/hprof/run-bench.sh [dump names without .hprof ...]   (default: maven-build json-500mb json-2500mb)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${BENCH_DATA:-$repo/bench/data}
java_home=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
hppc=${M2_REPO:-$HOME/.m2/repository}/com/carrotsearch/hppc/0.10.0/hppc-0.10.0.jar
(cd "$repo" && mvn -q -B -DskipTests package)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$java_home/bin/javac" -cp "$repo/target/classes:$hppc" -d "$work" "$here/src/HprofBench.java"

# The heap the issue allows each size: -Xmx2g up to 500 MB dumps, -Xmx6g above.
xmx_for() {
    local bytes
    bytes=$(stat -c %s "$1")
    if [ "$bytes" -le $((600 * 1024 * 1024)) ]; then echo 2g; else echo 6g; fi
}

timed() { # label command...: runs it under /usr/bin/time -v, prints wall time and peak RSS
    local label=$1
    shift
    /usr/bin/time -v "$@" > "$work/out" 2> "$work/time" || { cat "$work/time" >&2; exit 1; }
    local wall rss cpu
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$work/time")
    cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.1f s (user %.1f, system %.1f)", u + s, u, s}' "$work/time")
    printf '%-28s wall %s, CPU %s, peak RSS %s\n' "$label" "$wall" "$cpu" "$rss"
}

names=("$@")
[ ${#names[@]} -gt 0 ] || names=(maven-build json-500mb json-2500mb)
for name in "${names[@]}"; do
    file="$data/$name.hprof"
    xmx=$(xmx_for "$file")
    echo "== $name.hprof ($(du -h "$file" | cut -f1), -Xmx$xmx), load average $(cut -d' ' -f1 /proc/loadavg)"
    timed "reader (HprofBench)" "$java_home/bin/java" -Xmx$xmx -cp "$repo/target/classes:$hppc:$work" HprofBench "$file"
    sed 's/^/    /' "$work/out"
    timed "summary --json" "$java_home/bin/java" -Xmx$xmx -jar "$repo/target/heapscope.jar" summary "$file" --json
    timed "info" "$java_home/bin/java" -Xmx$xmx -jar "$repo/target/heapscope.jar" info "$file" --no-progress
    grep -E '…|Total|Peak|Engine' "$work/out" | sed 's/^/    /'
done
