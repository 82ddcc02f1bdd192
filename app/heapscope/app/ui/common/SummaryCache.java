package heapscope.app.ui.common;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The engine's Summary rows per heap and filter, computed once ({@link ClassAggregator} walks every node) and kept
 * while the heap is open: the class filter, re-sorting and switching views do not recompute them. Weakly keyed, so a
 * closed snapshot's rows go with it. Thread-safe.
 */
public final class SummaryCache {
    private final Map<AnalyzedHeap, Map<NodeFilter, List<ClassAggregate>>> rows = new WeakHashMap<>();

    public List<ClassAggregate> aggregate(AnalyzedHeap heap, NodeFilter filter) {
        synchronized (this) {
            List<ClassAggregate> cached = rows.getOrDefault(heap, Map.of()).get(filter);
            if (cached != null) {
                return cached;
            }
        }
        List<ClassAggregate> computed = ClassAggregator.aggregate(heap, filter);
        synchronized (this) {
            rows.computeIfAbsent(heap, h -> new HashMap<>()).put(filter, computed);
        }
        return computed;
    }
}
