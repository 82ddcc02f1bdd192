package heapscope.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.HeapGraphBuilder;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.StringTable;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What an analysed heap says it holds ({@code heapscope info}'s engine memory and bytes per node and edge) against the
 * layout the README's Memory table documents: for a V8 heap with no source locations and no size above 64 KiB, 42
 * bytes per node (graph: type 1, name 4, id 4, self size 2, first edge 4; analyses: first retainer 4, DOM state 1,
 * distance 4, dominator 4, retained size 2, class 4, dominator-tree children 8) and 12 per edge (type and name 4,
 * target 4, retainer 4), strings apart. A column added or dropped without the table changing fails here.
 */
class EngineMemoryTest {
    private static final int NODES = 20_000;
    private static final double DOCUMENTED_PER_NODE = 42;
    private static final double DOCUMENTED_PER_EDGE = 12;

    @Test
    void anAnalysedHeapHoldsTheDocumentedBytesPerNodeAndPerEdge() {
        Random random = new Random(20261204);
        StringTable strings = new StringTable();
        int name = strings.add("Node");
        int edgeName = strings.add("next");
        int[] degrees = new int[NODES];
        int edges = 0;
        for (int v = 0; v < NODES; v++) {
            degrees[v] = v + 1 < NODES ? 1 + random.nextInt(3) : 0;
            edges += degrees[v];
        }
        HeapGraphBuilder b = new HeapGraphBuilder(HeapFormat.V8_HEAPSNAPSHOT, NODES, edges, strings);
        for (int v = 0; v < NODES; v++) {
            b.addNode(v == 0 ? NodeType.SYNTHETIC : NodeType.OBJECT, name, 2L * v + 1, v == 0 ? 0 : 16 + v % 100,
                    degrees[v]);
        }
        for (int v = 0; v < NODES; v++) {
            for (int k = 0; k < degrees[v]; k++) {
                // The first edge keeps every node reachable (a chain); the others point anywhere.
                b.addEdge(EdgeType.PROPERTY, edgeName, k == 0 ? v + 1 : random.nextInt(NODES));
            }
        }
        HeapGraph graph = b.build();
        AnalyzedHeap heap = HeapAnalyzer.analyze(graph, ProgressListener.NO_OP, CancelSignal.NEVER);

        assertEquals(DOCUMENTED_PER_EDGE, (double) heap.edgeBytes() / edges, 0.0);
        double perNode = (double) (heap.retainedBytes() - graph.strings().retainedBytes() - heap.edgeBytes()) / NODES;
        // Within a tenth of a byte: a few small fixed arrays (the id runs, the class names) are not per node.
        assertEquals(DOCUMENTED_PER_NODE, perNode, 0.1, "bytes per node");
        assertEquals(0, heap.offHeapBytes(), "on the heap, nothing is mapped");
    }
}
