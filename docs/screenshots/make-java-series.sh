#!/bin/bash
# Makes the Java series the README's Java screenshots show: three heap dumps of
# src/test/resources/programs/GrowingStaticMap.java (3,000 sessions leaked into a static map per round), written by
# the program itself (live objects, as jcmd GC.heap_dump). Usage: make-java-series.sh OUT_DIR
# The screenshots, from the repository's root after `mvn -q -B package -DskipTests`:
#   xvfb-run -a -s "-screen 0 1400x900x24" java -jar target/heapscope.jar --screenshot docs/screenshots/java-leak-suspects.png --view suspects OUT_DIR/round-{1,2,3}.hprof
#   ... --screenshot docs/screenshots/java-three-snapshot-method.png --filter "Objects allocated between Snapshot 1 and Snapshot 2" --expand-top OUT_DIR/round-{1,2,3}.hprof
#   ... --screenshot docs/screenshots/java-statistics.png --view statistics OUT_DIR/round-{1,2,3}.hprof
set -euo pipefail
out=${1:?usage: make-java-series.sh OUT_DIR}
here=$(cd "$(dirname "$0")/../.." && pwd)
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
mkdir -p "$out"
javac -d "$classes" "$here/src/test/resources/programs/GrowingStaticMap.java"
java -Xmx256m -Xshare:off -cp "$classes" GrowingStaticMap "$out"
ls -l "$out"/round-*.hprof
