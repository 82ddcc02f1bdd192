package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.graph.NodeType;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;

/**
 * The Shallow Size column as DevTools shows it ({@code calculateShallowSizes} of JSHeapSnapshot): each hidden or array
 * node (and each {@code system / ExternalStringData}) reachable over non-weak edges from exactly one other node
 * ("owner") has its size moved into that owner, unless the owner is the root or synthetic. So a JS array's backing
 * store counts towards the array. Skipped when the heap has no user roots (V8's "expose internals" snapshots, HPROF
 * dumps): then the sizes stay as the file gives them. Like DevTools, it rewrites the graph's self sizes in place
 * rather than keeping a second array: only the shallow sizes are shown anywhere. Running it again changes nothing
 * (owned nodes are then 0 already). Stateless. No IO.
 */
final class ShallowSizes {
    private static final int UNVISITED = -1;
    private static final int MULTIPLE_OWNERS = -2;

    private ShallowSizes() {
    }

    /** Turns the graph's self sizes into shallow sizes, by node ordinal, and returns them. */
    static NodeSizes compute(HeapGraph graph, UserRoots userRoots, Scratch scratch, CancelSignal cancel) {
        NodeSizes sizes = graph.nodeSelfSizes();
        if (!userRoots.exist()) {
            return sizes;
        }
        int nodeCount = graph.nodeCount();
        ByteColumn nodeTypes = graph.nodeTypes();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        NameMask externalStringData = NameMask.of(graph.strings(), "system / ExternalStringData");
        IntColumn nodeNames = graph.nodeNames();

        int[] owners = scratch.take(false);
        // A worklist fixed point: a node is queued whenever its owner state rises (unvisited, one owner, several
        // owners) and is not queued already, so the stack never holds more than nodeCount entries; when it is popped
        // it passes on its state at that time. Several owners is final, so the order does not change the result.
        int[] worklist = scratch.take(false);
        // One bit per node, by hand: BitSet.clear rescans for the highest set word, which a stack popping from the
        // top makes slow.
        long[] queued = new long[(nodeCount + 63) >>> 6];
        int top = 0;
        for (int i = 0; i < nodeCount; i++) {
            byte type = nodeTypes.get(i);
            boolean ownable = type == NodeType.HIDDEN || type == NodeType.ARRAY
                    || (type == NodeType.NATIVE && externalStringData.test(nodeNames.get(i)));
            if (ownable) {
                owners[i] = UNVISITED;
            } else {
                owners[i] = i;
                worklist[top++] = i;
                queued[i >>> 6] |= 1L << i;
            }
        }
        long steps = 0;
        while (top > 0) {
            int node = worklist[--top];
            queued[node >>> 6] &= ~(1L << node);
            if ((++steps & 0xFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            int owner = owners[node];
            for (int e = firstEdge.get(node), end = firstEdge.get(node + 1); e < end; e++) {
                if (graph.edgeType(e) == EdgeType.WEAK) {
                    continue;
                }
                int target = targets.get(e);
                int targetOwner = owners[target];
                if (targetOwner == UNVISITED) {
                    owners[target] = owner;
                } else if (targetOwner != target && targetOwner != owner && targetOwner != MULTIPLE_OWNERS) {
                    owners[target] = MULTIPLE_OWNERS;
                } else {
                    continue;
                }
                if ((queued[target >>> 6] & (1L << target)) == 0) {
                    queued[target >>> 6] |= 1L << target;
                    worklist[top++] = target;
                }
            }
        }
        int root = graph.rootOrdinal();
        for (int i = 0; i < nodeCount; i++) {
            int owner = owners[i];
            if (owner < 0 || owner == i || owner == root || nodeTypes.get(owner) == NodeType.SYNTHETIC) {
                continue;
            }
            sizes.add(owner, sizes.get(i));
            sizes.set(i, 0);
        }
        scratch.give(owners, worklist);
        return sizes;
    }
}
