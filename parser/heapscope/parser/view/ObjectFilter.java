package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import java.util.BitSet;
import java.util.List;

/**
 * Which objects the Summary lists: one of the engine's {@link NodeFilter}s (all objects, allocated between two
 * snapshots), aggregated by the engine's {@link ClassAggregator}; or a named set of one heap's nodes (duplicated
 * strings, objects retained by detached DOM nodes, see {@link NamedFilters}), aggregated by the same rules over that
 * set. Immutable; thread-safe. No IO.
 */
public final class ObjectFilter {
    private final NodeFilter engineFilter;
    private final BitSet nodes;

    private ObjectFilter(NodeFilter engineFilter, BitSet nodes) {
        this.engineFilter = engineFilter;
        this.nodes = nodes;
    }

    public static ObjectFilter of(NodeFilter filter) {
        return new ObjectFilter(filter, null);
    }

    /** The nodes in {@code nodes} (by ordinal) of one heap; not modified afterwards. */
    public static ObjectFilter ofNodes(BitSet nodes) {
        return new ObjectFilter(null, nodes);
    }

    /** Whether the Summary counts this node: a non-zero shallow size, counted by the heap, and passing the filter. */
    public boolean accepts(AnalyzedHeap heap, int ordinal) {
        if (engineFilter != null) {
            return AcceptedNodes.accepts(heap, engineFilter, ordinal);
        }
        return nodes.get(ordinal) && AcceptedNodes.accepts(heap, NodeFilter.ALL, ordinal);
    }

    /** The Summary's class rows under this filter, largest retained size first. */
    public List<ClassAggregate> aggregate(AnalyzedHeap heap) {
        return engineFilter != null ? ClassAggregator.aggregate(heap, engineFilter) : SetAggregator.aggregate(heap,
                this);
    }
}
