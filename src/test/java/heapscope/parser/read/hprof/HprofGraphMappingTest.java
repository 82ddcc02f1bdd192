package heapscope.parser.read.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.FieldValue;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.objects.HprofObjectReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HprofGraphMappingTest {
    @TempDir
    Path dir;

    private HprofHeap read(byte[] bytes) throws Exception {
        Path file = dir.resolve("small.hprof");
        Files.write(file, bytes);
        return HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    /** The edges of a node as "type name -> target id" lines. */
    private static List<String> edges(HeapGraph g, int ordinal) {
        List<String> lines = new ArrayList<>();
        for (int e = g.firstEdgeIndex().get(ordinal); e < g.firstEdgeIndex().get(ordinal + 1); e++) {
            lines.add(g.edgeTypeName(e) + " " + g.edgeName(e) + " -> 0x" + Long.toHexString(
                    g.nodeId(g.edgeTarget(e))));
        }
        return lines;
    }

    @Test
    void theRootsChildrenAreOneGroupPerRootKindInKindOrder() throws Exception {
        HeapGraph g = read(SmallHeap.write(8)).graph();
        assertEquals(HeapFormat.HPROF, g.format());
        assertEquals(0, g.rootOrdinal());
        assertEquals(NodeType.SYNTHETIC, g.nodeTypes().get(0));
        List<String> groups = new ArrayList<>();
        for (int e = g.firstEdgeIndex().get(0); e < g.firstEdgeIndex().get(1); e++) {
            int target = g.edgeTarget(e);
            assertEquals(NodeType.SYNTHETIC, g.nodeTypes().get(target));
            groups.add(g.nodeName(target));
        }
        assertEquals(List.of("(GC roots: thread)", "(GC roots: Java local)", "(GC roots: JNI global)",
                "(GC roots: sticky class)"), groups);
        // The two STICKY CLASS records, and every other class of the boot loader (all of them here): 11 classes.
        int sticky = g.edgeTarget(g.firstEdgeIndex().get(0) + 3);
        List<String> rooted = edges(g, sticky);
        assertEquals(11, rooted.size());
        assertTrue(rooted.containsAll(List.of("element 0 -> 0x100", "element 6 -> 0x130")), rooted.toString());
    }

    @Test
    void aFrameRootOfAKnownThreadIsAnEdgeFromTheThreadNamedAfterTheFrame() throws Exception {
        HeapGraph g = read(SmallHeap.write(8)).graph();
        int thread = SmallHeap.ordinalOf(g, SmallHeap.THREAD_1);
        assertEquals(List.of("internal <class> -> 0x140", "property name -> 0x1050",
                "internal <local in app.Node.run(Worker.java:42)> -> 0x1080"), edges(g, thread));
        // ... while the frame root of an unknown thread stays a root.
        int javaLocals = g.edgeTarget(g.firstEdgeIndex().get(0) + 1);
        assertEquals(List.of("element 0 -> 0x1000"), edges(g, javaLocals));
    }

    @Test
    void fieldsBecomeNamedEdgesSubclassFirstAndNullReferencesNoEdge() throws Exception {
        HeapGraph g = read(SmallHeap.write(8)).graph();
        assertEquals(List.of("internal <class> -> 0x150", "property next -> 0x1000"),
                edges(g, SmallHeap.ordinalOf(g, SmallHeap.CHILD_1)));
        assertEquals(List.of("internal <class> -> 0x130"), edges(g, SmallHeap.ordinalOf(g, SmallHeap.NODE_2)));
        assertEquals(List.of("internal <class> -> 0x138", "element 0 -> 0x1000", "element 2 -> 0x1020"),
                edges(g, SmallHeap.ordinalOf(g, SmallHeap.NODES)));
    }

    @Test
    void theReferentOfAReferenceIsAWeakEdge() throws Exception {
        HeapGraph g = read(SmallHeap.write(8)).graph();
        int weak = SmallHeap.ordinalOf(g, SmallHeap.WEAK_1);
        assertEquals(List.of("internal <class> -> 0x128", "weak referent -> 0x1010"), edges(g, weak));
        assertEquals(EdgeType.WEAK, g.edgeType(g.firstEdgeIndex().get(weak) + 1));
    }

    @Test
    void classObjectsAreJavaLangClassNodesWithSuperclassAndStaticEdges() throws Exception {
        HprofHeap heap = read(SmallHeap.write(8));
        HeapGraph g = heap.graph();
        int node = SmallHeap.ordinalOf(g, SmallHeap.NODE);
        assertEquals("java.lang.Class", g.nodeName(node));
        assertEquals("app.Node", heap.classNameOf(node));
        assertEquals("class app.Node", g.nodeLabel(node));
        assertTrue(heap.isClassObject(node));
        assertEquals(List.of("internal <class> -> 0x108", "internal <super> -> 0x100",
                "property static INSTANCES -> 0x1030"), edges(g, node));
        int instance = SmallHeap.ordinalOf(g, SmallHeap.NODE_1);
        assertNull(heap.classNameOf(instance));
        assertNull(g.nodeLabel(instance));
        assertFalse(heap.isClassObject(instance));
    }

    @Test
    void nodesAreNamedByTheirJavaClassName() throws Exception {
        HeapGraph g = read(SmallHeap.write(8)).graph();
        assertEquals("app.Node", g.nodeName(SmallHeap.ordinalOf(g, SmallHeap.NODE_1)));
        assertEquals("app.Child", g.nodeName(SmallHeap.ordinalOf(g, SmallHeap.CHILD_1)));
        assertEquals("app.Node[]", g.nodeName(SmallHeap.ordinalOf(g, SmallHeap.NODES)));
        assertEquals("byte[]", g.nodeName(SmallHeap.ordinalOf(g, SmallHeap.BYTES_1)));
        assertEquals("int[]", g.nodeName(SmallHeap.ordinalOf(g, SmallHeap.INTS_1)));
        assertEquals("java.lang.ref.WeakReference", g.nodeName(SmallHeap.ordinalOf(g, SmallHeap.WEAK_1)));
        for (int i = 1; i < g.nodeCount(); i++) {
            if (g.nodeId(i) != 0) {
                assertEquals(NodeType.OBJECT, g.nodeTypes().get(i));
            }
        }
    }

    @Test
    void referencesAndRootsNamingMissingObjectsAreDroppedAndCounted() throws Exception {
        HprofHeap heap = read(SmallHeap.write(8));
        HeapGraph g = heap.graph();
        assertEquals(List.of("internal <class> -> 0x130"), edges(g, SmallHeap.ordinalOf(g, SmallHeap.NODE_DANGLING)));
        assertEquals(1, heap.statistics().droppedReferences());
        assertEquals(1, heap.statistics().droppedRoots());
        assertEquals(1, heap.statistics().threadLocalEdges());
        assertTrue(heap.warnings().stream().anyMatch(w -> w.contains("1 GC root records name objects that are not"
                + " in the dump (1 JNI global)")), heap.warnings().toString());
        assertFalse(heap.truncated());
    }

    @Test
    void shallowSizesFollowTheDefaultLayoutWhenTheDumpCannotTell() throws Exception {
        HprofHeap heap = read(SmallHeap.write(8));
        HeapGraph g = heap.graph();
        assertEquals(12, heap.layout().headerSize());
        assertEquals(4, heap.layout().referenceSize());
        // Node: header 12, int at 12, reference at 16..20 -> 24.
        assertEquals(24, g.nodeSelfSizes().get(SmallHeap.ordinalOf(g, SmallHeap.NODE_1)));
        // Child: Node's fields fill 12..20; the long goes to 24 -> 32.
        assertEquals(32, g.nodeSelfSizes().get(SmallHeap.ordinalOf(g, SmallHeap.CHILD_1)));
        assertEquals(32, g.nodeSelfSizes().get(SmallHeap.ordinalOf(g, SmallHeap.INTS_1))); // 16 + 3*4 -> 32
        assertEquals(24, g.nodeSelfSizes().get(SmallHeap.ordinalOf(g, SmallHeap.BYTES_1))); // 16 + 2 -> 24
        assertEquals(32, g.nodeSelfSizes().get(SmallHeap.ordinalOf(g, SmallHeap.NODES))); // 16 + 3*4 -> 32
        assertEquals(0, g.nodeSelfSizes().get(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void identifiersOfFourAndEightBytesReadTheSame(int idSize) throws Exception {
        HprofHeap heap = read(SmallHeap.write(idSize));
        HeapGraph g = heap.graph();
        assertEquals(idSize, heap.header().idSize());
        assertEquals(1 + 4 + 11 + 10, g.nodeCount()); // root, 4 groups, 11 classes, 10 objects
        assertEquals(List.of("internal <class> -> 0x150", "property next -> 0x1000"),
                edges(g, SmallHeap.ordinalOf(g, SmallHeap.CHILD_1)));
    }

    @Test
    void theObjectReaderReadsFieldValuesStringsAndArrayElementsFromTheFile() throws Exception {
        HprofHeap heap = read(SmallHeap.write(8));
        HeapGraph g = heap.graph();
        try (HprofObjectReader reader = heap.openObjectReader()) {
            List<FieldValue> child = reader.fields(SmallHeap.ordinalOf(g, SmallHeap.CHILD_1));
            assertEquals(List.of(new FieldValue("app.Child", "extra", "long", 7L),
                    new FieldValue("app.Node", "next", "reference", SmallHeap.NODE_1),
                    new FieldValue("app.Node", "value", "int", 3)), child);
            List<FieldValue> statics = reader.fields(SmallHeap.ordinalOf(g, SmallHeap.NODE));
            assertEquals(List.of(new FieldValue("app.Node", "INSTANCES", "reference", SmallHeap.NODES),
                    new FieldValue("app.Node", "COUNT", "int", 3)), statics);
            assertEquals("hi", reader.stringValue(SmallHeap.ordinalOf(g, SmallHeap.STRING_1), 100));
            assertNull(reader.stringValue(SmallHeap.ordinalOf(g, SmallHeap.NODE_1), 100));
            assertEquals(List.of(2, 3), reader.primitiveArrayElements(SmallHeap.ordinalOf(g, SmallHeap.INTS_1), 1, 5));
        }
    }
}
