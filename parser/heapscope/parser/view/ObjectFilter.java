package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import java.util.BitSet;
import java.util.List;

/**
 * One of the engine's {@link NodeFilter}s as applied to one heap: its Summary rows come from the engine's
 * {@link ClassAggregator}; for the instance lists it also answers node by node (for the named filters from the node
 * set of {@link NamedFilters}). Immutable; thread-safe. No IO.
 */
public final class ObjectFilter {
    private final NodeFilter filter;
    private final BitSet named;

    private ObjectFilter(NodeFilter filter, BitSet named) {
        this.filter = filter;
        this.named = named;
    }

    /** The filter for this heap (works out a named filter's node set now). */
    public static ObjectFilter of(AnalyzedHeap heap, NodeFilter filter, CancelSignal cancel) {
        return new ObjectFilter(filter, NamedFilters.of(heap, filter, cancel));
    }

    public NodeFilter filter() {
        return filter;
    }

    /** Whether the Summary counts this node under the filter. */
    public boolean accepts(AnalyzedHeap heap, int ordinal) {
        return (named == null || named.get(ordinal)) && AcceptedNodes.accepts(heap, filter, ordinal);
    }

    /** The Summary's class rows under this filter (the engine's), largest retained size first. */
    public List<ClassAggregate> aggregate(AnalyzedHeap heap) {
        return ClassAggregator.aggregate(heap, filter);
    }
}
