package heapscope.parser.analysis;

import heapscope.parser.graph.NodeSizes;
import heapscope.parser.store.IntColumn;
import java.util.BitSet;

/**
 * Retained size = a node's shallow size plus the retained sizes of the nodes it immediately dominates, accumulated
 * bottom-up in reverse DFS order (a node always comes after its dominator). One node can retain more than 2 GB:
 * {@link NodeSizes} holds such sizes whole. Stateless. No IO.
 */
final class RetainedSizes {
    private RetainedSizes() {
    }

    /**
     * @param uncounted nodes whose own size is left out (HPROF's unreachable objects), or null
     */
    static NodeSizes compute(DominatorTree tree, NodeSizes shallowSizes, BitSet uncounted) {
        NodeSizes retained = shallowSizes.copy();
        if (uncounted != null) {
            for (int node = uncounted.nextSetBit(0); node >= 0; node = uncounted.nextSetBit(node + 1)) {
                retained.set(node, 0);
            }
        }
        IntColumn order = tree.nodeByDfsOrder();
        IntColumn dominators = tree.dominatorByNode();
        for (int i = tree.nodeCount() - 1; i > 0; i--) {
            int node = order.get(i);
            retained.add(dominators.get(node), retained.get(node));
        }
        return retained;
    }
}
