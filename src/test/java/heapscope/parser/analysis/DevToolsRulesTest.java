package heapscope.parser.analysis;

import heapscope.parser.store.IntColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.TestGraph;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** DevTools' documented rules (../shared/reference/v8-heapsnapshot-and-devtools.md §2) on hand-built V8 graphs. */
class DevToolsRulesTest {

    private static AnalyzedHeap analyze(TestGraph g) {
        return HeapAnalyzer.analyze(g.build(), ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    private static Map<String, ClassAggregate> summary(AnalyzedHeap heap, NodeFilter filter) {
        List<ClassAggregate> rows = ClassAggregator.aggregate(heap, filter);
        return rows.stream().collect(Collectors.toMap(ClassAggregate::name, Function.identity()));
    }

    /** root -shortcut-> Window (user root) -> A; root -element-> (GC roots) -> Sys -> B; weak Window -> C. */
    private static TestGraph twoKindsOfRoots() {
        return new TestGraph().root()
                .edge(EdgeType.SHORTCUT, "global", "Window").element(0, "gcroots")
                .node("Window", 10).edge("a", "A").edge(EdgeType.WEAK, "w", "C")
                .node("gcroots", NodeType.SYNTHETIC, "(GC roots)", 0).edge(EdgeType.INTERNAL, "s", "Sys")
                .node("Sys", NodeType.HIDDEN, "system / Sys", 5).edge(EdgeType.INTERNAL, "b", "B")
                .node("A", 20)
                .node("B", 30)
                .node("C", 40);
    }

    @Test
    void distancesCountFromUserRootsAndSystemOnlyNodesFromOneHundredMillion() {
        TestGraph g = twoKindsOfRoots();
        IntColumn d = analyze(g).distances();
        assertEquals(1, d.get(g.ordinal("Window")));
        assertEquals(2, d.get(g.ordinal("A")));
        assertEquals(Distances.BASE_SYSTEM_DISTANCE + 1, d.get(g.ordinal("gcroots")));
        assertEquals(Distances.BASE_SYSTEM_DISTANCE + 3, d.get(g.ordinal("B")));
        assertEquals(Distances.NO_DISTANCE, d.get(g.ordinal("C")), "weak edges are never followed");
        // DevTools shows a number for user-reachable nodes only (HeapSnapshotModel's baseSystemDistance), "−" else.
        assertFalse(Distances.isUserReachable(d.get(g.ordinal("root"))), "with user roots, the root is a system node");
        // Without user roots the root's distance is 0, a number.
        TestGraph internals = new TestGraph().root().element(0, "gcroots")
                .node("gcroots", NodeType.SYNTHETIC, "(GC roots)", 0).edge(EdgeType.INTERNAL, "a", "A").node("A", 1);
        assertTrue(Distances.isUserReachable(analyze(internals).distance(internals.ordinal("root"))));
        assertTrue(Distances.isUserReachable(d.get(g.ordinal("A"))));
        assertTrue(Distances.isUserReachable(Distances.BASE_SYSTEM_DISTANCE - 1));
        assertFalse(Distances.isUserReachable(d.get(g.ordinal("gcroots"))));
        assertFalse(Distances.isUserReachable(Distances.BASE_SYSTEM_DISTANCE));
        assertFalse(Distances.isUserReachable(d.get(g.ordinal("C"))));
        assertFalse(Distances.isUserReachable(-1));
    }

    @Test
    void classNamesFollowNodeTypes() {
        TestGraph g = twoKindsOfRoots();
        Map<String, ClassAggregate> rows = summary(analyze(g), NodeFilter.ALL);
        assertEquals(1, rows.get("(system)").count());
        assertEquals(1, rows.get("Window").count());
        assertEquals(Distances.NO_DISTANCE, rows.get("C").distance());
    }

    @Test
    void anArrayOwnedByOneObjectAddsItsSizeToThatObject() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "Window")
                .node("Window", 10).edge("list", "List").edge("shared", "Shared")
                .node("List", NodeType.OBJECT, "Array", 16).edge(EdgeType.INTERNAL, "elements", "Store")
                .node("Store", NodeType.ARRAY, "(object elements)", 100)
                .node("Shared", NodeType.OBJECT, "Holder", 8).edge(EdgeType.INTERNAL, "table", "Table")
                .node("Table", NodeType.ARRAY, "(object elements)", 50);
        g.edgeFrom("Window", EdgeType.INTERNAL, "alsoTable", "Table");
        AnalyzedHeap heap = analyze(g);
        NodeSizes shallow = heap.shallowSizes();
        assertEquals(116, shallow.get(g.ordinal("List")));
        assertEquals(0, shallow.get(g.ordinal("Store")));
        // Table has two owners (Window and Holder), so it keeps its own size.
        assertEquals(50, shallow.get(g.ordinal("Table")));
        Map<String, ClassAggregate> rows = summary(heap, NodeFilter.ALL);
        assertEquals(116, rows.get("Array").shallowSize());
        assertEquals(50, rows.get("(array)").shallowSize());
    }

