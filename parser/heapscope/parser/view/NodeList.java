package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * A sorted list of nodes, read a page at a time: the instances of a class, or the children of a node in the
 * dominator tree. The list holds 4 bytes per node and no row objects; rows are made for the requested page only.
 * Immutable; thread-safe. No IO.
 */
public final class NodeList {
    private final NodeRows rows;
    private final int[] ordinals;
    private final Sort sort;

    NodeList(NodeRows rows, int[] ordinals, Sort sort, CancelSignal cancel) {
        this.rows = rows;
        this.ordinals = ordinals;
        this.sort = sort;
        NodeOrder.sort(rows.heap(), ordinals, sort, cancel);
    }

    /** The instances of a class (with a shallow size, passing the filter), sorted. */
    public static NodeList instances(NodeRows rows, int classId, heapscope.parser.model.NodeFilter filter, Sort sort,
            CancelSignal cancel) {
        return instances(rows, classId, ObjectFilter.of(rows.heap(), filter, cancel), sort, cancel);
    }

    /** Any nodes (copied), sorted. */
    public static NodeList of(NodeRows rows, int[] ordinals, Sort sort, CancelSignal cancel) {
        return new NodeList(rows, ordinals.clone(), sort, cancel);
    }

    /** The instances of a class that pass an {@link ObjectFilter}, sorted. */
    public static NodeList instances(NodeRows rows, int classId, ObjectFilter filter, Sort sort, CancelSignal cancel) {
        AnalyzedHeap heap = rows.heap();
        IntColumn classByNode = heap.classes().classByNode();
        int count = 0;
        for (int node = 0; node < classByNode.length(); node++) {
            if (classByNode.get(node) == classId && filter.accepts(node)) {
                count++;
            }
        }
        int[] ordinals = new int[count];
        int at = 0;
        for (int node = 0; node < classByNode.length() && at < count; node++) {
            if (classByNode.get(node) == classId && filter.accepts(node)) {
                ordinals[at++] = node;
            }
        }
        cancel.throwIfCanceled();
        return new NodeList(rows, ordinals, sort, cancel);
    }

    /** The nodes the given node immediately dominates, sorted. */
    public static NodeList dominatedBy(NodeRows rows, int ordinal, Sort sort, CancelSignal cancel) {
        AnalyzedHeap heap = rows.heap();
        return new NodeList(rows, heap.dominatedNodes().childrenOf(ordinal), sort, cancel);
    }

    /** How many nodes the given node immediately dominates. */
    public static int dominatedCount(AnalyzedHeap heap, int ordinal) {
        return heap.dominatedNodes().childCount(ordinal);
    }

    public int size() {
        return ordinals.length;
    }

    public Sort sort() {
        return sort;
    }

    /** The rows {@code begin} to {@code begin + count} (fewer at the end of the list). */
    public Page<NodeRow> page(int begin, int count) {
        int from = Math.max(0, Math.min(begin, ordinals.length));
        int to = (int) Math.min(ordinals.length, (long) from + Math.max(0, count));
        List<NodeRow> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(rows.row(ordinals[i]));
        }
        return new Page<>(page, from, ordinals.length);
    }

    /** The position of a node in this list, or -1. */
    public int indexOf(int ordinal) {
        for (int i = 0; i < ordinals.length; i++) {
            if (ordinals[i] == ordinal) {
                return i;
            }
        }
        return -1;
    }
}
