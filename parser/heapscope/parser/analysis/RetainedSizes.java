package heapscope.parser.analysis;

import java.util.BitSet;

/**
 * Retained size = a node's shallow size plus the retained sizes of the nodes it immediately dominates, accumulated
 * bottom-up in reverse DFS order (a node always comes after its dominator). Sizes are {@code long}: one node can
 * retain more than 2 GB. Stateless. No IO.
 */
final class RetainedSizes {
    private RetainedSizes() {
    }

    /**
     * @param uncounted nodes whose own size is left out (HPROF's unreachable objects), or null
     */
    static long[] compute(DominatorTree tree, long[] shallowSizes, BitSet uncounted) {
        long[] retained = shallowSizes.clone();
        if (uncounted != null) {
            for (int node = uncounted.nextSetBit(0); node >= 0; node = uncounted.nextSetBit(node + 1)) {
                retained[node] = 0;
            }
        }
        int[] order = tree.nodeByDfsOrder();
        int[] dominators = tree.dominatorByNode();
        for (int i = tree.nodeCount() - 1; i > 0; i--) {
            int node = order[i];
            retained[dominators[node]] += retained[node];
        }
        return retained;
    }
}
