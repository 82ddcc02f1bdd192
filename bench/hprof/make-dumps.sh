#!/bin/bash
# Makes the HPROF benchmark dumps in $BENCH_DATA (default: bench/data in this repository, git-ignored):
#   json-500mb.hprof   a JVM holding Jackson-parsed JSON maps and lists (~500 MB dump, ~8 M objects)
#   json-2500mb.hprof  the same, ~2.5 GB (~40 M objects)
#   json-8gb.hprof     the same, ~7.9 GB (~140 M objects); needs ~13 GB of free memory and ~8 GB of disk
#   maven-build.hprof  a Maven build of this project, dumped while it compiles (~50 MB)
# Usage: bench/hprof/make-dumps.sh [json-500mb|json-2500mb|json-8gb|maven-build ...]
#        (default: json-500mb json-2500mb maven-build; json-8gb only when named)
. "$(dirname "$0")/common.sh"

# json_dump NAME MEGABYTES_OF_HEAP XMX: runs JsonHeapHolder until it holds that much, then dumps it with jcmd.
json_dump() {
    local name=$1 megabytes=$2 xmx=$3
    start_holder "$name" "$xmx" "$megabytes"
    wait_ready "$name" 1
    cat "$work/out-$name"
    rm -f "$data/$name.hprof"
    "$java_home/bin/jcmd" $holder_pid GC.class_histogram > "$data/$name.histogram.txt"
    "$java_home/bin/jcmd" $holder_pid GC.heap_dump "$data/$name.hprof"
    stop_holder
}

# maven_dump: builds a copy of this repository with Maven and dumps Maven's JVM while it compiles.
maven_dump() {
    rm -rf "$work/repo"
    mkdir "$work/repo"
    (cd "$repo" && git archive HEAD) | tar -x -C "$work/repo"
    (cd "$work/repo" && MAVEN_OPTS="-Xmx512m" mvn -B -q -o -DskipTests package > "$work/mvn.log" 2>&1) &
    local mvn_shell=$!
    local pid=""
    # The mvn script execs java, so our Maven JVM is the child of that subshell (never another user's Maven).
    for i in $(seq 200); do
        pid=$(pgrep -P $mvn_shell -f classworlds || true)
        [ -n "$pid" ] && break
        sleep 0.1
    done
    [ -n "$pid" ] || { echo "no Maven JVM found" >&2; exit 1; }
    sleep "${MAVEN_DUMP_DELAY:-10}" # into the compile phase
    rm -f "$data/maven-build.hprof"
    "$java_home/bin/jcmd" $pid GC.heap_dump "$data/maven-build.hprof"
    wait $mvn_shell || true
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json-500mb json-2500mb maven-build)
for target in "${targets[@]}"; do
    case $target in
        json-500mb) json_dump json-500mb 290 1g ;;
        json-2500mb) json_dump json-2500mb 1430 4g ;;
        json-8gb) json_dump json-8gb 4610 8g ;;
        maven-build) maven_dump ;;
        *) echo "unknown dump: $target" >&2; exit 2 ;;
    esac
done
ls -l "$data"/*.hprof
