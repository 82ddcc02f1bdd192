#!/usr/bin/env bash
# The app's time from a file being chosen to its Summary showing rows, first open then reopen (analysis cache).
#   bench/app/summary-latency.sh FILE [JVM options...]
# Needs `mvn -q -B package -DskipTests` first, and Xvfb (apt-get install xvfb libgtk-3-0). The cache is a fresh
# folder of its own (HEAPSCOPE_CACHE_DIR), removed at the end; the app's preferences node is heapscope-bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
file=$1; shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp="target/heapscope.jar:$(ls target/lib/*.jar | tr '\n' ':')"
javac -cp "$cp" -d "$work/classes" bench/app/SummaryLatency.java
export HEAPSCOPE_CACHE_DIR="$work/cache"
for run in "first open" "reopen"; do
  echo "== $run, load average $(cut -d' ' -f1 /proc/loadavg)"
  xvfb-run -a -s "-screen 0 1400x900x24" java "$@" -cp "$cp:$work/classes" SummaryLatency "$file" 2>&1 \
      | grep -E "Summary showed|rows listed|snapshot"
done
