package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.BitSet;

/**
 * Which edges can retain, i.e. take part in the dominator tree, by DevTools' rules ({@code computeIsEssentialEdge} in
 * HeapSnapshot.ts). An edge is not essential when it is weak, a self edge, a WeakMap ephemeron edge from the table
 * itself (the key's edge is kept), a shortcut from any node but the root, or an edge from a node the page does not own
 * into one it does. Edges from {@code uncounted} nodes (HPROF's unreachable objects) are not essential either, so
 * garbage that points into live objects cannot change their dominators. Stateless. No IO.
 */
final class EssentialEdges {
    private EssentialEdges() {
    }

    /** The set of essential edge indexes. */
    static BitSet compute(HeapGraph graph, BitSet pageOwned, WeakMapEdgeNames weakMaps, BitSet uncounted,
            CancelSignal cancel) {
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        int root = graph.rootOrdinal();
        BitSet essential = new BitSet(graph.edgeCount());
        for (int node = 0, n = graph.nodeCount(); node < n; node++) {
            if ((node & 0xFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (uncounted != null && uncounted.get(node)) {
                continue;
            }
            boolean nodeOwned = pageOwned.get(node);
            for (int e = firstEdge.get(node), end = firstEdge.get(node + 1); e < end; e++) {
                byte type = graph.edgeType(e);
                int target = targets.get(e);
                if (type == EdgeType.WEAK || target == node) {
                    continue;
                }
                if (type == EdgeType.INTERNAL && weakMaps.isEphemeron(graph.edgeNameIndex(e))
                        && weakMaps.tableId(graph.edgeNameIndex(e)) == graph.nodeId(node)) {
                    continue;
                }
                if (node != root && (type == EdgeType.SHORTCUT || (pageOwned.get(target) && !nodeOwned))) {
                    continue;
                }
                essential.set(e);
            }
        }
        return essential;
    }
}
