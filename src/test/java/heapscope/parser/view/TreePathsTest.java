package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.HeapAnalyzer;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.store.IntColumn;
import heapscope.testing.TestGraph;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The rows a view opens to reveal an object, on hand-built heaps whose trees are known: the Dominators chain and the
 * shortest chain of references (first met, breadth first, in edge order), also longer than the first buffer; nothing
 * for the root, and no chain of references to an object no root reaches.
 */
class TreePathsTest {
    /*
     *   root -> A -> C -> D          C is reached first through A (edge order), dominated by the root (B holds it too)
     *   root -> B -> C               E and F have no edges: the edge search must step over empty edge lists
     *   root -> E, root -> F         G is held by nothing
     */
    private static final TestGraph DIAMOND = new TestGraph().root().element(0, "A").element(1, "B").element(2, "E")
            .element(3, "F")
            .node("A", NodeType.OBJECT, "A", 1).edge("c", "C")
            .node("E", NodeType.OBJECT, "E", 1)
            .node("F", NodeType.OBJECT, "F", 1)
            .node("B", NodeType.OBJECT, "B", 1).edge("c", "C")
            .node("C", NodeType.OBJECT, "C", 1).edge("d", "D")
            .node("D", NodeType.OBJECT, "D", 1)
            .node("G", NodeType.OBJECT, "G", 1);

    private static AnalyzedHeap analyze(TestGraph g) {
        return HeapAnalyzer.analyze(g.build(HeapFormat.HPROF), ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    @Test
    void theDominatorChainRunsFromTheRootsChildDownToTheObject() {
        AnalyzedHeap heap = analyze(DIAMOND);
        TestGraph g = DIAMOND;
        assertArrayEquals(new int[] {g.ordinal("C"), g.ordinal("D")}, TreePaths.dominatorChain(heap, g.ordinal("D")));
        assertArrayEquals(new int[] {g.ordinal("A")}, TreePaths.dominatorChain(heap, g.ordinal("A")));
        assertArrayEquals(new int[0], TreePaths.dominatorChain(heap, g.ordinal("root")));
        assertArrayEquals(new int[] {g.ordinal("G")}, TreePaths.dominatorChain(heap, g.ordinal("G")),
                "what no root holds hangs from the root, as DevTools puts it");
    }

    @Test
    void theContainmentPathIsTheFirstShortestChainOfEdges() {
        AnalyzedHeap heap = analyze(DIAMOND);
        TestGraph g = DIAMOND;
        HeapGraph graph = heap.graph();
        int[] expected = {edge(graph, g.ordinal("root"), g.ordinal("A")), edge(graph, g.ordinal("A"), g.ordinal("C")),
                edge(graph, g.ordinal("C"), g.ordinal("D"))};
        assertArrayEquals(expected, TreePaths.containmentPath(heap, g.ordinal("D"), CancelSignal.NEVER));
        assertArrayEquals(new int[] {edge(graph, g.ordinal("root"), g.ordinal("F"))},
                TreePaths.containmentPath(heap, g.ordinal("F"), CancelSignal.NEVER));
        assertArrayEquals(new int[0], TreePaths.containmentPath(heap, g.ordinal("root"), CancelSignal.NEVER));
        assertArrayEquals(new int[0], TreePaths.containmentPath(heap, g.ordinal("G"), CancelSignal.NEVER));
    }

    /** A chain of 40 objects, each holding the next: both paths are 40 long, top first. */
    @Test
    void longChainsComeBackWhole() {
        int length = 40;
        TestGraph g = new TestGraph().root().element(0, "N0");
        for (int i = 0; i < length; i++) {
            g.node("N" + i, NodeType.OBJECT, "Link", 1);
            if (i + 1 < length) {
                g.edge("next", "N" + (i + 1));
            }
        }
        AnalyzedHeap heap = analyze(g);
        int last = g.ordinal("N" + (length - 1));
        int[] nodes = IntStream.range(0, length).map(i -> g.ordinal("N" + i)).toArray();
        assertArrayEquals(nodes, TreePaths.dominatorChain(heap, last));
        int[] edges = new int[length];
        edges[0] = edge(heap.graph(), g.ordinal("root"), nodes[0]);
        for (int i = 1; i < length; i++) {
            edges[i] = edge(heap.graph(), nodes[i - 1], nodes[i]);
        }
        assertArrayEquals(edges, TreePaths.containmentPath(heap, last, CancelSignal.NEVER));
    }

    /** The one edge from {@code source} to {@code target}, found by scanning the source's edges. */
    private static int edge(HeapGraph graph, int source, int target) {
        IntColumn first = graph.firstEdgeIndex();
        for (int e = first.get(source); e < first.get(source + 1); e++) {
            if (graph.edgeTargets().get(e) == target) {
                return e;
            }
        }
        throw new AssertionError("no edge " + source + " -> " + target);
    }
}
