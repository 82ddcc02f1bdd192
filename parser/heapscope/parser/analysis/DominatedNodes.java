package heapscope.parser.analysis;

/**
 * The dominator tree's children lists in CSR layout: the nodes immediately dominated by {@code n} are
 * {@code dominatedNodes[firstDominated[n]]} to {@code dominatedNodes[firstDominated[n + 1] - 1]}, in ordinal order.
 * The root dominates itself but is not its own child. Immutable; thread-safe. No IO.
 */
public final class DominatedNodes {
    private final int[] firstDominated;
    private final int[] dominatedNodes;

    DominatedNodes(int[] firstDominated, int[] dominatedNodes) {
        this.firstDominated = firstDominated;
        this.dominatedNodes = dominatedNodes;
    }

    /** Builds the lists in two arrays from {@code scratch}, which the result keeps. */
    static DominatedNodes build(int[] dominatorByNode, int nodeCount, int root, Scratch scratch) {
        int[] first = scratch.take(true);
        for (int node = 0; node < nodeCount; node++) {
            if (node != root) {
                first[dominatorByNode[node] + 1]++;
            }
        }
        for (int i = 0; i < nodeCount; i++) {
            first[i + 1] += first[i];
        }
        // Fill each dominator's slice from its end backwards with first[d + 1] as the fill pointer (see RetainerIndex),
        // going through the nodes from last to first so that every slice ends up in ordinal order.
        int[] children = scratch.take(false);
        int childCount = Math.max(0, nodeCount - 1);
        for (int node = nodeCount - 1; node >= 0; node--) {
            if (node != root) {
                children[--first[dominatorByNode[node] + 1]] = node;
            }
        }
        System.arraycopy(first, 1, first, 0, nodeCount);
        first[nodeCount] = childCount;
        return new DominatedNodes(first, children);
    }

    /** First child position by node ordinal; {@code nodeCount + 1} entries. */
    public int[] firstDominated() {
        return firstDominated;
    }

    /** Child node ordinals, grouped by dominator; {@code nodeCount - 1} of them, at the start of the array. */
    public int[] dominatedNodes() {
        return dominatedNodes;
    }

    long retainedBytes() {
        return 4L * firstDominated.length + 4L * dominatedNodes.length;
    }
}
