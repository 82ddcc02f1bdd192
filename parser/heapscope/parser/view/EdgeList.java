package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The outgoing references of a node, sorted, read a page at a time: the children of a Containment row or of a
 * Summary instance. Holds 4 bytes per edge; rows are made for the requested page only. Immutable; thread-safe. No
 * IO.
 */
public final class EdgeList {
    private final NodeRows rows;
    private final int[] edges;

    private EdgeList(NodeRows rows, int[] edges) {
        this.rows = rows;
        this.edges = edges;
    }

    public static EdgeList outgoing(NodeRows rows, int ordinal, Sort sort, CancelSignal cancel) {
        AnalyzedHeap heap = rows.heap();
        IntColumn first = heap.graph().firstEdgeIndex();
        int[] edges = new int[first.get(ordinal + 1) - first.get(ordinal)];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = first.get(ordinal) + i;
        }
        EdgeOrder.sort(heap, edges, sort, cancel);
        return new EdgeList(rows, edges);
    }

    /** How many outgoing references a node has. */
    public static int outgoingCount(AnalyzedHeap heap, int ordinal) {
        IntColumn first = heap.graph().firstEdgeIndex();
        return first.get(ordinal + 1) - first.get(ordinal);
    }

    public int size() {
        return edges.length;
    }

    /** The position of an edge in this list, or -1. */
    public int indexOf(int edgeIndex) {
        for (int i = 0; i < edges.length; i++) {
            if (edges[i] == edgeIndex) {
                return i;
            }
        }
        return -1;
    }

    public Page<EdgeRow> page(int begin, int count) {
        int from = Math.max(0, Math.min(begin, edges.length));
        int to = (int) Math.min(edges.length, (long) from + Math.max(0, count));
        List<EdgeRow> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(rows.outgoing(edges[i]));
        }
        return new Page<>(page, from, edges.length);
    }
}
