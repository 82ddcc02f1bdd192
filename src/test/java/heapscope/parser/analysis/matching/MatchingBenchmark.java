package heapscope.parser.analysis.matching;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;

/**
 * By hand, not a unit test: times {@link ObjectMatcher} on two real dumps of one process and reports the heap the
 * matching took beyond the two analysed heaps ({@code bench/hprof/make-series.sh} makes such a pair).
 * {@code java -cp ... MatchingBenchmark OLDER NEWER [RUNS]}.
 */
public final class MatchingBenchmark {
    public static void main(String[] args) throws Exception {
        AnalyzedHeap older = HeapLoader.load(Path.of(args[0]), ProgressListener.NO_OP, CancelSignal.NEVER);
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        AnalyzedHeap newer = HeapLoader.load(Path.of(args[1]), ProgressListener.NO_OP, CancelSignal.NEVER);
        System.out.printf("loading the newer dump: %d ms, %d ms of CPU%n", (System.nanoTime() - wall) / 1_000_000,
                (cpuNanos() - cpu) / 1_000_000);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long objects = older.graph().nodeCount() + (long) newer.graph().nodeCount();
        for (int run = 0; run < runs; run++) {
            System.gc();
            long before = used();
            resetPeaks();
            long start = System.nanoTime();
            long startCpu = cpuNanos();
            ObjectMatching matching = ObjectMatcher.match(older, newer, CancelSignal.NEVER);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpuMillis = (cpuNanos() - startCpu) / 1_000_000;
            long peak = peakUsed();
            System.out.printf("run %d: %d ms (%d ms of CPU), %d of %d matched, heap peak %d MB above the two heaps (%.1f bytes per"
                    + " object of both dumps), result %d MB%n", run + 1, millis, cpuMillis, matching.matchedCount(),
                    matching.newerNodeCount(), (peak - before) >> 20, (double) (peak - before) / objects,
                    matching.retainedBytes() >> 20);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the reset (an upper bound of the peak of their sum). */
    private static long peakUsed() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
