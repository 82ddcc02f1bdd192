package heapscope.parser.read.v8;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times {@link V8SnapshotReader} on a real file, by hand (not a unit test: timings on a shared machine would make a
 * flaky test). Prints wall and thread CPU time, throughput, bytes allocated by the reading thread, peak heap and the graph's size.
 *
 * <p>Run: {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt} then
 * {@code java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt)
 * heapscope.parser.read.v8.V8ReadBenchmark FILE [RUNS]}.
 */
public final class V8ReadBenchmark {
    private V8ReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double megabytes = Files.size(file) / 1e6;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= runs; run++) {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            HeapGraph graph = V8SnapshotReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            System.out.printf("run %d: %.3f s (thread CPU %.3f s), %.0f MB/s, allocated %d MB, peak heap %d MB, graph %d MB"
                            + " (%d nodes, %d edges, %d strings)%n", run, seconds, cpuSeconds, megabytes / seconds,
                    allocated >> 20, peakHeapBytes() >> 20, graph.retainedBytes() >> 20, graph.nodeCount(),
                    graph.edgeCount(), graph.strings().size());
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
