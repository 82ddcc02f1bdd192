package heapscope.parser.read.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads a real snapshot that Chromium 156 wrote (see {@code fixtures/v8/reader/README.md}) and checks it against
 * facts computed from the same file by Python's JSON parser ({@code verify-fixture.py}).
 */
class ChromiumWorkerSnapshotTest {
    private static HeapGraph graph;

    @BeforeAll
    static void readFixture() throws Exception {
        Path file = Path.of(ChromiumWorkerSnapshotTest.class
                .getResource("/fixtures/v8/reader/chromium-worker.heapsnapshot.gz").toURI());
        graph = V8SnapshotReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    @Test
    void holdsEveryNodeEdgeAndString() {
        assertEquals(18_792, graph.nodeCount());
        assertEquals(68_559, graph.edgeCount());
        assertEquals(14_791, graph.strings().size());
    }

    @Test
    void keepsSizesAndIds() {
        assertEquals(273_884, IntStream.range(0, graph.nodeCount()).mapToLong(i -> graph.nodeSelfSizes().get(i)).sum());
        assertEquals(37_383, IntStream.range(0, graph.nodeCount()).mapToLong(graph::nodeId).max()
                .orElseThrow());
    }

    @Test
    void mapsTypesByName() {
        assertEquals(728, countNodes(NodeType.OBJECT_SHAPE));
        assertEquals(4_077, countNodes(NodeType.NATIVE));
        assertEquals(3_621, IntStream.range(0, graph.edgeCount()).filter(e -> graph.edgeType(e) == EdgeType.WEAK)
                .count());
    }

    @Test
    void findsTheWorkersObjectsAndTheirNames() {
        assertEquals(2, IntStream.range(0, graph.nodeCount())
                .filter(i -> graph.nodeTypes().get(i) == NodeType.OBJECT && graph.nodeName(i).equals("Customer")).count());
        // V8 wrote U+1F600 as "\uF600" (the low 16 bits); the reader keeps what the file says.
        int[] cafe = IntStream.range(0, graph.nodeCount()).filter(i -> graph.nodeName(i).equals("caf\u00e9 \uf600"))
                .toArray();
        assertEquals(1, cafe.length);
        assertEquals(NodeType.STRING, graph.nodeTypes().get(cafe[0]));
        assertEquals(12_005, graph.nodeId(cafe[0]));
    }

    @Test
    void startsAtASyntheticRootWithOneEdge() {
        assertEquals(0, graph.rootOrdinal());
        assertEquals(NodeType.SYNTHETIC, graph.nodeTypes().get(0));
        assertEquals("", graph.nodeName(0));
        assertEquals(1, graph.firstEdgeIndex().get(1) - graph.firstEdgeIndex().get(0));
    }

    @Test
    void readsTheFiveFieldLocationsAndTheNewestHeaderKeys() {
        assertEquals(5, graph.locations().size());
        assertEquals(0, graph.extraNativeBytes());
        assertNull(graph.nodeDetachedness(), "no node has a known DOM state");
    }

    private static long countNodes(byte type) {
        return IntStream.range(0, graph.nodeCount()).filter(i -> graph.nodeTypes().get(i) == type).count();
    }
}
