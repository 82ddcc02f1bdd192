package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * The retainers of a node, sorted, read a page at a time: the references pointing at it, without weak references
 * and references from the synthetic root (DevTools' {@code retainingEdgesFilter}). By default the closest retainer
 * (smallest distance) comes first. Immutable; thread-safe. No IO.
 */
public final class RetainerList {
    private final NodeRows rows;
    /** Retaining node by position. */
    private final int[] sources;
    /** Edge index by position. */
    private final int[] edges;

    private RetainerList(NodeRows rows, int[] sources, int[] edges) {
        this.rows = rows;
        this.sources = sources;
        this.edges = edges;
    }

    public static RetainerList of(NodeRows rows, int ordinal, Sort sort, CancelSignal cancel) {
        AnalyzedHeap heap = rows.heap();
        HeapGraph graph = heap.graph();
        int root = graph.rootOrdinal();
        byte[] types = graph.edgeTypes();
        int capacity = heap.retainers().retainerCount(ordinal);
        int[] sources = new int[capacity];
        int[] edges = new int[capacity];
        int[] count = {0};
        heap.retainers().forEachRetainingEdge(graph, ordinal, (source, edge) -> {
            if (source != root && types[edge] != EdgeType.WEAK) {
                sources[count[0]] = source;
                edges[count[0]] = edge;
                count[0]++;
            }
        });
        int n = count[0];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        OrdinalSort.IntComparator bySource = NodeOrder.comparatorOf(heap, sources, n, sort, cancel);
        OrdinalSort.sort(order, (a, b) -> {
            int c = bySource.compare(sources[a], sources[b]);
            return c != 0 ? c : Integer.compare(a, b);
        }, cancel);
        int[] sortedSources = new int[n];
        int[] sortedEdges = new int[n];
        for (int i = 0; i < n; i++) {
            sortedSources[i] = sources[order[i]];
            sortedEdges[i] = edges[order[i]];
        }
        return new RetainerList(rows, sortedSources, sortedEdges);
    }

    /** Whether the node has any retainer the Retainers pane lists (without building the list). */
    public static boolean hasRetainers(AnalyzedHeap heap, int ordinal) {
        HeapGraph graph = heap.graph();
        int root = graph.rootOrdinal();
        byte[] types = graph.edgeTypes();
        boolean[] found = {false};
        heap.retainers().forEachRetainingEdge(graph, ordinal, (source, edge) -> {
            if (source != root && types[edge] != EdgeType.WEAK) {
                found[0] = true;
            }
        });
        return found[0];
    }

    public int size() {
        return edges.length;
    }

    /** The retaining node at a position (to walk a chain without making rows). */
    public int sourceAt(int position) {
        return sources[position];
    }

    public Page<EdgeRow> page(int begin, int count) {
        int from = Math.max(0, Math.min(begin, edges.length));
        int to = (int) Math.min(edges.length, (long) from + Math.max(0, count));
        List<EdgeRow> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(rows.retaining(sources[i], edges[i]));
        }
        return new Page<>(page, from, edges.length);
    }
}
