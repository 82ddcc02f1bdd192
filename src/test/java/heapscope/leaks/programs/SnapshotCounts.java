package heapscope.leaks.programs;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Summary's object count per class of one snapshot, as Heapscope's engine computes it (all objects; for HPROF
 * the reachable ones), kept without the heap. Immutable.
 */
final class SnapshotCounts {
    private final Map<String, Long> countByClass;
    private final long total;

    private SnapshotCounts(Map<String, Long> countByClass, long total) {
        this.countByClass = countByClass;
        this.total = total;
    }

    /** Loads the snapshot (reads the file) and counts its objects. */
    static SnapshotCounts load(Path snapshot) throws HeapFileException, IOException {
        AnalyzedHeap heap = HeapLoader.load(snapshot, ProgressListener.NO_OP, CancelSignal.NEVER);
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        for (ClassAggregate row : ClassAggregator.aggregate(heap, NodeFilter.ALL)) {
            counts.merge(row.name(), row.count(), Long::sum);
            total += row.count();
        }
        return new SnapshotCounts(counts, total);
    }

    /** Objects of the class named {@code className}, or with {@code prefix} of every class whose name starts so. */
    long count(String className, boolean prefix) {
        if (!prefix) {
            return countByClass.getOrDefault(className, 0L);
        }
        return countByClass.entrySet().stream().filter(e -> e.getKey().startsWith(className))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Objects of all classes. */
    long total() {
        return total;
    }
}
