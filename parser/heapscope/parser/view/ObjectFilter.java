package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import java.util.BitSet;
import java.util.List;

/**
 * One of the engine's {@link NodeFilter}s as applied to one heap: its Summary rows and, for the instance lists, the
 * nodes it counts, both from the engine's {@link ClassAggregator}. Immutable; thread-safe. No IO.
 */
public final class ObjectFilter {
    private final NodeFilter filter;
    private final BitSet accepted;

    private ObjectFilter(NodeFilter filter, BitSet accepted) {
        this.filter = filter;
        this.accepted = accepted;
    }

    /** The filter for this heap (works out its node set now). */
    public static ObjectFilter of(AnalyzedHeap heap, NodeFilter filter, CancelSignal cancel) {
        cancel.throwIfCanceled();
        return new ObjectFilter(filter, ClassAggregator.accepted(heap, filter));
    }

    public NodeFilter filter() {
        return filter;
    }

    /** Whether the Summary counts this node under the filter. */
    public boolean accepts(int ordinal) {
        return accepted.get(ordinal);
    }

    /** The Summary's class rows under this filter (the engine's), largest retained size first. */
    public List<ClassAggregate> aggregate(AnalyzedHeap heap) {
        return ClassAggregator.aggregate(heap, filter);
    }
}
