package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;

/**
 * Sorts edge indexes by a grid column. By name in DevTools' order ({@code HeapSnapshotEdgesProvider.sort}): named
 * edges before indexed ones, {@code __proto__} last, names by text and indexes by number; by the other columns on the
 * target node's values; ties by edge position. Stateless. No IO.
 */
final class EdgeOrder {
    private EdgeOrder() {
    }

    static void sort(AnalyzedHeap heap, int[] edges, Sort sort, CancelSignal cancel) {
        OrdinalSort.IntComparator primary = primary(heap, edges, sort.column(), cancel);
        int sign = sort.descending() ? -1 : 1;
        OrdinalSort.sort(edges, (a, b) -> {
            int c = sign * primary.compare(a, b);
            return c != 0 ? c : Integer.compare(a, b);
        }, cancel);
    }

    private static OrdinalSort.IntComparator primary(AnalyzedHeap heap, int[] edges, SortColumn column,
            CancelSignal cancel) {
        IntColumn targets = heap.graph().edgeTargets();
        switch (column) {
            case RETAINED_SIZE: {
                NodeSizes retained = heap.retainedSizes();
                return (a, b) -> Long.compare(retained.get(targets.get(a)), retained.get(targets.get(b)));
            }
            case SHALLOW_SIZE:
            case ALLOC_SIZE:
            case FREED_SIZE:
            case SIZE_DELTA: {
                NodeSizes shallow = heap.shallowSizes();
                return (a, b) -> Long.compare(shallow.get(targets.get(a)), shallow.get(targets.get(b)));
            }
            case DISTANCE: {
                IntColumn distances = heap.distances();
                return (a, b) -> Integer.compare(distances.get(targets.get(a)), distances.get(targets.get(b)));
            }
            case NAME:
                return byName(heap.graph(), edges, cancel);
            default:
                return (a, b) -> 0;
        }
    }

    private static OrdinalSort.IntComparator byName(HeapGraph graph, int[] edges, CancelSignal cancel) {
        int[] named = java.util.Arrays.stream(edges).filter(e -> !EdgeType.hasNumericName(graph.edgeType(e)))
                .toArray();
        int[] rank = TextRanks.of(graph.strings(), named.length, i -> graph.edgeNameIndex(named[i]), cancel);
        int proto = -1;
        for (int e : named) {
            if (graph.strings().equalsAt(graph.edgeNameIndex(e), "__proto__")) {
                proto = graph.edgeNameIndex(e);
                break;
            }
        }
        int protoName = proto;
        return (a, b) -> {
            boolean aIndex = EdgeType.hasNumericName(graph.edgeType(a));
            boolean bIndex = EdgeType.hasNumericName(graph.edgeType(b));
            if (aIndex && bIndex) {
                return Integer.compareUnsigned(graph.edgeNameIndex(a), graph.edgeNameIndex(b));
            }
            if (aIndex != bIndex) {
                return aIndex ? 1 : -1;
            }
            boolean aProto = graph.edgeNameIndex(a) == protoName;
            boolean bProto = graph.edgeNameIndex(b) == protoName;
            if (aProto != bProto) {
                return aProto ? 1 : -1;
            }
            return Integer.compare(rank[graph.edgeNameIndex(a)], rank[graph.edgeNameIndex(b)]);
        };
    }
}
