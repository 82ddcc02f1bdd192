package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.Distances;
import heapscope.parser.analysis.NodeNames;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.progress.CancelSignal;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * DevTools' named Summary filters (HeapSnapshot.ts {@code createNamedFilter}) as node sets of one heap: duplicated
 * strings, and objects retained by detached DOM nodes. Stateless. No IO.
 */
public final class NamedFilters {
    private static final byte DETACHED = 2;

    private NamedFilters() {
    }

    /**
     * Strings whose text another string of the heap also has ({@code string} and {@code concatenated string} nodes;
     * a concatenated string with an empty half is left out, as DevTools does): every member of a group of two or
     * more.
     */
    public static BitSet duplicatedStrings(AnalyzedHeap heap, CancelSignal cancel) {
        HeapGraph graph = heap.graph();
        int n = graph.nodeCount();
        byte[] types = graph.nodeTypes();
        int[] names = graph.nodeNames();
        // Plain strings: V8 writes each distinct text once, so equal texts share a name index.
        int[] plainCount = new int[graph.strings().size()];
        Map<String, Integer> consCount = new HashMap<>();
        BitSet cons = new BitSet(n);
        for (int node = 0; node < n; node++) {
            if ((node & 0xFFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (types[node] == NodeType.STRING) {
                plainCount[names[node]]++;
            } else if (types[node] == NodeType.CONCATENATED_STRING && !flattened(graph, node)) {
                cons.set(node);
                consCount.merge(NodeNames.nodeName(graph, node), 1, Integer::sum);
            }
        }
        // Texts both plain and concatenated strings have: add the two counts.
        Map<String, Integer> plainByText = new HashMap<>();
        if (!consCount.isEmpty()) {
            for (int s = 0; s < plainCount.length; s++) {
                if (plainCount[s] > 0) {
                    String text = graph.strings().get(s);
                    if (consCount.containsKey(text)) {
                        plainByText.merge(text, plainCount[s], Integer::sum);
                    }
                }
            }
        }
        BitSet result = new BitSet(n);
        for (int node = 0; node < n; node++) {
            if (types[node] == NodeType.STRING) {
                int total = plainCount[names[node]];
                if (total < 2 && !consCount.isEmpty()) {
                    Integer more = consCount.get(graph.strings().get(names[node]));
                    total += more == null ? 0 : more;
                }
                if (total >= 2) {
                    result.set(node);
                }
            } else if (cons.get(node)) {
                String text = NodeNames.nodeName(graph, node);
                if (consCount.get(text) + plainByText.getOrDefault(text, 0) >= 2) {
                    result.set(node);
                }
            }
        }
        return result;
    }

    /** A cons string V8 has flattened: one of its halves is the empty string. */
    private static boolean flattened(HeapGraph graph, int node) {
        int[] first = graph.firstEdgeIndex();
        for (int e = first[node]; e < first[node + 1]; e++) {
            String name = graph.edgeName(e);
            if ((name.equals("first") || name.equals("second"))
                    && graph.strings().byteLength(graph.nodeNames()[graph.edgeTargets()[e]]) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Objects retained by detached DOM nodes: what a walk from the root over non-weak references no longer reaches
     * when it may not enter detached DOM nodes (the detached nodes themselves included), except what no root reaches
     * at all.
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
        int head = 0;
        int tail = 0;
        int root = graph.rootOrdinal();
        reached.set(root);
        queue[tail++] = root;
        while (head < tail) {
            if ((head & 0xFFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            int node = queue[head++];
            for (int e = firstEdge[node]; e < firstEdge[node + 1]; e++) {
                int target = targets[e];
                if (edgeTypes[e] == EdgeType.WEAK || reached.get(target) || dom[target] == DETACHED) {
                    continue;
                }
                reached.set(target);
                queue[tail++] = target;
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
}
