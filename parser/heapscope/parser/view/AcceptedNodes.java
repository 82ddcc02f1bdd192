package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import java.util.BitSet;

/**
 * Which nodes the Summary counts, by the rule of {@code ClassAggregator}: a non-zero shallow size, not left out of
 * sizes (HPROF garbage), and passing the object filter. Stateless. No IO.
 */
public final class AcceptedNodes {
    private AcceptedNodes() {
    }

    /** Whether the Summary counts the node under this filter. */
    public static boolean accepts(AnalyzedHeap heap, NodeFilter filter, int ordinal) {
        if (heap.shallowSizes()[ordinal] == 0) {
            return false;
        }
        BitSet uncounted = heap.uncountedNodes();
        if (uncounted != null && uncounted.get(ordinal)) {
            return false;
        }
        if (filter instanceof NodeFilter.AllocatedBetween range) {
            return range.accepts(heap.graph().nodeId(ordinal));
        }
        if (filter instanceof NodeFilter.All) {
            return true;
        }
        throw new IllegalArgumentException("unknown filter " + filter);
    }

    /** The counted instances of a class, in ordinal order. */
    static int[] ofClass(AnalyzedHeap heap, int classId, NodeFilter filter, CancelSignal cancel) {
        int[] classByNode = heap.classes().classByNode();
        int count = 0;
        int n = classByNode.length;
        for (int node = 0; node < n; node++) {
            if ((node & 0xFFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (classByNode[node] == classId && accepts(heap, filter, node)) {
                count++;
            }
        }
        int[] result = new int[count];
        int at = 0;
        for (int node = 0; node < n && at < count; node++) {
            if (classByNode[node] == classId && accepts(heap, filter, node)) {
                result[at++] = node;
            }
        }
        return result;
    }
}
