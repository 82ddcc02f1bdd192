package heapscope.app.ui.common;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.view.ObjectFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * The Summary's rows per heap and object filter, computed once (aggregating walks every node) and kept while the heap
 * is open: the class filter, re-sorting and switching views do not recompute them. Weakly keyed by heap (the entries
 * hold no reference to it), so a closed snapshot's rows go with it. Thread-safe.
 */
public final class SummaryCache {
    /** A filter as applied to one heap, and the Summary rows under it. */
    public record Entry(ObjectFilter filter, List<ClassAggregate> rows) {
    }

    private final Map<AnalyzedHeap, Map<Object, Entry>> entries = new WeakHashMap<>();

    /**
     * The rows of {@code heap} under the filter named {@code key} (an engine {@code NodeFilter}, or a named filter),
     * making the filter with {@code make} the first time. Runs in the background.
     */
    public Entry get(AnalyzedHeap heap, Object key, Function<AnalyzedHeap, ObjectFilter> make) {
        synchronized (this) {
            Entry cached = entries.getOrDefault(heap, Map.of()).get(key);
            if (cached != null) {
                return cached;
            }
        }
        ObjectFilter filter = make.apply(heap);
        Entry entry = new Entry(filter, filter.aggregate(heap));
        synchronized (this) {
            entries.computeIfAbsent(heap, h -> new HashMap<>()).put(key, entry);
        }
        return entry;
    }
}
