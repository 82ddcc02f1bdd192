package heapscope.parser.analysis;

import heapscope.parser.store.IntColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.TestGraph;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * DevTools' special cases, each on a graph built for it: plain-object interfaces, shallow-size ownership, the V8
 * edges distances skip (sloppy_function_map, descriptor arrays, WeakMap pairs), and what the page owns.
 */
class DevToolsSpecialRulesTest {

    private static AnalyzedHeap analyze(TestGraph g) {
        return HeapAnalyzer.analyze(g.build(), ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    private static Map<String, ClassAggregate> byName(AnalyzedHeap heap) {
        return ClassAggregator.aggregate(heap, NodeFilter.ALL).stream()
                .collect(Collectors.toMap(ClassAggregate::name, Function.identity(), (a, b) -> a));
    }

    /** Plain objects with the given property lists, all held by W. */
    private static TestGraph plainObjects(String... propertyLists) {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W").node("W", 1);
        for (int i = 0; i < propertyLists.length; i++) {
            g.edgeFrom("W", EdgeType.ELEMENT, null, "P" + i);
        }
        for (int i = 0; i < propertyLists.length; i++) {
            g.node("P" + i, NodeType.OBJECT, "Object", 12 + i);
            for (String property : propertyLists[i].split(",")) {
                if (!property.isEmpty()) {
                    g.edge(property, "V");
                }
            }
            g.edge(EdgeType.INTERNAL, "map", "V");
        }
        return g.node("V", NodeType.NUMBER, "number", 16);
    }

    /**
     * Proposals made by two objects or more become interfaces, most frequent first; each object takes the largest
     * interface all of whose properties it has (the earlier on a tie), whatever their order.
     */
    @Test
    void plainObjectsTakeTheLargestInterfaceTheyHave() {
        TestGraph g = plainObjects("x,y", "x,y", "x,y", "x,y,z", "x,y,z", "z,y,x,w", "y,x", "a", "q,r", "__proto__,x,y");
        AnalyzedHeap heap = analyze(g);
        HeapGraph graph = heap.graph();
        IntColumn classByNode = heap.classes().classByNode();
        Function<String, String> classOf = label -> heap.classes().name(classByNode.get(g.ordinal(label)));
        assertEquals("{x, y}", classOf.apply("P0"));
        assertEquals("{x, y, z}", classOf.apply("P3"));
        assertEquals("{x, y, z}", classOf.apply("P5"), "z, y, x, w has all of x, y, z");
        assertEquals("{x, y}", classOf.apply("P6"), "order does not matter");
        assertEquals("Object", classOf.apply("P7"), "a shape seen once is no interface");
        assertEquals("{x, y}", classOf.apply("P9"), "__proto__ is no property");
        assertEquals(List.of("{x, y}", "{x, y, z}"), heap.interfaceDefinitions().stream()
                .map(InterfaceDefinitions.Definition::name).toList());
        Map<String, ClassAggregate> rows = byName(heap);
        assertEquals(5, rows.get("{x, y}").count());
        assertEquals(3, rows.get("{x, y, z}").count());
        assertEquals("Object", graph.nodeName(g.ordinal("P0")), "the graph keeps its own names");
    }

    /**
     * An object that has two interfaces of one size takes the earlier one, whichever the walk over its sorted
     * properties meets first: {x, y} and {c, d} (three objects each) come before {a, b} and {p, q} (two each).
     */
    @Test
    void onATieTheEarlierInterfaceWinsWhicheverTheWalkMeetsFirst() {
        TestGraph g = plainObjects("x,y", "x,y", "x,y", "a,b", "a,b", "c,d", "c,d", "c,d", "p,q", "p,q", "a,b,x,y",
                "c,d,p,q");
        AnalyzedHeap heap = analyze(g);
        assertEquals(List.of("{x, y}", "{c, d}", "{a, b}", "{p, q}"), heap.interfaceDefinitions().stream()
                .map(InterfaceDefinitions.Definition::name).toList());
        IntColumn classByNode = heap.classes().classByNode();
        Function<String, String> classOf = label -> heap.classes().name(classByNode.get(g.ordinal(label)));
        assertEquals("{x, y}", classOf.apply("P10"), "{a, b} is met first but comes later");
        assertEquals("{c, d}", classOf.apply("P11"), "{c, d} is met first and comes earlier");
    }

    @Test
    void interfaceNamesQuoteOddPropertiesAndStopNearOneHundredTwentyCharacters() {
        String longName = "p".repeat(50);
        TestGraph g = plainObjects("a,b", "a,b", "\"q\",{x}", "\"q\",{x}", longName + "1," + longName + "2,"
                + longName + "3", longName + "1," + longName + "2," + longName + "3");
        AnalyzedHeap heap = analyze(g);
        List<String> names = heap.interfaceDefinitions().stream().map(InterfaceDefinitions.Definition::name).toList();
        assertEquals(List.of("{a, b}", "{\"\\\"q\\\"\", \"{x}\"}", "{" + longName + "1, " + longName + "2}"), names);
        assertEquals("it's", InterfaceDefinitions.formatPropertyName("it's").replace("\"", "").replace("\\", ""));
        assertEquals("\"a,b\"", InterfaceDefinitions.formatPropertyName("a,b"));
        assertEquals("plain", InterfaceDefinitions.formatPropertyName("plain"));
    }

    /** One in a thousand plain objects at least: among 3007 plain objects a shape needs 4. */
    @Test
    void rareShapesAmongManyPlainObjectsAreNoInterface() {
        String[] lists = new String[3007];
        for (int i = 0; i < 3000; i++) {
            lists[i] = "k" + i;
        }
        java.util.Arrays.fill(lists, 3000, 3004, "x,y");
        java.util.Arrays.fill(lists, 3004, 3007, "a,b");
        AnalyzedHeap heap = analyze(plainObjects(lists));
        assertEquals(List.of("{x, y}"), heap.interfaceDefinitions().stream().map(InterfaceDefinitions.Definition::name)
                .toList(), "4 of 3007 objects reach 3.007, 3 do not");
    }

    /** Comparison names the base's plain objects after the target's interfaces, so the classes line up. */
    @Test
    void comparisonAppliesTheTargetsInterfacesToTheBase() {
        TestGraph base = plainObjects("x,y,z", "x,y,z", "x,y");
        TestGraph target = plainObjects("x,y,z", "x,y", "x,y");
        // In the base {x, y, z} is an interface; in the target only {x, y} is. The base's objects are renamed after
        // the target's interfaces, so all three are {x, y} on both sides.
        AnalyzedHeap before = analyze(base);
        AnalyzedHeap after = analyze(target);
        List<ClassDiff> diffs = SnapshotComparer.compare(before, after, CancelSignal.NEVER);
        Map<String, ClassDiff> byKey = diffs.stream().collect(Collectors.toMap(ClassDiff::key, Function.identity()));
        // Same ids on both sides (P0..P2, V): nothing is new or deleted, whatever the names.
        assertEquals(Map.of(), byKey);
        assertEquals(List.of("{x, y, z}"), before.interfaceDefinitions().stream()
                .map(InterfaceDefinitions.Definition::name).toList());
        // With {x, y, z} an interface of the target too, the base's P1 (x, y, z) is one and the target's P1 (x, y) is
        // not: by class, P1 moved. Ids: W 3, P0 5, P1 7, P2 9, then V 11 in the base, P3 11 and V 13 in the target.
        TestGraph grown = plainObjects("x,y,z", "x,y", "x,y", "x,y,z");
        List<String> rows = SnapshotComparer.compare(before, analyze(grown), CancelSignal.NEVER).stream()
                .map(d -> d.key() + " +" + d.newCount() + " -" + d.deletedCount() + " " + d.allocSize() + "/"
                        + d.freedSize()).toList();
        assertEquals(List.of(",(number) +1 -1 16/16", ",{x, y, z} +1 -1 15/13", ",{x, y} +1 -0 13/0"), rows);
    }

    /**
     * An array or hidden node held by exactly one object moves its size into that object; not when held by the root
     * or a synthetic node, not when held twice, not over weak edges; a chain of owned nodes ends in the first owner.
     */
    @Test
    void ownedArraysAndHiddenNodesAddToTheirOwner() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W").element(0, "RootOwned")
                .element(1, "gc")
                .node("W", 10).edge("o", "O").edge(EdgeType.WEAK, "w", "WeaklyShared")
                .node("O", 100).edge(EdgeType.INTERNAL, "h", "H").edge(EdgeType.INTERNAL, "ws", "WeaklyShared")
                .edge(EdgeType.INTERNAL, "ext", "Ext")
                .node("H", NodeType.HIDDEN, "system / H", 20).edge(EdgeType.INTERNAL, "a", "A")
                .node("A", NodeType.ARRAY, "(array)", 3)
                .node("WeaklyShared", NodeType.ARRAY, "(array)", 4)
                .node("Ext", NodeType.NATIVE, "system / ExternalStringData", 5)
                .node("RootOwned", NodeType.ARRAY, "(array)", 6)
                .node("gc", NodeType.SYNTHETIC, "(GC roots)", 0).edge(EdgeType.INTERNAL, "s", "SynthOwned")
                .node("SynthOwned", NodeType.ARRAY, "(array)", 7);
        AnalyzedHeap heap = analyze(g);
        NodeSizes shallow = heap.shallowSizes();
        assertEquals(100 + 20 + 3 + 4 + 5, shallow.get(g.ordinal("O")));
        assertEquals(0, shallow.get(g.ordinal("H")));
        assertEquals(0, shallow.get(g.ordinal("A")));
        assertEquals(0, shallow.get(g.ordinal("WeaklyShared")), "the weak edge from W does not count");
        assertEquals(0, shallow.get(g.ordinal("Ext")));
        assertEquals(6, shallow.get(g.ordinal("RootOwned")), "the root owns nothing");
        assertEquals(7, shallow.get(g.ordinal("SynthOwned")), "nor does a synthetic node");
        assertEquals(10, shallow.get(g.ordinal("W")));
    }

    @Test
    void withoutUserRootsSizesStayAsTheFileGivesThem() {
        TestGraph g = new TestGraph().root().element(0, "gc")
                .node("gc", NodeType.SYNTHETIC, "(GC roots)", 0).element(0, "O")
                .node("O", 100).edge(EdgeType.INTERNAL, "a", "A")
                .node("A", NodeType.ARRAY, "(array)", 3);
        AnalyzedHeap heap = analyze(g);
        assertEquals(100, heap.shallowSizes().get(g.ordinal("O")));
        assertEquals(3, heap.shallowSizes().get(g.ordinal("A")));
        assertEquals(0, heap.distance(g.ordinal("root")), "no user roots: the root counts from 0");
        assertEquals(1, heap.distance(g.ordinal("gc")));
    }

    /**
     * V8's special edges for distances: a NativeContext's sloppy_function_map is not followed, nor the descriptor
     * links (every third element from [2]) of a (map descriptors) array.
     */
    @Test
    void distancesSkipTheEdgesV8Marks() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).edge("ctx", "Ctx").edge("d", "Desc").edge("late", "Late")
                .node("Ctx", NodeType.HIDDEN, "system / NativeContext", 1).edge(EdgeType.INTERNAL,
                        "sloppy_function_map", "Map").edge(EdgeType.INTERNAL, "other", "Other")
                .node("Map", NodeType.HIDDEN, "system / Map", 1)
                .node("Other", NodeType.HIDDEN, "system / Map", 1)
                .node("Desc", NodeType.ARRAY, "(map descriptors)", 1).element(0, "E0").element(1, "E1")
                .element(2, "E2").element(3, "E3").element(4, "E4").element(5, "E5").element(6, "E6")
                .edge(EdgeType.INTERNAL, "7", "E7")
                .node("E0", 1).node("E1", 1).node("E2", 1).node("E3", 1).node("E4", 1).node("E5", 1).node("E6", 1)
                .node("E7", 1)
                .node("Late", 1).edge("a", "L2")
                .node("L2", 1).edge("b", "L3")
                .node("L3", 1).edge("m", "Map").edge("e4", "E4").edge("e7", "E7");
        IntColumn d = analyze(g).distances();
        assertEquals(3, d.get(g.ordinal("Other")));
        assertEquals(5, d.get(g.ordinal("Map")), "reached later through Late -> L2 -> L3");
        assertEquals(3, d.get(g.ordinal("E0")));
        assertEquals(3, d.get(g.ordinal("E1")));
        assertEquals(3, d.get(g.ordinal("E2")));
        assertEquals(3, d.get(g.ordinal("E3")));
        assertEquals(5, d.get(g.ordinal("E4")), "index 4 is a descriptor link");
        assertEquals(3, d.get(g.ordinal("E5")));
        assertEquals(3, d.get(g.ordinal("E6")));
        assertEquals(5, d.get(g.ordinal("E7")), "index 7 is one too, also as a named edge");
    }

    /**
     * A WeakMap value is held by two internal edges, from the key and from the table, named alike; the first one met
     * is skipped, so the value's distance is that of the later of the two. The table's own edge does not dominate.
     */
    @Test
    void aWeakMapValueIsAsFarAsTheLaterOfKeyAndTable() {
        String pair = " / part of key (Key @21) -> value (Value @25) pair in WeakMap (table @23)";
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).id(3).edge("key", "Key").edge("far", "F1")
                .node("Key", NodeType.OBJECT, "Key", 1).id(21).edge(EdgeType.INTERNAL, "1" + pair, "Value")
                .node("F1", 1).id(5).edge("f", "F2")
                .node("F2", 1).id(7).edge("t", "Table")
                .node("Table", NodeType.ARRAY, "system / EphemeronHashTable", 1).id(23)
                .edge(EdgeType.INTERNAL, "2" + pair, "Value")
                .node("Value", NodeType.OBJECT, "Value", 50).id(25);
        AnalyzedHeap heap = analyze(g);
        IntColumn d = heap.distances();
        assertEquals(2, d.get(g.ordinal("Key")));
        assertEquals(4, d.get(g.ordinal("Table")));
        assertEquals(5, d.get(g.ordinal("Value")), "after the table, not after the key");
        assertEquals(g.ordinal("Key"), heap.dominator(g.ordinal("Value")),
                "the table's edge to the value does not hold it");
        assertEquals(51, heap.retainedSizes().get(g.ordinal("Key")));
    }

    /**
     * Each WeakMap entry is paired on its own: with two entries whose key edges are both met before the table, each
     * value is as far as the table, not as its key (one pairing shared by both would let the second key hold its value
     * and leave the first value to the table's second edge).
     */
    @Test
    void twoWeakMapEntriesArePairedApart() {
        String pair1 = " / part of key (Key @21) -> value (Value @25) pair in WeakMap (table @23)";
        String pair2 = " / part of key (Key @31) -> value (Value @35) pair in WeakMap (table @23)";
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).id(3).edge("k1", "K1").edge("k2", "K2").edge("far", "F1")
                .node("K1", NodeType.OBJECT, "Key", 1).id(21).edge(EdgeType.INTERNAL, "1" + pair1, "V1")
                .node("K2", NodeType.OBJECT, "Key", 1).id(31).edge(EdgeType.INTERNAL, "3" + pair2, "V2")
                .node("F1", 1).id(5).edge("f", "F2")
                .node("F2", 1).id(7).edge("t", "Table")
                .node("Table", NodeType.ARRAY, "system / EphemeronHashTable", 1).id(23)
                .edge(EdgeType.INTERNAL, "2" + pair1, "V1").edge(EdgeType.INTERNAL, "4" + pair2, "V2")
                .node("V1", NodeType.OBJECT, "Value", 50).id(25)
                .node("V2", NodeType.OBJECT, "Value", 60).id(35);
        IntColumn d = analyze(g).distances();
        assertEquals(4, d.get(g.ordinal("Table")));
        assertEquals(5, d.get(g.ordinal("V1")));
        assertEquals(5, d.get(g.ordinal("V2")));
    }

    /**
     * What the page owns (all that a shortcut from the root reaches, over non-weak edges) is not held by what it does
     * not own: an edge from a non-page object into the page does not take part in dominance.
     */
    @Test
    void objectsOutsideThePageDoNotDominateThePagesObjects() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "Window").element(0, "gc")
                .node("Window", 1).edge("app", "App")
                .node("App", 10).edge("data", "Data")
                .node("Data", 100)
                .node("gc", NodeType.SYNTHETIC, "(GC roots)", 0).element(0, "Internal")
                .node("Internal", NodeType.HIDDEN, "system / Internal", 5).edge(EdgeType.INTERNAL, "data", "Data")
                .edge(EdgeType.INTERNAL, "own", "OnlyInternal")
                .node("OnlyInternal", 7);
        AnalyzedHeap heap = analyze(g);
        assertEquals(g.ordinal("App"), heap.dominator(g.ordinal("Data")));
        assertEquals(110, heap.retainedSizes().get(g.ordinal("App")));
        assertEquals(12, heap.retainedSizes().get(g.ordinal("Internal")));
        assertEquals(g.ordinal("Internal"), heap.dominator(g.ordinal("OnlyInternal")));
        // The shortcut itself is the only root edge that may: Window's global shortcut from elsewhere is ignored.
        TestGraph shortcut = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "Window").element(0, "Other")
                .node("Window", 1).edge("x", "X")
                .node("Other", 1).edge(EdgeType.SHORTCUT, "alias", "X")
                .node("X", 40);
        AnalyzedHeap h = analyze(shortcut);
        assertEquals(shortcut.ordinal("Window"), h.dominator(shortcut.ordinal("X")));
        assertEquals(41, h.retainedSizes().get(shortcut.ordinal("Window")));
    }

    /** The dominator tree's children lists: each node's, in ordinal order; the root is no one's child. */
    @Test
    void dominatedNodesListEachNodesChildren() {
        TestGraph g = new TestGraph().root().element(0, "A").element(1, "B")
                .node("A", 1).edge("c", "C").edge("d", "D")
                .node("B", 1).edge("e", "E").edge("d", "D")
                .node("C", 1).node("D", 1).node("E", 1);
        AnalyzedHeap heap = HeapAnalyzer.analyze(g.build(heapscope.parser.graph.HeapFormat.HPROF),
                ProgressListener.NO_OP, CancelSignal.NEVER);
        DominatedNodes tree = heap.dominatedNodes();
        int[] first = tree.firstDominated().toArray(tree.firstDominated().length());
        int[] children = tree.dominatedNodes().toArray(tree.dominatedNodes().length());
        int root = g.ordinal("root");
        assertEquals(List.of(g.ordinal("A"), g.ordinal("B"), g.ordinal("D")), slice(children, first, root));
        assertEquals(List.of(g.ordinal("C")), slice(children, first, g.ordinal("A")));
        assertEquals(List.of(g.ordinal("E")), slice(children, first, g.ordinal("B")));
        assertEquals(List.of(), slice(children, first, g.ordinal("E")));
        assertEquals(5, first[6], "six nodes, five children");
    }

    private static List<Integer> slice(int[] children, int[] first, int node) {
        return java.util.Arrays.stream(children, first[node], first[node + 1]).boxed().toList();
    }
}
