#!/bin/bash
# Makes a series of three HPROF dumps of one process for the object-matching and leak-report benchmarks, in
# $BENCH_DATA (default bench/data/ in this repository, git-ignored): JsonHeapHolder fills its heap with Jackson-parsed JSON to
# 250 MB and is dumped (json-series-1.hprof, ~0.43 GB, 7 M objects), then parses more to 270 MB and 290 MB and is
# dumped after each (json-series-2.hprof, json-series-3.hprof, ~0.5 GB, 8 M objects). All with jcmd GC.heap_dump
# (full GC first), JDK 17. The documents parsed are never dropped: the leak report finds them.
# Usage: bench/hprof/make-series.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${BENCH_DATA:-$repo/bench/data}
java_home=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
m2=${M2_REPO:-$HOME/.m2/repository}
jackson="$m2/com/fasterxml/jackson/core"
cp_jackson="$jackson/jackson-databind/2.22.4/jackson-databind-2.22.4.jar:$jackson/jackson-core/2.22.4/jackson-core-2.22.4.jar:$jackson/jackson-annotations/2.22/jackson-annotations-2.22.jar"
mkdir -p "$data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$java_home/bin/javac" -cp "$cp_jackson" -d "$work/classes" "$here/src/JsonHeapHolder.java"
mkfifo "$work/in"
"$java_home/bin/java" -Xmx1g -cp "$cp_jackson:$work/classes" JsonHeapHolder 250 270 290 < "$work/in" > "$work/out" &
pid=$!
exec 3> "$work/in"
for step in 1 2 3; do
    until [ "$(grep -c ready "$work/out")" -ge $step ]; do
        kill -0 $pid 2>/dev/null || { echo "JsonHeapHolder died" >&2; exit 1; }
        sleep 1
    done
    rm -f "$data/json-series-$step.hprof"
    "$java_home/bin/jcmd" $pid GC.heap_dump "$data/json-series-$step.hprof" > /dev/null
    echo >&3
done
cat "$work/out"
exec 3>&-
wait $pid || true
ls -l "$data"/json-series-*.hprof
