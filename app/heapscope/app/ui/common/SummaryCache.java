package heapscope.app.ui.common;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.ObjectFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The Summary's rows per heap and object filter, computed once (aggregating walks every node) and kept while the heap
 * is open: the class filter, re-sorting and switching views do not recompute them. Weakly keyed by heap (the entries
 * hold no reference to it), so a closed snapshot's rows go with it. Thread-safe.
 */
public final class SummaryCache {
    /**
     * A filter's Summary rows on one heap, and the nodes it counts there ({@link #filter}), worked out when first asked
     * for: the class rows of all objects come stored with a heap from the analysis cache, so its Summary shows without
     * a walk over every node, which only listing instances needs.
     */
    public static final class Entry {
        private final NodeFilter nodeFilter;
        private final List<ClassAggregate> rows;
        private ObjectFilter filter;

        private Entry(NodeFilter nodeFilter, List<ClassAggregate> rows) {
            this.nodeFilter = nodeFilter;
            this.rows = rows;
        }

        public List<ClassAggregate> rows() {
            return rows;
        }

        /** The filter as applied to {@code heap} (the heap of this entry); walks every node the first time. */
        public synchronized ObjectFilter filter(AnalyzedHeap heap, CancelSignal cancel) {
            if (filter == null) {
                filter = ObjectFilter.of(heap, nodeFilter, cancel);
            }
            return filter;
        }
    }

    private final Map<AnalyzedHeap, Map<NodeFilter, Entry>> entries = new WeakHashMap<>();

    /** The Summary rows of {@code heap} under {@code filter}, made the first time. Runs in the background. */
    public Entry get(AnalyzedHeap heap, NodeFilter filter, CancelSignal cancel) {
        synchronized (this) {
            Entry cached = entries.getOrDefault(heap, Map.of()).get(filter);
            if (cached != null) {
                return cached;
            }
        }
        cancel.throwIfCanceled();
        Entry entry = new Entry(filter, ClassAggregator.aggregate(heap, filter));
        synchronized (this) {
            entries.computeIfAbsent(heap, h -> new HashMap<>()).put(filter, entry);
        }
        return entry;
    }
}
