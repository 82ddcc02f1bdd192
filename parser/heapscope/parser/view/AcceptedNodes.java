package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.model.NodeFilter;
import java.util.BitSet;

/**
 * Which nodes the Summary counts, by the rule of the engine's {@code ClassAggregator.accepted}: a non-zero shallow
 * size, reachable (HPROF) unless the filter asks for unreachable objects, and passing the filter. Stateless. No IO.
 */
public final class AcceptedNodes {
    private AcceptedNodes() {
    }

    /**
     * Whether the Summary counts the node under this filter, apart from a named filter's own node set (see {@link
     * ObjectFilter}): a non-zero shallow size; reachable (HPROF), unless the filter asks for unreachable objects; and
     * inside an allocation range.
     */
    public static boolean accepts(AnalyzedHeap heap, NodeFilter filter, int ordinal) {
        if (heap.shallowSizes()[ordinal] == 0) {
            return false;
        }
        BitSet uncounted = heap.uncountedNodes();
        boolean unreachable = uncounted != null && uncounted.get(ordinal);
        if (filter instanceof NodeFilter.Unreachable) {
            return unreachable;
        }
        if (unreachable && !(filter instanceof NodeFilter.AllIncludingUnreachable)) {
            return false;
        }
        if (filter instanceof NodeFilter.AllocatedBetween range) {
            return range.accepts(heap.graph().nodeId(ordinal));
        }
        return true;
    }
}
