package heapscope.parser.analysis;

import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;

/**
 * The dominator tree's children lists in CSR layout: the nodes immediately dominated by {@code n} are
 * {@code dominatedNodes[firstDominated[n]]} to {@code dominatedNodes[firstDominated[n + 1] - 1]}, in ordinal order.
 * The root dominates itself but is not its own child. Both columns are where the graph's {@code columns()} say (on the
 * heap, or mapped off it). Immutable; thread-safe. No IO.
 */
public final class DominatedNodes {
    private final IntColumn firstDominated;
    private final IntColumn dominatedNodes;

    DominatedNodes(IntColumn firstDominated, IntColumn dominatedNodes) {
        this.firstDominated = firstDominated;
        this.dominatedNodes = dominatedNodes;
    }

    /** Builds the lists in two arrays from {@code scratch} (or mapped, see {@link Columns}), which the result keeps. */
    static DominatedNodes build(IntColumn dominatorByNode, int nodeCount, int root, Scratch scratch, Columns columns) {
        IntColumn first = scratch.takeColumn(true, columns);
        for (int node = 0; node < nodeCount; node++) {
            if (node != root) {
                CsrLists.count(first, dominatorByNode.get(node));
            }
        }
        CsrLists.sumCounts(first, nodeCount);
        // Going through the nodes from last to first, so that every slice ends up in ordinal order.
        IntColumn children = scratch.takeColumn(false, columns);
        for (int node = nodeCount - 1; node >= 0; node--) {
            if (node != root) {
                CsrLists.place(first, dominatorByNode.get(node), children, node);
            }
        }
        CsrLists.closeSlices(first, nodeCount, Math.max(0, nodeCount - 1));
        return new DominatedNodes(first, children);
    }

    /** First child position by node ordinal; {@code nodeCount + 1} entries. */
    public IntColumn firstDominated() {
        return firstDominated;
    }

    /** Child node ordinals, grouped by dominator; {@code nodeCount - 1} of them, at the start of the column. */
    public IntColumn dominatedNodes() {
        return dominatedNodes;
    }

    /** The children of {@code node}, in ordinal order, in a new array. */
    public int[] childrenOf(int node) {
        int from = firstDominated.get(node);
        int[] children = new int[firstDominated.get(node + 1) - from];
        dominatedNodes.copyTo(from, children, 0, children.length);
        return children;
    }

    /** How many nodes {@code node} immediately dominates. */
    public int childCount(int node) {
        return firstDominated.get(node + 1) - firstDominated.get(node);
    }

    long retainedBytes() {
        return 4L * firstDominated.length() + 4L * dominatedNodes.length();
    }

    /** What {@link #retainedBytes} has in mapped files off the Java heap. */
    long offHeapBytes() {
        return retainedBytes() - firstDominated.heapBytes() - dominatedNodes.heapBytes();
    }
}
