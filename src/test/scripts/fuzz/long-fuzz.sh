#!/usr/bin/env bash
# The long fuzz run, by hand: many more mutants than ReaderFuzzTest tries in the build, of the cut-down seeds and of
# the full committed fixtures, plain and gzip. Inputs that break the reader contract (see heapscope.fuzz.ReadContract)
# are written to src/test/resources/fuzz/crashers/<format>/ with a .txt beside each saying what happened; once the bug
# is fixed, commit them: ReaderFuzzTest replays every crasher on each build.
#
#   src/test/scripts/fuzz/long-fuzz.sh [MUTANTS_PER_FORMAT] [SEED]     (default 20000, 1)
#
# Takes about 10 ms per mutant of a seed and 100 ms of a full fixture on one core; heap 2 GB, as the tests get.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
mutants="${1:-20000}"
seed="${2:-1}"
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz-classpath.txt
cp="target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)"
status=0
java -Xmx2g -cp "$cp" heapscope.fuzz.FuzzMain hprof "$mutants" "$seed" src/test/resources/fuzz/crashers/hprof \
    src/test/resources/fuzz/seeds/jdk25-reduced.hprof.gz src/test/resources/fixtures/hprof/jdk25-small.hprof.gz \
    || status=1
java -Xmx2g -cp "$cp" heapscope.fuzz.FuzzMain v8 "$mutants" "$seed" src/test/resources/fuzz/crashers/v8 \
    src/test/resources/fuzz/seeds/worker-reduced.heapsnapshot.gz \
    src/test/resources/fixtures/v8/layouts/worker-base.heapsnapshot.gz \
    src/test/resources/fixtures/v8/reader/chromium-worker.heapsnapshot.gz || status=1
exit $status
