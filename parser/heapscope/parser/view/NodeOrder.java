package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;

/**
 * Sorts node ordinals by a grid column, ties by object id: sizes and distance by number, names by their text (each
 * distinct name decoded once, then compared by rank). Stateless. No IO.
 */
final class NodeOrder {
    private NodeOrder() {
    }

    static void sort(AnalyzedHeap heap, int[] ordinals, Sort sort, CancelSignal cancel) {
        OrdinalSort.sort(ordinals, comparator(heap, ordinals, sort, cancel), cancel);
    }

    /** Compares two node ordinals under {@code sort}; {@code ordinals} are the nodes that will be compared. */
    static OrdinalSort.IntComparator comparator(AnalyzedHeap heap, int[] ordinals, Sort sort, CancelSignal cancel) {
        return comparatorOf(heap, ordinals, ordinals.length, sort, cancel);
    }

    /** As {@link #comparator}, for the nodes {@code ordinals[0..count)}. */
    static OrdinalSort.IntComparator comparatorOf(AnalyzedHeap heap, int[] ordinals, int count, Sort sort,
            CancelSignal cancel) {
        HeapGraph graph = heap.graph();
        OrdinalSort.IntComparator primary = primary(heap, ordinals, count, sort.column(), cancel);
        int sign = sort.descending() ? -1 : 1;
        return (a, b) -> {
            int c = sign * primary.compare(a, b);
            return c != 0 ? c : Long.compare(graph.nodeId(a), graph.nodeId(b));
        };
    }

    private static OrdinalSort.IntComparator primary(AnalyzedHeap heap, int[] ordinals, int count,
            SortColumn column, CancelSignal cancel) {
        switch (column) {
            case RETAINED_SIZE: {
                NodeSizes retained = heap.retainedSizes();
                return (a, b) -> Long.compare(retained.get(a), retained.get(b));
            }
            case SHALLOW_SIZE:
            case ALLOC_SIZE:
            case FREED_SIZE:
            case SIZE_DELTA: {
                NodeSizes shallow = heap.shallowSizes();
                return (a, b) -> Long.compare(shallow.get(a), shallow.get(b));
            }
            case DISTANCE: {
                IntColumn distances = heap.distances();
                return (a, b) -> Integer.compare(distances.get(a), distances.get(b));
            }
            case NAME: {
                IntColumn names = heap.graph().nodeNames();
                int[] rank = TextRanks.of(heap.graph().strings(), count, i -> names.get(ordinals[i]), cancel);
                return (a, b) -> Integer.compare(rank[names.get(a)], rank[names.get(b)]);
            }
            default:
                return (a, b) -> 0;
        }
    }
}
