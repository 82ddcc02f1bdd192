package heapscope.parser.analysis;

import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores the Summary's rows under the filters without arguments (all objects, and unreachable ones for HPROF), so
 * that a heap restored from the analysis cache shows its Summary without walking every node and the dominator tree
 * again. Each filter's rows are one array of longs under {@code analysis.summary.NAME}, five per row (class id,
 * count, distance, shallow size, retained size) in the order the Summary lists them; names and keys come from the
 * class table. A store without them (a portable index made before they were stored) is read as before: the rows are
 * made when first asked for. Stateless. IO through the sink and source.
 */
final class StoredSummaries {
    /** The filters whose rows are made once per heap and stored with it. */
    static final List<NodeFilter> FILTERS = List.of(NodeFilter.ALL, new NodeFilter.Unreachable());
    private static final int LONGS_PER_ROW = 5;

    private StoredSummaries() {
    }

    /** Makes the rows of every filter that applies to the heap (where not made yet) and stores them. */
    static void save(AnalyzedHeap heap, ArraySink sink) throws IOException {
        for (NodeFilter filter : applying(heap)) {
            List<ClassAggregate> rows = ClassAggregator.aggregate(heap, filter);
            long[] values = new long[LONGS_PER_ROW * rows.size()];
            int at = 0;
            for (ClassAggregate row : rows) {
                values[at++] = row.classId();
                values[at++] = row.count();
                values[at++] = row.distance();
                values[at++] = row.shallowSize();
                values[at++] = row.retainedSize();
            }
            sink.longs(name(filter), values);
        }
    }

    /**
     * Restores the rows stored into {@code heap} (restored itself from the same store), checked: every class id in
     * the class table, counts and sizes not negative.
     */
    static void load(AnalyzedHeap heap, ArraySource source) throws IOException {
        ClassTable classes = heap.classes();
        for (NodeFilter filter : applying(heap)) {
            String name = name(filter);
            if (!source.has(name)) {
                continue;
            }
            long[] values = source.longs(name);
            StoreFormatException.check(values.length % LONGS_PER_ROW == 0, name + " has a part of a row");
            List<ClassAggregate> rows = new ArrayList<>(values.length / LONGS_PER_ROW);
            for (int at = 0; at < values.length; at += LONGS_PER_ROW) {
                long classId = values[at];
                long distance = values[at + 2];
                StoreFormatException.check(classId >= 0 && classId < classes.classCount() && values[at + 1] >= 0
                        && distance == (int) distance && values[at + 3] >= 0 && values[at + 4] >= 0, name,
                        " has a row out of range");
                int c = (int) classId;
                rows.add(new ClassAggregate(c, classes.name(c), classes.key(c), values[at + 1], (int) distance,
                        values[at + 3], values[at + 4]));
            }
            heap.restoreSummary(filter, rows);
        }
    }

    /** The filters that apply to the heap: unreachable objects only where they are told apart (HPROF). */
    private static List<NodeFilter> applying(AnalyzedHeap heap) {
        return heap.uncountedNodes() != null ? FILTERS : List.of(NodeFilter.ALL);
    }

    private static String name(NodeFilter filter) {
        return "analysis.summary." + (filter instanceof NodeFilter.Unreachable ? "unreachable" : "all");
    }
}
