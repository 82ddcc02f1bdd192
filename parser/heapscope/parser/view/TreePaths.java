package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.Arrays;

/**
 * Where an object sits in the trees the views draw from the snapshot's root, so that a view can open the rows down to
 * it ("reveal"): its chain of dominators (Dominators), and the shortest chain of references from the root
 * (Containment). Stateless. No IO.
 */
public final class TreePaths {
    private TreePaths() {
    }

    /**
     * The objects from the root's dominated child down to {@code node}, each dominating the next; empty for the root
     * and for a node the dominator tree does not hold.
     */
    public static int[] dominatorChain(AnalyzedHeap heap, int node) {
        int root = heap.graph().rootOrdinal();
        IntColumn dominators = heap.dominators();
        int[] chain = new int[16];
        int length = 0;
        for (int at = node; at != root; at = dominators.get(at)) {
            if (length == chain.length) {
                chain = Arrays.copyOf(chain, length * 2);
            }
            chain[length++] = at;
            if (length > heap.graph().nodeCount() || dominators.get(at) == at) {
                return new int[0]; // not under the root: nothing to open
            }
        }
        int[] topDown = new int[length];
        for (int i = 0; i < length; i++) {
            topDown[i] = chain[length - 1 - i];
        }
        return topDown;
    }

    /**
     * The edges of a shortest chain of references from the root to {@code node}, first edge first (a breadth-first
     * walk over every reference, as Containment lists them); empty when no chain reaches it.
     */
    public static int[] containmentPath(AnalyzedHeap heap, int node, CancelSignal cancel) {
        HeapGraph graph = heap.graph();
        int root = graph.rootOrdinal();
        if (node == root) {
            return new int[0];
        }
        int n = graph.nodeCount();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        // The edge each node was first reached by, plus one (0: not reached yet).
        int[] reachedBy = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = root;
        reachedBy[root] = -1;
        while (head < tail && reachedBy[node] == 0) {
            int current = queue[head++];
            if ((head & 0xFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            for (int e = firstEdge.get(current); e < firstEdge.get(current + 1); e++) {
                int target = targets.get(e);
                if (reachedBy[target] == 0) {
                    reachedBy[target] = e + 1;
                    queue[tail++] = target;
                }
            }
        }
        if (reachedBy[node] <= 0) {
            return new int[0];
        }
        int length = 0;
        int[] reversed = new int[16];
        for (int at = node; at != root; ) {
            int edge = reachedBy[at] - 1;
            if (length == reversed.length) {
                reversed = Arrays.copyOf(reversed, length * 2);
            }
            reversed[length++] = edge;
            at = sourceOf(firstEdge, edge);
        }
        int[] path = new int[length];
        for (int i = 0; i < length; i++) {
            path[i] = reversed[length - 1 - i];
        }
        return path;
    }

    /** The node whose edges include {@code edge} (a binary search of the CSR offsets). */
    private static int sourceOf(IntColumn firstEdge, int edge) {
        int low = 0;
        int high = firstEdge.length() - 2;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (firstEdge.get(mid) <= edge) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
