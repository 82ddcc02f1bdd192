package heapscope.parser.read.v8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeLocations;
import heapscope.parser.graph.NodeType;
import heapscope.parser.progress.CanceledException;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class V8SnapshotReaderTest {
    @TempDir
    Path dir;

    /**
     * <pre>
     *   root --element 1--> Customer --property "name"--> "Ada"
     *                          |  ^
     *               element 0  |  | weak "owner"
     *                          v  |
     *                        greet (closure)
     * </pre>
     */
    private static TestSnapshot smallHeap() {
        TestSnapshot snapshot = new TestSnapshot();
        int root = snapshot.node("synthetic", "", 1, 0);
        int customer = snapshot.node("object", "Customer", 3, 32);
        int ada = snapshot.node("string", "Ada", 5, 16);
        int greet = snapshot.node("closure", "greet", 7, 56);
        snapshot.edge(root, "element", 1, customer);
        snapshot.edge(customer, "property", "name", ada);
        snapshot.edge(customer, "element", 0, greet);
        snapshot.edge(greet, "weak", "owner", customer);
        return snapshot;
    }

    private static void assertIsSmallHeap(HeapGraph graph) {
        assertEquals(HeapFormat.V8_HEAPSNAPSHOT, graph.format());
        assertEquals(4, graph.nodeCount());
        assertEquals(4, graph.edgeCount());
        assertEquals(0, graph.rootOrdinal());
        assertArrayEquals(new byte[] {NodeType.SYNTHETIC, NodeType.OBJECT, NodeType.STRING, NodeType.CLOSURE},
                graph.nodeTypes().toArray(4));
        assertEquals(List.of("", "Customer", "Ada", "greet"), nodeNames(graph));
        assertArrayEquals(new long[] {1, 3, 5, 7}, java.util.stream.IntStream.range(0, 4).mapToLong(graph::nodeId).toArray());
        assertArrayEquals(new long[] {0, 32, 16, 56},
                java.util.stream.IntStream.range(0, 4).mapToLong(graph.nodeSelfSizes()::get).toArray());
        assertArrayEquals(new int[] {0, 1, 3, 3, 4}, graph.firstEdgeIndex().toArray(5));
        assertArrayEquals(new int[] {EdgeType.ELEMENT, EdgeType.PROPERTY, EdgeType.ELEMENT, EdgeType.WEAK},
                java.util.stream.IntStream.range(0, 4).map(graph::edgeType).toArray());
        assertEquals(List.of("1", "name", "0", "owner"), edgeNames(graph));
        assertArrayEquals(new int[] {1, 2, 3, 1}, graph.edgeTargets().toArray(graph.edgeCount()));
    }

    private static List<String> nodeNames(HeapGraph graph) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < graph.nodeCount(); i++) {
            names.add(graph.nodeName(i));
        }
        return names;
    }

    private static List<String> edgeNames(HeapGraph graph) {
        List<String> names = new ArrayList<>();
        for (int e = 0; e < graph.edgeCount(); e++) {
            names.add(graph.edgeName(e));
        }
        return names;
    }

    private HeapGraph read(TestSnapshot snapshot) throws Exception {
        return read(snapshot.write(dir.resolve("test.heapsnapshot")));
    }

    private static HeapGraph read(Path file) throws Exception {
        return V8SnapshotReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    @Test
    void readsTheSevenFieldNodeLayoutOfV8WithAllocationTracking() throws Exception {
        assertIsSmallHeap(read(smallHeap()));
    }

    @Test
    void readsTheSixFieldNodeLayoutWithoutTraceNodeIdOfRecentV8() throws Exception {
        TestSnapshot snapshot = smallHeap().nodeFields("type", "name", "id", "self_size", "edge_count",
                "detachedness");
        snapshot.detachedness(1, 2);

        HeapGraph graph = read(snapshot);

        assertIsSmallHeap(graph);
        assertArrayEquals(new byte[] {0, 2, 0, 0}, graph.nodeDetachedness());
    }

    @Test
    void readsTheSixFieldNodeLayoutWithoutDetachednessOfOlderV8() throws Exception {
        TestSnapshot snapshot = smallHeap().nodeFields("type", "name", "id", "self_size", "edge_count",
                "trace_node_id");
        snapshot.traceNodeId(1, 77);

        HeapGraph graph = read(snapshot);

        assertIsSmallHeap(graph);
        assertNull(graph.nodeDetachedness());
    }

    @Test
    void findsFieldsByNameInAnyOrderAndIgnoresFieldsItDoesNotKnow() throws Exception {
        TestSnapshot snapshot = smallHeap().nodeFields("future_field", "self_size", "edge_count", "id",
                "detachedness", "name", "type", "trace_node_id");
        snapshot.detachedness(3, 1);

        HeapGraph graph = read(snapshot);

        assertIsSmallHeap(graph);
        assertArrayEquals(new byte[] {0, 0, 0, 1}, graph.nodeDetachedness());
    }

    @Test
    void keepsNoDetachednessArrayWhenEveryNodeIsUnknown() throws Exception {
        assertNull(read(smallHeap()).nodeDetachedness());
    }

    @Test
    void mapsNodeTypesByNameSoObjectShapeAndUnknownTypesKeepTheirNames() throws Exception {
        // A future V8 could insert a type anywhere; the file's numbers must be mapped by name, not taken as codes.
        List<String> types = new ArrayList<>(TestSnapshot.V8_NODE_TYPES);
        types.add(0, "wasm object");
        TestSnapshot snapshot = new TestSnapshot().nodeTypes(types);
        int root = snapshot.node("synthetic", "", 1, 0);
        int shape = snapshot.node("object shape", "system / Map", 3, 40);
        int wasm = snapshot.node("wasm object", "Memory", 5, 64);
        snapshot.edge(root, "internal", "map", shape);
        snapshot.edge(root, "internal", "memory", wasm);

        HeapGraph graph = read(snapshot);

        assertEquals(NodeType.SYNTHETIC, graph.nodeTypes().get(root));
        assertEquals(NodeType.OBJECT_SHAPE, graph.nodeTypes().get(shape));
        assertEquals("object shape", graph.nodeTypeName(shape));
        assertTrue(graph.nodeTypes().get(wasm) > NodeType.OBJECT_SHAPE);
        assertEquals("wasm object", graph.nodeTypeName(wasm));
    }

    @Test
    void mapsEdgeTypesByNameSoUnknownTypesKeepTheirNames() throws Exception {
        List<String> types = new ArrayList<>(TestSnapshot.V8_EDGE_TYPES);
        types.add(0, "ephemeron");
        TestSnapshot snapshot = new TestSnapshot().edgeTypes(types);
        int root = snapshot.node("synthetic", "", 1, 0);
        int value = snapshot.node("object", "Value", 3, 16);
        snapshot.edge(root, "ephemeron", "key -> value", value);
        snapshot.edge(root, "shortcut", "global", value);

        HeapGraph graph = read(snapshot);

        assertEquals("ephemeron", graph.edgeTypeName(0));
        assertEquals("key -> value", graph.edgeName(0));
        assertEquals(EdgeType.SHORTCUT, graph.edgeType(1));
    }

    @Test
    void readsFourFieldLocations() throws Exception {
        TestSnapshot snapshot = smallHeap().locationFields(TestSnapshot.FOUR_LOCATION_FIELDS);
        snapshot.location(3, 42, 10, 4);

        NodeLocations locations = read(snapshot).locations();

        assertEquals(1, locations.size());
        assertEquals(3, locations.node(0));
        assertEquals(42, locations.scriptId(0));
        assertEquals(10, locations.line(0));
        assertEquals(4, locations.column(0));
    }

    @Test
    void readsFiveFieldLocationsWithScriptObjectIndex() throws Exception {
        TestSnapshot snapshot = smallHeap().locationFields(TestSnapshot.FIVE_LOCATION_FIELDS);
        snapshot.location(1, 7, 3, 9).location(3, 42, 10, 4);

        NodeLocations locations = read(snapshot).locations();

        assertEquals(2, locations.size());
        assertEquals(1, locations.node(0));
        assertEquals(7, locations.scriptId(0));
        assertEquals(3, locations.line(0));
        assertEquals(9, locations.column(0));
        assertEquals(3, locations.node(1));
        assertEquals(42, locations.scriptId(1));
    }

    @Test
    void acceptsAMetaWithoutLocationFieldsWhenThereAreNoLocations() throws Exception {
        HeapGraph graph = read(smallHeap().locationFields(null));

        assertIsSmallHeap(graph);
        assertEquals(0, graph.locations().size());
    }

    @Test
    void skipsHeaderKeysAndSectionsItDoesNotKnow() throws Exception {
        TestSnapshot snapshot = smallHeap()
                .headerMember("title", "\"Snapshot 1 ] } [\"")
                .headerMember("future", "{\"nested\":[1,2.5e3,-4,true,false,null,{\"x\":\"y\"}]}")
                .section("trace_function_infos", "[1,2,3,4,5,6]")
                .section("trace_tree", "[1,0,1,32,[2,1,1,16,[3,2,1,8,[]]]]")
                .section("samples", "[0,1,2000,9]")
                .section("future_section", "{\"a\":[\"]\\\"}[\",{}],\"b\":null}");

        assertIsSmallHeap(read(snapshot));
    }

    @Test
    void skipsAnUnknownSectionNestedDeeperThanAnyStackWouldAllow() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertIsSmallHeap(read(smallHeap().section("trace_tree", deep)));
    }

    @Test
    void readsSectionsInAnyOrderAfterTheHeader() throws Exception {
        TestSnapshot snapshot = smallHeap().sectionOrder("snapshot", "strings", "locations", "edges", "samples",
                "nodes");
        snapshot.location(3, 42, 10, 4);

        HeapGraph graph = read(snapshot);

        assertIsSmallHeap(graph);
        assertEquals(3, graph.locations().node(0));
        assertEquals(42, graph.locations().scriptId(0));
    }

    @Test
    void acceptsPrettyPrintedJsonAndIgnoresWhatFollowsTheTopLevelObject() throws Exception {
        String json = smallHeap().json().replace(",", " ,\r\n\t ").replace(":", " : ").replace("[", "[ ")
                .replace("]", " ]") + "\n\ntrailing text that is not JSON";

        assertIsSmallHeap(read(Files.writeString(dir.resolve("pretty.heapsnapshot"), json)));
    }

    @Test
    void decodesEveryJsonEscapeAndNonAsciiTextIntoTheStringTable() throws Exception {
        TestSnapshot snapshot = new TestSnapshot();
        int root = snapshot.node("synthetic", "", 1, 0);
        String[] names = {"quote\" backslash\\ slash/ \b\f\n\r\t", "caf\u00e9 \u65e5\u672c", "smile \ud83d\ude00",
                "raw caf\u00e9 \ud83d\ude00"};
        for (int i = 0; i < names.length; i++) {
            snapshot.node("string", "placeholder " + i, 3 + 2 * i, 16);
        }
        String escaped = "\"quote\\\" backslash\\\\ slash\\/ \\b\\f\\n\\r\\t\"";
        String json = snapshot.json()
                .replace(TestSnapshot.quote("placeholder 0"), escaped)
                .replace(TestSnapshot.quote("placeholder 1"), "\"caf\\u00E9 \\u65e5\\u672c\"")
                .replace(TestSnapshot.quote("placeholder 2"), "\"smile \\ud83d\\ude00\"")
                .replace(TestSnapshot.quote("placeholder 3"), TestSnapshot.quote(names[3]));

        HeapGraph graph = read(Files.writeString(dir.resolve("escapes.heapsnapshot"), json));

        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i], graph.nodeName(root + 1 + i));
        }
        int smile = graph.nodeNames().get(3);
        assertEquals("smile ".length() + 4, graph.strings().byteLength(smile), "one 4-byte UTF-8 sequence");
    }

    @Test
    void turnsLoneSurrogatesIntoReplacementCharacters() throws Exception {
        TestSnapshot snapshot = new TestSnapshot();
        snapshot.node("synthetic", "placeholder", 1, 0);
        String json = snapshot.json().replace(TestSnapshot.quote("placeholder"),
                "\"a\\ud83db \\ude00 \\ud83d\\n \\ud83d\\u0041 \\ud83d\\ud83d\\ude00\"");

        HeapGraph graph = read(Files.writeString(dir.resolve("surrogates.heapsnapshot"), json));

        assertEquals("a\ufffdb \ufffd \ufffd\n \ufffdA \ufffd\ud83d\ude00", graph.nodeName(0));
    }

    @Test
    void readsGzipByItsMagicBytesWhateverTheFileIsCalled() throws Exception {
        Path gzipNamedPlain = smallHeap().writeGzip(dir.resolve("plain-looking.heapsnapshot"));
        Path plainNamedGzip = smallHeap().write(dir.resolve("compressed-looking.heapsnapshot.gz"));

        assertIsSmallHeap(read(gzipNamedPlain));
        assertIsSmallHeap(read(plainNamedGzip));
    }

    @Test
    void takesTheRootFromRootIndex() throws Exception {
        TestSnapshot snapshot = new TestSnapshot();
        int object = snapshot.node("object", "Object", 3, 16);
        int root = snapshot.node("synthetic", "", 1, 0);
        snapshot.edge(root, "element", 1, object);
        snapshot.headerMember("root_index", Integer.toString(root * 7));

        assertEquals(1, read(snapshot).rootOrdinal());
    }

    @Test
    void keepsExtraNativeBytes() throws Exception {
        assertEquals(0, read(smallHeap()).extraNativeBytes());
        assertEquals(123_456_789_012L,
                read(smallHeap().headerMember("extra_native_bytes", "123456789012")).extraNativeBytes());
    }

    @Test
    void keepsSizesBeyondTwoGigabytesIdsUpToUint32AndSparseElementIndexes() throws Exception {
        TestSnapshot snapshot = new TestSnapshot();
        int root = snapshot.node("synthetic", "", 1, 0);
        int buffer = snapshot.node("native", "ArrayBuffer", 4_294_967_295L, 281_474_976_710_655L);
        snapshot.edge(root, "element", 4_294_967_294L, buffer);

        HeapGraph graph = read(snapshot);

        assertEquals(4_294_967_295L, graph.nodeId(buffer));
        assertEquals(281_474_976_710_655L, graph.nodeSelfSizes().get(buffer));
        assertEquals(4_294_967_294L, Integer.toUnsignedLong(graph.edgeNameIndex(0)));
        assertEquals("4294967294", graph.edgeName(0));
    }

    @Test
    void readsSnapshotsWhoseNumbersAndStringsCrossReadBufferBoundaries() throws Exception {
        // 1 MiB read buffer: 60,000 nodes with a 2.5 MB string put numbers, escapes and string runs across refills.
        TestSnapshot snapshot = new TestSnapshot();
        int root = snapshot.node("synthetic", "", 1, 0);
        int count = 60_000;
        for (int i = 1; i < count; i++) {
            snapshot.node("object", "Object" + i % 1000, 2L * i + 1, 1000L + i);
            snapshot.edge(root, "element", i - 1, i);
        }
        String longName = "x\n\u00e9\ud83d\ude00\"".repeat(250_000);
        snapshot.node("string", longName, 2L * count + 1, 5_000_000);
        snapshot.edge(root, "internal", "long", count);

        HeapGraph graph = read(snapshot);

        assertEquals(count + 1, graph.nodeCount());
        assertEquals(count, graph.edgeCount());
        assertEquals(longName, graph.nodeName(count));
        for (int i = 1; i < count; i++) {
            assertEquals(1000L + i, graph.nodeSelfSizes().get(i));
            assertEquals(2L * i + 1, graph.nodeId(i));
            assertEquals("Object" + i % 1000, graph.nodeName(i));
            assertEquals(i, graph.edgeTarget(i - 1));
        }
    }

    @Test
    void reportsTheReadingPhaseFirstThenProgressUpToTheFileSize() throws Exception {
        Path file = smallHeap().write(dir.resolve("progress.heapsnapshot"));
        List<String> events = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void phaseStarted(Phase phase) {
                events.add(phase.name());
            }

            @Override
            public void progress(long done, long total) {
                events.add(done + "/" + total);
            }
        };

        V8SnapshotReader.read(file, listener, CancelSignal.NEVER);

        long size = Files.size(file);
        assertEquals(Phase.READING_FILE.name(), events.get(0));
        assertEquals(size + "/" + size, events.get(events.size() - 1));
    }

    @Test
    void stopsWhenCanceled() throws Exception {
        Path file = smallHeap().write(dir.resolve("cancel.heapsnapshot"));

        assertThrows(CanceledException.class, () -> V8SnapshotReader.read(file, ProgressListener.NO_OP, () -> true));
    }
}
