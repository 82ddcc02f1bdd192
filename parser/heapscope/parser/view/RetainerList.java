package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.progress.CancelSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * The retainers of a node as the engine's {@link RetainerView} ranks them (closest first, ignored retainers
 * considered), read a page at a time; sorting by another column reorders them by the retainer's values, ties in the
 * engine's order. The caller must not use the {@code RetainerView} from two threads at once while this list is made.
 * Immutable afterwards; thread-safe. No IO.
 */
public final class RetainerList {
    private final NodeRows rows;
    private final List<RetainerEdge> edges;

    private RetainerList(NodeRows rows, List<RetainerEdge> edges) {
        this.rows = rows;
        this.edges = edges;
    }

    public static RetainerList of(NodeRows rows, RetainerView view, int ordinal, Sort sort, CancelSignal cancel) {
        List<RetainerEdge> ranked = view.retainers(ordinal);
        if (sort.column() == SortColumn.DISTANCE && !sort.descending()) {
            return new RetainerList(rows, ranked);
        }
        int n = ranked.size();
        int[] sources = new int[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            sources[i] = ranked.get(i).retainerNode();
            order[i] = i;
        }
        OrdinalSort.IntComparator bySource;
        if (sort.column() == SortColumn.DISTANCE) {
            bySource = (a, b) -> -Integer.compare(ranked.get(a).sortDistance(), ranked.get(b).sortDistance());
            OrdinalSort.sort(order, (a, b) -> {
                int c = bySource.compare(a, b);
                return c != 0 ? c : Integer.compare(a, b);
            }, cancel);
        } else {
            OrdinalSort.IntComparator nodes = NodeOrder.comparatorOf(rows.heap(), sources, n, sort, cancel);
            OrdinalSort.sort(order, (a, b) -> {
                int c = nodes.compare(sources[a], sources[b]);
                return c != 0 ? c : Integer.compare(a, b);
            }, cancel);
        }
        List<RetainerEdge> sorted = new ArrayList<>(n);
        for (int i : order) {
            sorted.add(ranked.get(i));
        }
        return new RetainerList(rows, sorted);
    }

    /** Whether the node has any retainer the Retainers pane lists (without building the list). */
    public static boolean hasRetainers(AnalyzedHeap heap, int ordinal) {
        HeapGraph graph = heap.graph();
        int root = graph.rootOrdinal();
        boolean[] found = {false};
        heap.retainers().forEachRetainingEdge(graph, ordinal, (source, edge) -> {
            if (source != root && graph.edgeType(edge) != EdgeType.WEAK) {
                found[0] = true;
            }
        });
        return found[0];
    }

    public int size() {
        return edges.size();
    }

    public Page<RetainerRow> page(int begin, int count) {
        int from = Math.max(0, Math.min(begin, edges.size()));
        int to = (int) Math.min(edges.size(), (long) from + Math.max(0, count));
        List<RetainerRow> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            RetainerEdge edge = edges.get(i);
            page.add(new RetainerRow(rows.retaining(edge.retainerNode(), edge.edgeIndex()), edge.sortDistance(),
                    edge.retainerIgnored()));
        }
        return new Page<>(page, from, edges.size());
    }
}
