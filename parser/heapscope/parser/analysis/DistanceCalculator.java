package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.BitSet;

/**
 * Distances from the roots, as DevTools computes them ({@code calculateDistances} of HeapSnapshot/JSHeapSnapshot):
 * a BFS from the user roots (distance 1), then a BFS from the root whose distance is {@link
 * Distances#BASE_SYSTEM_DISTANCE} when user roots exist (else 0), so what only the system reaches counts from 1e8.
 * Weak edges are never followed, and three V8 rules apply: {@code sloppy_function_map} of a NativeContext is skipped,
 * descriptor links of {@code (map descriptors)} arrays are skipped (crbug 413608), and of the two edges that hold a
 * WeakMap value the first one met is skipped so the value's distance is that of the later of key and table
 * (crbug 1290800). Nodes in {@code excluded} are never entered (the Retainers view's "ignore this retainer").
 * One instance per computation; not thread-safe. No IO.
 */
final class DistanceCalculator {
    private final HeapGraph graph;
    private final UserRoots userRoots;
    private final WeakMapEdgeNames weakMaps;
    private final NameMask nativeContext;
    private final NameMask sloppyFunctionMap;
    private final NameMask mapDescriptors;
    private final CancelSignal cancel;

    DistanceCalculator(HeapGraph graph, UserRoots userRoots, WeakMapEdgeNames weakMaps, CancelSignal cancel) {
        this.graph = graph;
        this.userRoots = userRoots;
        this.weakMaps = weakMaps;
        this.cancel = cancel;
        this.nativeContext = NameMask.of(graph.strings(), "system / NativeContext");
        this.sloppyFunctionMap = NameMask.of(graph.strings(), "sloppy_function_map");
        this.mapDescriptors = NameMask.of(graph.strings(), "(map descriptors)");
    }

    /**
     * Raw distances by node ordinal ({@link Distances#NO_DISTANCE} where unreached), in a column where the graph's
     * {@code columns()} say.
     */
    IntColumn compute(BitSet excluded, Scratch scratch) {
        int nodeCount = graph.nodeCount();
        int root = graph.rootOrdinal();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        IntColumn distances = graph.columns().ints(nodeCount);
        distances.fill(Distances.NO_DISTANCE);
        for (int e = firstEdge.get(root); e < firstEdge.get(root + 1); e++) {
            if (userRoots.isUserRoot(targets.get(e))) {
                distances.set(targets.get(e), 1);
            }
        }
        // One pairing state for both passes, as DevTools shares its filter between them.
        BitSet pendingEphemeronPairs = new BitSet(weakMaps.pairCount());
        // DevTools queues the user roots first, each as often as the root lists it; expanding them straight from the
        // root's edges, in that order, is the same walk, and leaves the queue holding every other node at most once.
        IntColumn queue = scratch.takeColumn(false, graph.columns());
        int length = 0;
        boolean userRootsFound = false;
        for (int e = firstEdge.get(root); e < firstEdge.get(root + 1); e++) {
            if (userRoots.isUserRoot(targets.get(e))) {
                userRootsFound = true;
                length = expand(targets.get(e), queue, length, distances, excluded, pendingEphemeronPairs);
            }
        }
        bfs(queue, length, distances, excluded, pendingEphemeronPairs);
        distances.set(root, userRootsFound ? Distances.BASE_SYSTEM_DISTANCE : 0);
        queue.set(0, root);
        bfs(queue, 1, distances, excluded, pendingEphemeronPairs);
        scratch.give(queue);
        return distances;
    }

    /** Expands the queued nodes in order; those it reaches are queued behind them. */
    private void bfs(IntColumn queue, int length, IntColumn distances, BitSet excluded, BitSet pendingPairs) {
        for (int head = 0; head < length; head++) {
            if ((head & 0xFFFF) == 0xFFFF) {
                cancel.throwIfCanceled();
            }
            length = expand(queue.get(head), queue, length, distances, excluded, pendingPairs);
        }
    }

    /** Gives the node's unvisited children its distance + 1 and queues them; returns the new queue length. */
    private int expand(int node, IntColumn queue, int length, IntColumn distances, BitSet excluded,
            BitSet pendingPairs) {
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        int distance = distances.get(node) + 1;
        for (int e = firstEdge.get(node), end = firstEdge.get(node + 1); e < end; e++) {
            if (graph.edgeType(e) == EdgeType.WEAK) {
                continue;
            }
            int child = targets.get(e);
            if (distances.get(child) != Distances.NO_DISTANCE) {
                continue;
            }
            if (excluded != null && excluded.get(child)) {
                continue;
            }
            if (!mayFollow(node, e, pendingPairs)) {
                continue;
            }
            distances.set(child, distance);
            queue.set(length++, child);
        }
        return length;
    }

    /** DevTools' JS-specific edge filter; called only for unvisited targets, like DevTools (it has side effects). */
    private boolean mayFollow(int node, int edge, BitSet pendingPairs) {
        byte nodeType = graph.nodeTypes().get(node);
        int nodeName = graph.nodeNames().get(node);
        byte edgeType = graph.edgeType(edge);
        int edgeName = graph.edgeNameIndex(edge);
        boolean stringName = !EdgeType.hasNumericName(edgeType);
        if (nodeType == NodeType.HIDDEN && stringName && sloppyFunctionMap.test(edgeName)
                && nativeContext.test(nodeName)) {
            return false;
        }
        if (nodeType == NodeType.ARRAY && mapDescriptors.test(nodeName)) {
            // [0] count, [1] enum cache, then (key, type, descriptor) triples: skip every descriptor link.
            double index = stringName ? JsNumbers.parseInt(graph.strings().get(edgeName)) : edgeName;
            return index < 2 || index % 3 != 1;
        }
        if (edgeType == EdgeType.INTERNAL && weakMaps.isEphemeron(edgeName)) {
            int pair = weakMaps.pairId(edgeName);
            if (!pendingPairs.get(pair)) {
                pendingPairs.set(pair);
                return false;
            }
            pendingPairs.clear(pair);
        }
        return true;
    }
}
