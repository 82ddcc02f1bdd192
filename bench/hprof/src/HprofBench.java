import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.HprofHeap;
import heapscope.parser.read.hprof.HprofReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one .hprof file with the Heapscope reader and prints the time of each phase, the graph's size and the bytes
 * it takes per object. Run it under {@code /usr/bin/time -v} for the peak RSS (see run-bench.sh).
 *
 * <p>Usage: {@code java -cp heapscope classes and hppc HprofBench <file.hprof[.gz]>}
 */
public final class HprofBench {
    private HprofBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Map<Phase, Long> phaseNanos = new LinkedHashMap<>();
        long[] phaseStart = {System.nanoTime()};
        Phase[] current = {null};
        long start = System.nanoTime();
        HprofHeap heap = HprofReader.read(file, new ProgressListener() {
            @Override
            public void phaseStarted(Phase phase) {
                long now = System.nanoTime();
                if (current[0] != null) {
                    phaseNanos.put(current[0], now - phaseStart[0]);
                }
                current[0] = phase;
                phaseStart[0] = now;
            }

            @Override
            public void progress(long done, long total) {
            }
        }, CancelSignal.NEVER);
        long end = System.nanoTime();
        phaseNanos.put(current[0], end - phaseStart[0]);
        HeapGraph g = heap.graph();
        long objects = heap.statistics().objects();
        System.out.printf("file            %s (%.1f MB)%n", file.getFileName(), Files.size(file) / 1e6);
        for (Map.Entry<Phase, Long> e : phaseNanos.entrySet()) {
            System.out.printf("%-15s %.2f s%n", e.getKey(), e.getValue() / 1e9);
        }
        System.out.printf("total read      %.2f s%n", (end - start) / 1e9);
        System.out.printf("objects         %,d (%,d instances, %,d object arrays, %,d primitive arrays, %,d classes)%n",
                objects, heap.statistics().instances(), heap.statistics().objectArrays(),
                heap.statistics().primitiveArrays(), heap.statistics().classes());
        System.out.printf("nodes / edges   %,d / %,d%n", g.nodeCount(), g.edgeCount());
        System.out.printf("graph bytes     %,d (%.1f per object)%n", g.retainedBytes(),
                g.retainedBytes() / (double) objects);
        System.out.printf("metadata bytes  %,d (%.1f per object: record offsets, gzip index, classes)%n",
                heap.metadataBytes(), heap.metadataBytes() / (double) objects);
        System.out.printf("layout          %s%n", heap.layout().describe());
        System.out.printf("size check      %,d objects end where the next begins, %,d overlap it, %,d leave a gap%n",
                heap.statistics().gapsMatchingSize(), heap.statistics().gapsSmallerThanSize(),
                heap.statistics().gapsLargerThanSize());
        heap.warnings().forEach(w -> System.out.println("warning         " + w));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap after gc   %,d MB used of %,d MB max; peak heap %s%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, peakHeap());
    }

    private static String peakHeap() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return (peak >> 20) + " MB (sum of pool peaks)";
    }
}
