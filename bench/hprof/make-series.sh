#!/bin/bash
# Makes a series of three HPROF dumps of one process for the object-matching and leak-report benchmarks, in
# $BENCH_DATA (default bench/data/ in this repository, git-ignored): JsonHeapHolder fills its heap with Jackson-parsed JSON to
# 250 MB and is dumped (json-series-1.hprof, ~0.43 GB, 7 M objects), then parses more to 270 MB and 290 MB and is
# dumped after each (json-series-2.hprof, json-series-3.hprof, ~0.5 GB, 8 M objects). All with jcmd GC.heap_dump
# (full GC first), JDK 17. The documents parsed are never dropped: the leak report finds them.
# Usage: bench/hprof/make-series.sh
. "$(dirname "$0")/common.sh"
start_holder series 1g 250 270 290
for step in 1 2 3; do
    wait_ready series $step
    rm -f "$data/json-series-$step.hprof"
    "$java_home/bin/jcmd" $holder_pid GC.heap_dump "$data/json-series-$step.hprof" > /dev/null
    echo >&3
done
cat "$work/out-series"
stop_holder
ls -l "$data"/json-series-*.hprof
