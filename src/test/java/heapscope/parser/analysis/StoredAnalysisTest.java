package heapscope.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.store.MemoryStore;
import heapscope.parser.store.StoreFormatException;
import heapscope.testing.SameHeap;
import heapscope.testing.TestGraph;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An analysis stored by {@link AnalysisStore} and read back from a store that is not trusted (a portable index made
 * elsewhere): what fits comes back as it was stored, and each count, length and index that does not fit the graph is
 * refused with a sentence that names the array, one damage at a time, at the first value out of range (so that an
 * off-by-one in a check is refused too, and the last value in range is accepted by the round trip).
 */
class StoredAnalysisTest {
    /** The header's fields in the order {@link AnalysisStore#save} writes them (ints and longs, big-endian). */
    private static final int STATISTICS_KIND_AT = 12;
    private static final int PAIR_COUNT_AT = 80;
    private static final int DEFINITION_COUNT_AT = 84;

    private static final String PAIR = " / part of key (%s @%d) -> value (%s @%d) pair in WeakMap (table @23)";

    /**
     * Two WeakMap entries in one table (two pairs, four ephemeron edges), objects of two constructors at source
     * locations, one of them sharing its location with a differently named object, and plain named objects.
     */
    static final TestGraph V8 = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
            .node("W", 1).id(3).edge("k1", "K1").edge("k2", "K2").edge("t", "Table").edge("f", "Foo1")
            .edge("g", "Foo2").edge("b", "Bar")
            .node("K1", NodeType.OBJECT, "Key", 1).id(21)
            .edge(EdgeType.INTERNAL, "1" + PAIR.formatted("Key", 21, "Value", 25), "V1")
            .node("K2", NodeType.OBJECT, "Key", 1).id(31)
            .edge(EdgeType.INTERNAL, "3" + PAIR.formatted("Key", 31, "Value", 35), "V2")
            .node("Table", NodeType.ARRAY, "system / EphemeronHashTable", 1).id(23)
            .edge(EdgeType.INTERNAL, "2" + PAIR.formatted("Key", 21, "Value", 25), "V1")
            .edge(EdgeType.INTERNAL, "4" + PAIR.formatted("Key", 31, "Value", 35), "V2")
            .node("V1", NodeType.OBJECT, "Value", 50).id(25)
            .node("V2", NodeType.OBJECT, "Value", 60).id(35)
            .node("Foo1", NodeType.OBJECT, "Foo", 10).location(7, 3, 1)
            .node("Foo2", NodeType.OBJECT, "Foo", 12).location(9, 1, 5)
            .node("Bar", NodeType.OBJECT, "Bar", 14).location(7, 3, 1);

    /** A Java heap whose last node no GC root reaches: the unreachable set's highest bit is the last node. */
    static final TestGraph JAVA = new TestGraph().root().element(0, "R")
            .node("R", NodeType.OBJECT, "Rooted", 10).edge("x", "Child")
            .node("Child", NodeType.OBJECT, "Thing", 5)
            .node("G1", NodeType.OBJECT, "Thing", 7).edge("y", "G2")
            .node("G2", NodeType.OBJECT, "Other", 3);