    /** A linked list of three Node objects under one Holder: the class counts the head's retained size once. */
    @Test
    void aClassRetainedSizeCountsNestedInstancesOnce() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "Window")
                .node("Window", 1).edge("head", "N1").edge("other", "N4")
                .node("N1", NodeType.OBJECT, "Node", 10).edge("next", "N2")
                .node("N2", NodeType.OBJECT, "Node", 10).edge("next", "N3")
                .node("N3", NodeType.OBJECT, "Node", 10).edge("value", "V")
                .node("V", NodeType.OBJECT, "Value", 5)
                .node("N4", NodeType.OBJECT, "Node", 7);
        Map<String, ClassAggregate> rows = summary(analyze(g), NodeFilter.ALL);
        ClassAggregate node = rows.get("Node");
        assertEquals(4, node.count());
        assertEquals(37, node.shallowSize());
        assertEquals(35 + 7, node.retainedSize());
    }

    @Test
    void theAllocationRangeFilterKeepsIdsAboveTheFirstAndUpToTheLastBound() {
        TestGraph g = new TestGraph().root().id(1).edge(EdgeType.SHORTCUT, "global", "Window")
                .node("Window", 1).id(3).edge("a", "A").edge("b", "B").edge("c", "C")
                .node("A", NodeType.OBJECT, "Item", 10).id(11)
                .node("B", NodeType.OBJECT, "Item", 10).id(21)
                .node("C", NodeType.OBJECT, "Item", 10).id(31);
        AnalyzedHeap heap = analyze(g);
        Map<String, ClassAggregate> rows = summary(heap, new NodeFilter.AllocatedBetween(11, 31));
        assertEquals(2, rows.get("Item").count());
        assertEquals(31, heap.maxJsObjectId());
    }

    @Test
    void plainObjectsSharingPropertiesAreNamedAfterTheirInterface() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "Window").node("Window", 1);
        for (int i = 0; i < 3; i++) {
            g.edgeFrom("Window", EdgeType.ELEMENT, null, "P" + i);
        }
        g.edgeFrom("Window", EdgeType.PROPERTY, "lonely", "Q");
        for (int i = 0; i < 3; i++) {
            g.node("P" + i, NodeType.OBJECT, "Object", 12).edge("x", "Num").edge("y", "Num")
                    .edge("__proto__", "Proto");
        }
        g.node("Q", NodeType.OBJECT, "Object", 12).edge("z", "Num");
        g.node("Num", NodeType.NUMBER, "number", 16).node("Proto", NodeType.OBJECT, "ObjectPrototype", 8);
        Map<String, ClassAggregate> rows = summary(analyze(g), NodeFilter.ALL);
        assertEquals(3, rows.get("{x, y}").count());
        assertEquals(1, rows.get("Object").count(), "a shape seen once is no interface");
    }
}
