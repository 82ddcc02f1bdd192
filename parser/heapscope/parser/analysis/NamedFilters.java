package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.StringTable;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The Summary's named filters, as DevTools defines them ({@code createNamedFilter} and
 * {@code createDuplicatedStringsFilter} in HeapSnapshot.ts): each gives the set of nodes it keeps. Stateless. No IO.
 */
final class NamedFilters {
    private NamedFilters() {
    }

    /** The nodes a named filter keeps, or null for filters that are not named ones. */
    static BitSet of(AnalyzedHeap heap, NodeFilter filter) {
        if (filter instanceof NodeFilter.DuplicatedStrings) {
            return duplicatedStrings(heap);
        }
        if (filter instanceof NodeFilter.DetachedDom) {
            return retainedByDetachedDom(heap);
        }
        return null;
    }

    /**
     * String and concatenated-string nodes (flattened cons strings and zero-size ones aside) whose text another such
     * node has. V8 cuts string names at 1024 characters and marks the cut ones {@code truncated}: those count as
     * equal only when their length and hash are equal too.
     */
    static BitSet duplicatedStrings(AnalyzedHeap heap) {
        HeapGraph graph = heap.graph();
        BitSet result = new BitSet(graph.nodeCount());
        Map<String, Integer> firstByText = new HashMap<>();
        // Truncated strings are matched among themselves, by text, length and hash (a missing one matches missing).
        Map<String, Integer> firstByTruncatedKey = new HashMap<>();
        ByteColumn types = graph.nodeTypes();
        NodeSizes shallow = heap.shallowSizes();
        for (int node = 0; node < types.length(); node++) {
            if (types.get(node) != NodeType.STRING && types.get(node) != NodeType.CONCATENATED_STRING) {
                continue;
            }
            if (isFlatConsString(graph, node) || shallow.get(node) == 0) {
                continue;
            }
            String text = NodeNames.nodeName(graph, node);
            Integer first;
            if (isTruncated(graph, node)) {
                String key = text + '\0' + intValue(graph, internalTarget(graph, node, "length")) + '\0'
                        + intValue(graph, internalTarget(graph, node, "hash"));
                first = firstByTruncatedKey.putIfAbsent(key, node);
            } else {
                first = firstByText.putIfAbsent(text, node);
            }
            if (first != null) {
                result.set(first);
                result.set(node);
            }
        }
        return result;
    }

    /**
     * What a BFS from the root cannot reach without entering a detached DOM node, among the nodes the normal
     * distance BFS reaches: the detached nodes themselves and all that only they keep reachable.
     */
    static BitSet retainedByDetachedDom(AnalyzedHeap heap) {
        HeapGraph graph = heap.graph();
        int nodeCount = graph.nodeCount();
        ByteColumn domStates = heap.domStates();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        BitSet reached = new BitSet(nodeCount);
        int[] queue = new int[nodeCount];
        int length = 0;
        queue[length++] = graph.rootOrdinal();
        reached.set(graph.rootOrdinal());
        for (int head = 0; head < length; head++) {
            int node = queue[head];
            for (int e = firstEdge.get(node); e < firstEdge.get(node + 1); e++) {
                int child = targets.get(e);
                boolean follow = graph.edgeType(e) != EdgeType.WEAK && domStates.get(child) != DomState.DETACHED;
                if (follow && !reached.get(child)) {
                    reached.set(child);
                    queue[length++] = child;
                }
            }
        }
        BitSet result = new BitSet(nodeCount);
        IntColumn distances = heap.distances();
        for (int node = 0; node < nodeCount; node++) {
            if (!reached.get(node) && distances.get(node) != Distances.NO_DISTANCE) {
                result.set(node);
            }
        }
        return result;
    }

    /** DevTools' {@code isFlatConsString}: a cons string one of whose halves is the empty string. */
    private static boolean isFlatConsString(HeapGraph graph, int node) {
        if (graph.nodeTypes().get(node) != NodeType.CONCATENATED_STRING) {
            return false;
        }
        StringTable strings = graph.strings();
        for (int e = graph.firstEdgeIndex().get(node); e < graph.firstEdgeIndex().get(node + 1); e++) {
            if (graph.edgeType(e) != EdgeType.INTERNAL) {
                continue;
            }
            int name = graph.edgeNameIndex(e);
            if ((strings.equalsAt(name, "first") || strings.equalsAt(name, "second"))
                    && NodeNames.nodeName(graph, graph.edgeTarget(e)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTruncated(HeapGraph graph, int node) {
        int flag = internalTarget(graph, node, "truncated");
        if (flag < 0 || graph.nodeTypes().get(flag) != NodeType.NUMBER
                || !graph.strings().equalsAt(graph.nodeNames().get(flag), "bool")) {
            return false;
        }
        int value = internalTarget(graph, flag, "value");
        return value >= 0 && graph.strings().equalsAt(graph.nodeNames().get(value), "true");
    }

    /** V8's virtual {@code int} number node: its {@code value} edge names the number. */
    private static Long intValue(HeapGraph graph, int node) {
        if (node < 0 || graph.nodeTypes().get(node) != NodeType.NUMBER
                || !graph.strings().equalsAt(graph.nodeNames().get(node), "int")) {
            return null;
        }
        int value = internalTarget(graph, node, "value");
        if (value < 0) {
            return null;
        }
        double number = JsNumbers.parseInt(graph.nodeName(value));
        return Double.isNaN(number) ? null : (long) number;
    }

    /** The target of the node's first internal edge with this name (DevTools' {@code findInternalEdgeTarget}). */
    private static int internalTarget(HeapGraph graph, int node, String name) {
        for (int e = graph.firstEdgeIndex().get(node); e < graph.firstEdgeIndex().get(node + 1); e++) {
            if (graph.edgeType(e) == EdgeType.INTERNAL && NodeNames.edgeName(graph, e).equals(name)) {
                return graph.edgeTarget(e);
            }
        }
        return -1;
    }
}