    private static AnalyzedHeap analyze(TestGraph g, HeapFormat format) {
        return HeapAnalyzer.analyze(g.build(format), ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    private static MemoryStore stored(AnalyzedHeap heap) throws IOException {
        MemoryStore store = new MemoryStore(false);
        AnalysisStore.save(heap, store);
        return store;
    }

    @Test
    void aV8AnalysisComesBackWithItsWeakMapPairsAndLocatedClasses() throws IOException {
        AnalyzedHeap heap = analyze(V8, HeapFormat.V8_HEAPSNAPSHOT);
        AnalyzedHeap restored = AnalysisStore.load(heap.graph(), stored(heap));
        SameHeap.assertSame(heap, restored);
        assertEquals(heap.statistics(), restored.statistics());
        assertEquals(heap.maxJsObjectId(), restored.maxJsObjectId());
        WeakMapEdgeNames weakMaps = restored.weakMapEdgeNames();
        assertEquals(2, weakMaps.pairCount());
        HeapGraph graph = heap.graph();
        int ephemerons = 0;
        for (int s = 0; s < graph.strings().size(); s++) {
            assertEquals(heap.weakMapEdgeNames().isEphemeron(s), weakMaps.isEphemeron(s), graph.strings().get(s));
            if (weakMaps.isEphemeron(s)) {
                ephemerons++;
                assertEquals(heap.weakMapEdgeNames().pairId(s), weakMaps.pairId(s));
                assertEquals(23, weakMaps.tableId(s));
            }
        }
        assertEquals(4, ephemerons);
        ClassTable classes = restored.classes();
        assertEquals(heap.classes().classCount(), classes.classCount());
        for (int c = 0; c < classes.classCount(); c++) {
            assertEquals(heap.classes().key(c), classes.key(c));
        }
        assertEquals(classes.key(classes.classByNode().get(V8.ordinal("Foo1"))), "7,3,1,Foo");
        assertEquals(classes.key(classes.classByNode().get(V8.ordinal("Bar"))), "7,3,1,Bar");
    }

    @Test
    void aJavaAnalysisComesBackWithItsUnreachableNodesAndStatistics() throws IOException {
        AnalyzedHeap heap = analyze(JAVA, HeapFormat.HPROF);
        int last = heap.graph().nodeCount() - 1;
        assertTrue(heap.uncountedNodes().get(last), "the last node is unreachable");
        AnalyzedHeap restored = AnalysisStore.load(heap.graph(), stored(heap));
        SameHeap.assertSame(heap, restored);
        assertEquals(heap.uncountedNodes(), restored.uncountedNodes());
        assertEquals(heap.statistics(), restored.statistics());
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                damage("a definition count beyond the header", "claims",
                        s -> header(s, b -> b.putInt(DEFINITION_COUNT_AT, Integer.MAX_VALUE - 8))),
                damage("a negative definition count", "claims", s -> header(s, b -> b.putInt(DEFINITION_COUNT_AT, -1))),
                damage("statistics of an unknown kind", "statistics do not fit",
                        s -> header(s, b -> b.putLong(STATISTICS_KIND_AT, 2))),
                damage("fewer WeakMap pairs than the entries name", "analysis.weakMaps: an entry is out of range",
                        s -> header(s, b -> b.putInt(PAIR_COUNT_AT, 1))),
                damage("retainer lists that end short of the edges", "analysis.firstRetainer does not span",
                        s -> lastInt(s, "analysis.firstRetainer", -1)),
                damage("retainer lists that do not start at 0", "analysis.firstRetainer does not span",
                        s -> ints(s, "analysis.firstRetainer")[0] = 1),
                damage("retainer lists that go backwards", "analysis.firstRetainer decreases", s -> {
                    int[] first = ints(s, "analysis.firstRetainer");
                    first[2] = first[first.length - 1];
                }),
                damage("a retainer list one entry short", "analysis.firstRetainer does not span",
                        s -> shorten(s, "analysis.firstRetainer")),
                damage("one retainer too few", "analysis.retainerSources has the wrong length",
                        s -> shorten(s, "analysis.retainerSources")),
                damage("a retainer past the last node", "analysis.retainerSources names a node that does not exist",
                        s -> ints(s, "analysis.retainerSources")[3] = nodeCount(s)),
                damage("a negative retainer", "analysis.retainerSources names a node that does not exist",
                        s -> ints(s, "analysis.retainerSources")[0] = -1),
                damage("a DOM state too many", "DOM states do not match the node count",
                        s -> s.put("analysis.domStates", new byte[nodeCount(s) + 1])),
                damage("a distance too few", "distances do not match the node count",
                        s -> shorten(s, "analysis.distances")),
                damage("a dominator too few", "analysis.dominators has the wrong length",
                        s -> shorten(s, "analysis.dominators")),
                damage("a dominator past the last node", "analysis.dominators names a node that does not exist",
                        s -> ints(s, "analysis.dominators")[2] = nodeCount(s)),
                damage("a negative dominator", "analysis.dominators names a node that does not exist",
                        s -> ints(s, "analysis.dominators")[2] = -1),
                damage("dominated lists that end past the nodes", "analysis.firstDominated does not span",
                        s -> lastInt(s, "analysis.firstDominated", 1)),
                damage("dominated lists that go backwards", "analysis.firstDominated decreases", s -> {
                    int[] first = ints(s, "analysis.firstDominated");
                    first[1] = first[first.length - 1];
                }),
                damage("a dominated node past the last", "analysis.dominated names a node that does not exist",
                        s -> ints(s, "analysis.dominated")[1] = nodeCount(s)),
                damage("a retained size too few", "analysis.retainedSizes holds another number of sizes",
                        s -> s.put("analysis.retainedSizes.narrow", new char[nodeCount(s) - 1])),
                damage("WeakMap columns of different lengths", "analysis.weakMaps: columns of different lengths",
                        s -> shorten(s, "analysis.weakMaps.pairIds")),
                damage("WeakMap table ids of another length", "analysis.weakMaps: columns of different lengths",
                        s -> s.put("analysis.weakMaps.tableIds", new long[1])),
                damage("a WeakMap edge name past the strings", "analysis.weakMaps: an entry is out of range",
                        s -> ints(s, "analysis.weakMaps.names")[1] = stringCount()),
                damage("a negative WeakMap edge name", "analysis.weakMaps: an entry is out of range",
                        s -> ints(s, "analysis.weakMaps.names")[0] = -1),
                damage("a WeakMap pair past the pair count", "analysis.weakMaps: an entry is out of range",
                        s -> ints(s, "analysis.weakMaps.pairIds")[0] = 2),
                damage("a negative WeakMap pair", "analysis.weakMaps: an entry is out of range",
                        s -> ints(s, "analysis.weakMaps.pairIds")[3] = -1),
                damage("a class per node too few", "analysis.classes: columns of wrong lengths",
                        s -> shorten(s, "analysis.classes.classByNode")),
                damage("class locations of another length", "analysis.classes: columns of wrong lengths",
                        s -> shorten(s, "analysis.classes.locationByClass")),
                damage("a node of a class past the last", "analysis.classes: a node of no class",
                        s -> ints(s, "analysis.classes.classByNode")[4] = classCount(s)),
                damage("a node of a negative class", "analysis.classes: a node of no class",
                        s -> ints(s, "analysis.classes.classByNode")[nodeCount(s) - 1] = -1),
                damage("a class name past the strings", "analysis.classes: a class is out of range",
                        s -> ints(s, "analysis.classes.nameByClass")[1] = stringCount()),
                damage("a negative class name", "analysis.classes: a class is out of range",
                        s -> ints(s, "analysis.classes.nameByClass")[classCount(s) - 1] = -1),
                damage("a class location past the locations", "analysis.classes: a class is out of range",
                        s -> ints(s, "analysis.classes.locationByClass")[classCount(s) - 1] = 3),
                damage("a class location below -1", "analysis.classes: a class is out of range",
                        s -> ints(s, "analysis.classes.locationByClass")[0] = -2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedV8AnalysisIsRefusedWithTheArrayNamed(String what, String message, Consumer<MemoryStore> damage)
            throws IOException {
        AnalyzedHeap heap = analyze(V8, HeapFormat.V8_HEAPSNAPSHOT);
        MemoryStore store = stored(heap);
        damage.accept(store);
        StoreFormatException e = assertThrows(StoreFormatException.class,
                () -> AnalysisStore.load(heap.graph(), store), what);
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
    }

    /** The unreachable set is checked against the node count: a bit past the last node is refused. */
    @Test
    void unreachableNodesPastTheLastAreRefused() throws IOException {
        AnalyzedHeap heap = analyze(JAVA, HeapFormat.HPROF);
        MemoryStore store = stored(heap);
        BitSet beyond = (BitSet) heap.uncountedNodes().clone();
        beyond.set(heap.graph().nodeCount());
        store.put("analysis.uncounted", beyond.toLongArray());
        StoreFormatException e = assertThrows(StoreFormatException.class,
                () -> AnalysisStore.load(heap.graph(), store));
        assertTrue(e.getMessage().contains("unreachable nodes beyond the last node"), e.getMessage());
    }

    /** The damages above are measured against the graph they are stored for. */
    @Test
    void theV8GraphHasTheSizesTheDamagesAssume() throws IOException {
        AnalyzedHeap heap = analyze(V8, HeapFormat.V8_HEAPSNAPSHOT);
        assertEquals(3, heap.graph().locations().size());
        assertNotNull(stored(heap).get("analysis.retainedSizes.narrow"), "small sizes are stored narrow");
    }

    private static Arguments damage(String what, String message, Consumer<MemoryStore> damage) {
        return Arguments.of(what, message, damage);
    }

    private static void header(MemoryStore store, Consumer<ByteBuffer> change) {
        change.accept(ByteBuffer.wrap((byte[]) store.get("analysis.header")));
    }

    private static int[] ints(MemoryStore store, String name) {
        return (int[]) store.get(name);
    }

    private static void lastInt(MemoryStore store, String name, int delta) {
        int[] values = ints(store, name);
        values[values.length - 1] += delta;
    }

    private static void shorten(MemoryStore store, String name) {
        int[] values = ints(store, name);
        store.put(name, java.util.Arrays.copyOf(values, values.length - 1));
    }

    private static int nodeCount(MemoryStore store) {
        return ints(store, "analysis.distances").length;
    }

    private static int classCount(MemoryStore store) {
        return ints(store, "analysis.classes.nameByClass").length;
    }

    /** The analysed V8 graph's string table: node and edge names, and the names the analysis adds. */
    private static int stringCount() {
        return analyze(V8, HeapFormat.V8_HEAPSNAPSHOT).graph().strings().size();
    }
}
