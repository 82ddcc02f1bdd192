package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.Distances;
import heapscope.parser.analysis.NodeNames;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.StringTable;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The node sets of DevTools' named Summary filters ({@code createNamedFilter}, {@code createDuplicatedStringsFilter}),
 * which the Summary's instance lists need node by node. The engine aggregates the same filters itself
 * ({@code ClassAggregator} with {@link NodeFilter.DuplicatedStrings} / {@link NodeFilter.DetachedDom}) but keeps its
 * node sets package-private, so the rules are repeated here; {@code NamedFiltersTest} checks that both agree on every
 * class. Stateless. No IO.
 */
public final class NamedFilters {
    private static final byte DETACHED = 2;

    private NamedFilters() {
    }

    /** The nodes a named filter keeps, or null for a filter that is not a named one. */
    public static BitSet of(AnalyzedHeap heap, NodeFilter filter, CancelSignal cancel) {
        if (filter instanceof NodeFilter.DuplicatedStrings) {
            return duplicatedStrings(heap, cancel);
        }
        if (filter instanceof NodeFilter.DetachedDom) {
            return retainedByDetachedDom(heap, cancel);
        }
        return null;
    }

    /**
     * String and concatenated-string nodes (flattened cons strings and zero-size ones aside) whose text another such
     * node has, all members of each group. Strings V8 cut at 1024 characters ({@code truncated}) match only others
     * with the same text, length and hash.
     */
    public static BitSet duplicatedStrings(AnalyzedHeap heap, CancelSignal cancel) {
        HeapGraph graph = heap.graph();
        BitSet result = new BitSet(graph.nodeCount());
        Map<String, Integer> firstByText = new HashMap<>();
        Map<String, Integer> firstByTruncatedKey = new HashMap<>();
        byte[] types = graph.nodeTypes();
        long[] shallow = heap.shallowSizes();
        for (int node = 0; node < types.length; node++) {
            if ((node & 0xFFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (types[node] != NodeType.STRING && types[node] != NodeType.CONCATENATED_STRING) {
                continue;
            }
            if (isFlatConsString(graph, node) || shallow[node] == 0) {
                continue;
            }
            String text = NodeNames.nodeName(graph, node);
            Integer first;
            if (isTruncated(graph, node)) {
                String key = text + '\0' + intText(graph, internalTarget(graph, node, "length")) + '\0'
                        + intText(graph, internalTarget(graph, node, "hash"));
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
     * Objects retained by detached DOM nodes: what a walk from the root over non-weak references cannot reach without
     * entering a detached DOM node, among the nodes some root reaches.
     */
    public static BitSet retainedByDetachedDom(AnalyzedHeap heap, CancelSignal cancel) {
        HeapGraph graph = heap.graph();
        int n = graph.nodeCount();
        byte[] dom = heap.domStates();
        int[] firstEdge = graph.firstEdgeIndex();
        int[] targets = graph.edgeTargets();
        byte[] edgeTypes = graph.edgeTypes();
        BitSet reached = new BitSet(n);
        int[] queue = new int[n];
        int tail = 0;
        int root = graph.rootOrdinal();
        reached.set(root);
        queue[tail++] = root;
        for (int head = 0; head < tail; head++) {
            if ((head & 0xFFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            int node = queue[head];
            for (int e = firstEdge[node]; e < firstEdge[node + 1]; e++) {
                int target = targets[e];
                if (edgeTypes[e] != EdgeType.WEAK && !reached.get(target) && dom[target] != DETACHED) {
                    reached.set(target);
                    queue[tail++] = target;
                }
            }
        }
        int[] distances = heap.distances();
        BitSet result = new BitSet(n);
        for (int node = 0; node < n; node++) {
            if (!reached.get(node) && distances[node] != Distances.NO_DISTANCE) {
                result.set(node);
            }
        }
        return result;
    }

    /** A cons string one of whose halves is the empty string. */
    private static boolean isFlatConsString(HeapGraph graph, int node) {
        if (graph.nodeTypes()[node] != NodeType.CONCATENATED_STRING) {
            return false;
        }
        StringTable strings = graph.strings();
        for (int e = graph.firstEdgeIndex()[node]; e < graph.firstEdgeIndex()[node + 1]; e++) {
            if (graph.edgeTypes()[e] != EdgeType.INTERNAL) {
                continue;
            }
            int name = graph.edgeNames()[e];
            if ((strings.equalsAt(name, "first") || strings.equalsAt(name, "second"))
                    && NodeNames.nodeName(graph, graph.edgeTargets()[e]).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTruncated(HeapGraph graph, int node) {
        int flag = internalTarget(graph, node, "truncated");
        if (flag < 0 || graph.nodeTypes()[flag] != NodeType.NUMBER
                || !graph.strings().equalsAt(graph.nodeNames()[flag], "bool")) {
            return false;
        }
        int value = internalTarget(graph, flag, "value");
        return value >= 0 && graph.strings().equalsAt(graph.nodeNames()[value], "true");
    }

    /** The text of V8's virtual {@code int} number node's value, or "" when it is not one. */
    private static String intText(HeapGraph graph, int node) {
        if (node < 0 || graph.nodeTypes()[node] != NodeType.NUMBER
                || !graph.strings().equalsAt(graph.nodeNames()[node], "int")) {
            return "";
        }
        int value = internalTarget(graph, node, "value");
        return value < 0 ? "" : graph.nodeName(value).strip();
    }

    /** The target of the node's first internal edge with this name. */
    private static int internalTarget(HeapGraph graph, int node, String name) {
        for (int e = graph.firstEdgeIndex()[node]; e < graph.firstEdgeIndex()[node + 1]; e++) {
            if (graph.edgeTypes()[e] == EdgeType.INTERNAL && NodeNames.edgeName(graph, e).equals(name)) {
                return graph.edgeTargets()[e];
            }
        }
        return -1;
    }
}
