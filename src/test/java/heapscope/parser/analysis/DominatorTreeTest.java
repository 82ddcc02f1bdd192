package heapscope.parser.analysis;

import heapscope.parser.store.IntColumn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.HeapGraphBuilder;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.StringTable;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.TestGraph;
import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DominatorTreeTest {

    private static AnalyzedHeap analyze(HeapGraph graph) {
        return HeapAnalyzer.analyze(graph, ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    /*
     *   root -> A -> B -> D
     *           A -> C -> D
     *   D is reached through B and through C, so A (not B, not C) dominates it.
     */
    @Test
    void aDiamondIsDominatedByItsTop() {
        TestGraph g = new TestGraph().root().element(0, "A")
                .node("A", 10).edge("b", "B").edge("c", "C")
                .node("B", 20).edge("d", "D")
                .node("C", 30).edge("d", "D")
                .node("D", 40);
        AnalyzedHeap heap = analyze(g.build());
        IntColumn dom = heap.dominators();
        assertEquals(g.ordinal("A"), dom.get(g.ordinal("D")));
        assertEquals(g.ordinal("A"), dom.get(g.ordinal("B")));
        assertEquals(g.ordinal("root"), dom.get(g.ordinal("A")));
        assertEquals(100, heap.retainedSizes().get(g.ordinal("A")));
        assertEquals(20, heap.retainedSizes().get(g.ordinal("B")));
        assertEquals(40, heap.retainedSizes().get(g.ordinal("D")));
    }

    @Test
    void weakEdgesRetainNothing() {
        TestGraph g = new TestGraph().root().element(0, "A").element(1, "B")
                .node("A", 10).edge(EdgeType.WEAK, "w", "C").edge("d", "D")
                .node("B", 20).edge("c", "C")
                .node("C", 30)
                .node("D", 40);
        AnalyzedHeap heap = analyze(g.build());
        assertEquals(g.ordinal("B"), heap.dominator(g.ordinal("C")));
        assertEquals(50, heap.retainedSizes().get(g.ordinal("A")));
        assertEquals(50, heap.retainedSizes().get(g.ordinal("B")));
    }

    @Test
    void nodesOnlyWeaklyHeldAndCliquesAreAttachedToTheRoot() {
        TestGraph g = new TestGraph().root().element(0, "A")
                .node("A", 1).edge(EdgeType.WEAK, "w", "Orphan")
                .node("Orphan", 2).edge("x", "Child")
                .node("Child", 4)
                .node("P", 8).edge("q", "Q")
                .node("Q", 16).edge("p", "P");
        AnalyzedHeap heap = analyze(g.build());
        int root = g.ordinal("root");
        assertEquals(root, heap.dominator(g.ordinal("Orphan")));
        assertEquals(g.ordinal("Orphan"), heap.dominator(g.ordinal("Child")));
        assertEquals(root, heap.dominator(g.ordinal("P")));
        assertEquals(root, heap.dominator(g.ordinal("Q")));
        assertEquals(31, heap.totalSize());
    }

    /** The last node of all, held only weakly, still keeps what only it holds (the search covers every ordinal). */
    @Test
    void theLastNodeOnlyWeaklyHeldStillDominatesItsChild() {
        TestGraph g = new TestGraph().root().element(0, "A")
                .node("A", 1).edge(EdgeType.WEAK, "w", "Orphan")
                .node("Child", 4)
                .node("Orphan", 2).edge("x", "Child");
        AnalyzedHeap heap = analyze(g.build());
        assertEquals(g.ordinal("Orphan"), heap.dominator(g.ordinal("Child")));
        assertEquals(6, heap.retainedSizes().get(g.ordinal("Orphan")));
    }

    @Test
    void aMillionDeepChainNeedsNoRecursion() {
        int length = 1_000_000;
        StringTable strings = new StringTable();
        int name = strings.add("Link");
        HeapGraphBuilder b = new HeapGraphBuilder(HeapFormat.V8_HEAPSNAPSHOT, length + 1, length, strings);
        b.addNode(NodeType.SYNTHETIC, name, 1, 0, 1);
        for (int i = 1; i <= length; i++) {
            b.addNode(NodeType.OBJECT, name, 2L * i + 1, 1, i < length ? 1 : 0);
        }
        for (int i = 0; i < length; i++) {
            b.addEdge(EdgeType.PROPERTY, name, i + 1);
        }
        AnalyzedHeap heap = analyze(b.build());
        assertEquals(length, heap.retainedSizes().get(1));
        assertEquals(length - 1, heap.dominator(length));
        assertEquals(length, heap.distance(length));
    }

    @Test
    void matchesABruteForceComputationOnRandomGraphs() {
        Random random = new Random(20261121);
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(25);
            int[][] adjacency = new int[n][];
            byte[][] types = new byte[n][];
            int edges = 0;
            for (int v = 0; v < n; v++) {
                int degree = random.nextInt(4);
                adjacency[v] = new int[degree];
                types[v] = new byte[degree];
                for (int k = 0; k < degree; k++) {
                    adjacency[v][k] = random.nextInt(n);
                    // The root's edges are never weak: DevTools takes every target of the root as a user root.
                    types[v][k] = v > 0 && random.nextInt(6) == 0 ? EdgeType.WEAK : EdgeType.PROPERTY;
                }
                edges += degree;
            }
            long[] sizes = new long[n];
            StringTable strings = new StringTable();
            int name = strings.add("N");
            HeapGraphBuilder b = new HeapGraphBuilder(HeapFormat.HPROF, n, edges, strings);
            for (int v = 0; v < n; v++) {
                sizes[v] = v == 0 ? 0 : 1 + random.nextInt(100);
                b.addNode(v == 0 ? NodeType.SYNTHETIC : NodeType.OBJECT, name, v, sizes[v], adjacency[v].length);
            }
            for (int v = 0; v < n; v++) {
                for (int k = 0; k < adjacency[v].length; k++) {
                    b.addEdge(types[v][k], name, adjacency[v][k]);
                }
            }
            AnalyzedHeap heap = analyze(b.build());
            boolean[] reachable = reachableWithout(adjacency, types, -1);
            long[] expected = new long[n];
            for (int x = 0; x < n; x++) {
                if (!reachable[x]) {
                    continue; // HPROF leaves unreachable objects out of retained sizes
                }
                boolean[] without = x == 0 ? new boolean[n] : reachableWithout(adjacency, types, x);
                for (int y = 0; y < n; y++) {
                    if (reachable[y] && !without[y]) {
                        expected[x] += sizes[y];
                    }
                }
            }
            long[] actual = new long[n];
            for (int x = 0; x < n; x++) {
                actual[x] = reachable[x] ? heap.retainedSizes().get(x) : 0;
            }
            assertArrayEquals(expected, actual, "round " + round);
            checkImmediateDominatorsAndChildren(heap, adjacency, types, reachable, "round " + round);
        }
    }

    /**
     * Each reachable node's immediate dominator is, of the nodes it cannot be reached without, the one with the most
     * such nodes of its own (the nearest); and the dominator tree's children lists (the Dominators view's rows) hold
     * exactly the nodes whose dominator is that node, in ordinal order.
     */
    private static void checkImmediateDominatorsAndChildren(AnalyzedHeap heap, int[][] adjacency, byte[][] types,
            boolean[] reachable, String round) {
        int n = adjacency.length;
        boolean[][] dominates = new boolean[n][n];
        int[] dominatorCount = new int[n];
        for (int x = 0; x < n; x++) {
            boolean[] without = x == 0 ? new boolean[n] : reachableWithout(adjacency, types, x);
            for (int y = 0; y < n; y++) {
                dominates[x][y] = reachable[x] && reachable[y] && !without[y];
                dominatorCount[y] += dominates[x][y] ? 1 : 0;
            }
        }
        for (int y = 1; y < n; y++) {
            if (!reachable[y]) {
                continue;
            }
            int nearest = -1;
            for (int x = 0; x < n; x++) {
                if (x != y && dominates[x][y] && (nearest < 0 || dominatorCount[x] > dominatorCount[nearest])) {
                    nearest = x;
                }
            }
            assertEquals(nearest, heap.dominator(y), round + ": the dominator of " + y);
        }
        for (int x = 0; x < n; x++) {
            int parent = x;
            int[] children = java.util.stream.IntStream.range(1, n).filter(y -> heap.dominator(y) == parent).toArray();
            assertArrayEquals(children, heap.dominatedNodes().childrenOf(x), round + ": the children of " + x);
            assertEquals(children.length, heap.dominatedNodes().childCount(x), round + ": the child count of " + x);
        }
    }

    /** Nodes reachable from node 0 over non-weak edges without entering {@code removed}. */
    private static boolean[] reachableWithout(int[][] adjacency, byte[][] types, int removed) {
        boolean[] seen = new boolean[adjacency.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[0] = true;
        queue.add(0);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int k = 0; k < adjacency[v].length; k++) {
                int w = adjacency[v][k];
                if (types[v][k] != EdgeType.WEAK && w != removed && !seen[w]) {
                    seen[w] = true;
                    queue.add(w);
                }
            }
        }
        return seen;
    }
}
