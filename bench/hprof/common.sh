# Sourced by make-dumps.sh and make-series.sh: where the dumps go, a scratch folder removed on exit with
# JsonHeapHolder compiled into it, and the steps of driving a holder (start it, wait for its "ready" lines).
# Environment: BENCH_DATA (default bench/data in this repository, git-ignored), JAVA_HOME (default JDK 17), M2_REPO.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
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

# start_holder NAME XMX MEGABYTES...: starts JsonHeapHolder, which fills its heap to each size in turn and prints
# "ready" at each, reading a line from $work/in-NAME (held open on file descriptor 3) before the next; its output goes
# to $work/out-NAME. Sets holder_pid.
start_holder() {
    local name=$1 xmx=$2
    shift 2
    mkfifo "$work/in-$name"
    "$java_home/bin/java" -Xmx"$xmx" -cp "$cp_jackson:$work/classes" JsonHeapHolder "$@" \
        < "$work/in-$name" > "$work/out-$name" &
    holder_pid=$!
    exec 3> "$work/in-$name"
}

# wait_ready NAME COUNT: waits until the holder has printed "ready" COUNT times; fails if it died first.
wait_ready() {
    local name=$1 count=$2
    until [ "$(grep -c ready "$work/out-$name")" -ge "$count" ]; do
        kill -0 "$holder_pid" 2>/dev/null || { echo "JsonHeapHolder died" >&2; exit 1; }
        sleep 1
    done
}

# stop_holder: closes the holder's input, so that it exits, and waits for it.
stop_holder() {
    exec 3>&-
    wait "$holder_pid" || true
}
