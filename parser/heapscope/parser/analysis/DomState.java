package heapscope.parser.analysis;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.StringTable;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;

/**
 * Whether each DOM (embedder, {@code native}) node is attached to a document, detached from it, or unknown, as
 * DevTools' {@code propagateDOMState} works it out: a node known to be attached makes every native node it reaches
 * (over edges that are not hidden or weak) attached; then a detached one makes the native nodes it reaches detached
 * unless already attached. Propagation stops at non-native nodes. Detached nodes are renamed {@code "Detached " +
 * name} in the graph's name array, which is why the Summary shows "Detached &lt;div&gt;". Snapshots without a
 * {@code detachedness} field (older V8) only get native nodes named "Detached ..." marked, without propagation.
 * Stateless. No IO.
 */
final class DomState {
    static final byte UNKNOWN = 0;
    static final byte ATTACHED = 1;
    static final byte DETACHED = 2;

    private DomState() {
    }

    /** The DOM state by node ordinal; renames detached nodes in {@code graph.nodeNames()}. */
    static byte[] propagate(HeapGraph graph) {
        int nodeCount = graph.nodeCount();
        ByteColumn nodeTypes = graph.nodeTypes();
        IntColumn names = graph.nodeNames();
        StringTable strings = graph.strings();
        byte[] fromFile = graph.nodeDetachedness();
        byte[] state = new byte[nodeCount];
        if (fromFile == null) {
            for (int node = 0; node < nodeCount; node++) {
                if (nodeTypes.get(node) == NodeType.NATIVE && strings.get(names.get(node)).startsWith("Detached ")) {
                    state[node] = DETACHED;
                }
            }
            return state;
        }
        System.arraycopy(fromFile, 0, state, 0, nodeCount);
        new Propagation(graph, state).run();
        return state;
    }

    private static final class Propagation {
        private final HeapGraph graph;
        private final byte[] state;
        private final boolean[] visited;
        private final IntArrayList attached = new IntArrayList();
        private final IntArrayList detached = new IntArrayList();
        /** Old name index to its "Detached " variant, each variant added to the string table once. */
        private final IntIntHashMap detachedNameByName = new IntIntHashMap();

        Propagation(HeapGraph graph, byte[] state) {
            this.graph = graph;
            this.state = state;
            this.visited = new boolean[graph.nodeCount()];
        }

        void run() {
            for (int node = 0; node < state.length; node++) {
                if (state[node] != UNKNOWN) {
                    process(node, state[node]);
                }
            }
            while (!attached.isEmpty()) {
                propagate(attached.removeLast(), ATTACHED);
            }
            while (!detached.isEmpty()) {
                int node = detached.removeLast();
                if (state[node] != ATTACHED) {
                    propagate(node, DETACHED);
                }
            }
        }

        private void propagate(int parent, byte newState) {
            IntColumn firstEdge = graph.firstEdgeIndex();
            IntColumn targets = graph.edgeTargets();
            for (int e = firstEdge.get(parent), end = firstEdge.get(parent + 1); e < end; e++) {
                byte type = graph.edgeType(e);
                if (type != EdgeType.HIDDEN && type != EdgeType.WEAK) {
                    process(targets.get(e), newState);
                }
            }
        }

        private void process(int node, byte newState) {
            if (visited[node]) {
                return;
            }
            visited[node] = true;
            if (graph.nodeTypes().get(node) != NodeType.NATIVE) {
                return;
            }
            state[node] = newState;
            if (newState == ATTACHED) {
                attached.add(node);
            } else if (newState == DETACHED) {
                rename(node);
                detached.add(node);
            }
        }

        private void rename(int node) {
            IntColumn names = graph.nodeNames();
            int old = names.get(node);
            int renamed = detachedNameByName.getOrDefault(old, -1);
            if (renamed < 0) {
                renamed = graph.strings().add("Detached " + graph.strings().get(old));
                detachedNameByName.put(old, renamed);
            }
            names.set(node, renamed);
        }
    }
}
