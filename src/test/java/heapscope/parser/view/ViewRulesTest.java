package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.HeapAnalyzer;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.CanceledException;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.TestGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The view providers' rules on small graphs built by hand: names by node type, sort orders, search, cancelling. */
class ViewRulesTest {
    private static final CancelSignal CANCELED = () -> true;

    private static NodeRows rows(TestGraph g) {
        return new NodeRows(HeapAnalyzer.analyze(g.build(), ProgressListener.NO_OP, CancelSignal.NEVER));
    }

    /*
     *   W holds five Items of different shallow sizes, ids and distances (I4 is one step further, behind I3), an
     *   empty-named array, and one object of each named node type.
     */
    private static TestGraph items() {
        return new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).edge("b", "I1").edge("a", "I2").edge("d", "I3").edge("c", "I5").edge("x", "Str")
                .edge("y", "Re").edge("z", "Fn").edge("v", "Big").edge("u", "Arr").edge("t", "Anon")
                .edge(EdgeType.ELEMENT, null, "Cons")
                .node("I1", NodeType.OBJECT, "Item", 30).id(51)
                .node("I2", NodeType.OBJECT, "Item", 10).id(41)
                .node("I3", NodeType.OBJECT, "Item", 20).id(31).edge("next", "I4")
                .node("I4", NodeType.OBJECT, "Item", 20).id(21)
                .node("I5", NodeType.OBJECT, "Item", 0).id(11)
                .node("Str", NodeType.STRING, "line one\nline two", 16)
                .node("Re", NodeType.REGEXP, "a+b", 16)
                .node("Fn", NodeType.CLOSURE, "onTick", 32)
                .node("Big", NodeType.BIGINT, "12345678901234567890", 16)
                .node("Arr", NodeType.ARRAY, "(object elements)", 16)
                .node("Anon", NodeType.ARRAY, "", 16)
                .node("Cons", NodeType.CONCATENATED_STRING, "(cons)", 16).edge(EdgeType.INTERNAL, "first", "Str")
                .edge(EdgeType.INTERNAL, "second", "Str");
    }

    @Test
    void eachNodeTypeIsNamedAsDevToolsGridsNameIt() {
        TestGraph g = items();
        NodeRows rows = rows(g);
        assertEquals("\"line one line two\"", rows.displayName(g.ordinal("Str")), "quoted, on one line");
        assertEquals("\"line one line twoline one line two\"", rows.displayName(g.ordinal("Cons")));
        assertEquals("/a+b/", rows.displayName(g.ordinal("Re")));
        assertEquals("onTick()", rows.displayName(g.ordinal("Fn")));
        assertEquals("12345678901234567890n", rows.displayName(g.ordinal("Big")));
        assertEquals("(object elements)[]", rows.displayName(g.ordinal("Arr")));
        assertEquals("(internal array)[]", rows.displayName(g.ordinal("Anon")));
        assertEquals("Item", rows.displayName(g.ordinal("I1")));
        NodeRow item = rows.row(g.ordinal("I1"));
        assertEquals("Item @51", item.label());
        assertEquals("51", item.idText());
        assertEquals("object", item.type());
        assertEquals(2, item.distance());
        EdgeRow element = rows.outgoing(rows.heap().graph().firstEdgeIndex().get(g.ordinal("W")) + 10);
        assertEquals("[0]", element.edgeLabel());
        assertEquals("element", element.edgeType());
        assertEquals("[0] :: " + rows.displayName(g.ordinal("Cons")) + " @" + rows.heap().graph().nodeId(
                g.ordinal("Cons")), element.label());
    }

    @Test
    void nodesSortByEveryColumnThenById() {
        TestGraph g = items();
        NodeRows rows = rows(g);
        int[] items = {g.ordinal("I1"), g.ordinal("I2"), g.ordinal("I3"), g.ordinal("I4"), g.ordinal("I5")};
        Map<Sort, List<String>> expected = Map.of(
                new Sort(SortColumn.SHALLOW_SIZE, false), List.of("I5", "I2", "I4", "I3", "I1"),
                new Sort(SortColumn.SHALLOW_SIZE, true), List.of("I1", "I4", "I3", "I2", "I5"),
                new Sort(SortColumn.DISTANCE, false), List.of("I5", "I3", "I2", "I1", "I4"),
                new Sort(SortColumn.RETAINED_SIZE, true), List.of("I3", "I1", "I4", "I2", "I5"),
                new Sort(SortColumn.NAME, false), List.of("I5", "I4", "I3", "I2", "I1"),
                new Sort(SortColumn.COUNT, false), List.of("I5", "I4", "I3", "I2", "I1"));
        // Ties go by id: I5 @11 < I4 @21 < I3 @31 < I2 @41 < I1 @51.
        expected.forEach((sort, labels) -> {
            List<Integer> order = NodeList.of(rows, items, sort, CancelSignal.NEVER).page(0, 5).rows().stream()
                    .map(NodeRow::ordinal).toList();
            assertEquals(labels.stream().map(g::ordinal).toList(), order, sort.toString());
        });
        assertEquals(1, NodeList.dominatedCount(rows.heap(), g.ordinal("I3")));
        assertEquals(0, NodeList.dominatedCount(rows.heap(), g.ordinal("I4")));
        assertEquals(List.of(g.ordinal("I4")), NodeList.dominatedBy(rows, g.ordinal("I3"),
                Sort.RETAINED_SIZE_DESCENDING, CancelSignal.NEVER).page(0, 5).rows().stream().map(NodeRow::ordinal)
                .toList());
    }

    @Test
    void edgesByAColumnWithoutAnOrderKeepTheirPosition() {
        TestGraph g = items();
        NodeRows rows = rows(g);
        int w = g.ordinal("W");
        List<Integer> edges = EdgeList.outgoing(rows, w, new Sort(SortColumn.COUNT, true), CancelSignal.NEVER)
                .page(0, 20).rows().stream().map(EdgeRow::edgeIndex).toList();
        int first = rows.heap().graph().firstEdgeIndex().get(w);
        List<Integer> positions = new ArrayList<>();
        for (int e = first; e < first + EdgeList.outgoingCount(rows.heap(), w); e++) {
            positions.add(e);
        }
        assertEquals(positions, edges);
        EdgeList sorted = EdgeList.outgoing(rows, w, new Sort(SortColumn.NAME, false), CancelSignal.NEVER);
        List<EdgeRow> byName = sorted.page(0, 20).rows();
        assertEquals(List.of("a", "b", "c", "d", "t", "u", "v", "x", "y", "z", "[0]"),
                byName.stream().map(EdgeRow::edgeLabel).toList());
        for (int i = 0; i < byName.size(); i++) {
            assertEquals(i, sorted.indexOf(byName.get(i).edgeIndex()), "where a revealed edge sits");
        }
        assertEquals(-1, sorted.indexOf(first + byName.size()), "an edge of another node");
    }

    /**
     * A text search finds the counted objects (non-zero size) whose name contains the text, largest first, and the
     * classes whose name contains it with their counted objects.
     */
    @Test
    void searchByTextCountsOnlyObjectsWithASize() {
        NodeRows rows = rows(items());
        NodeSearch.Result found = NodeSearch.byText(rows, "ITEM", 2, CancelSignal.NEVER);
        assertEquals(4, found.total(), "I5 has no size");
        assertEquals(List.of(31L, 51L), found.rows().stream().map(NodeRow::id).toList());
        assertEquals(List.of("Item"), found.classes().stream().map(NodeSearch.ClassMatch::name).toList());
        assertEquals(4, found.classes().get(0).count(), "I5 has no size");
        assertEquals(4, NodeSearch.byText(rows, "item", 10, CancelSignal.NEVER).rows().size());
        NodeSearch.Result none = NodeSearch.byText(rows, "nothing like it", 10, CancelSignal.NEVER);
        assertEquals(0, none.total());
        assertEquals(List.of(), none.classes());
        assertThrows(CanceledException.class, () -> NodeSearch.byText(rows, "item", 10, CANCELED));
    }

    @Test
    void listsStopWhenCanceled() {
        TestGraph g = items();
        NodeRows rows = rows(g);
        int[] items = {g.ordinal("I1"), g.ordinal("I2"), g.ordinal("I3")};
        assertThrows(CanceledException.class, () -> NodeList.of(rows, items, Sort.RETAINED_SIZE_DESCENDING, CANCELED));
        assertThrows(CanceledException.class, () -> NodeList.instances(rows, 0, NodeFilter.ALL,
                Sort.RETAINED_SIZE_DESCENDING, CANCELED));
        int itemClass = rows.heap().classes().classByNode().get(g.ordinal("I1"));
        ObjectFilter all = ObjectFilter.of(rows.heap(), NodeFilter.ALL, CancelSignal.NEVER);
        assertThrows(CanceledException.class, () -> NodeList.instances(rows, itemClass, all, new Sort(SortColumn.COUNT,
                false), CANCELED));
        assertThrows(CanceledException.class, () -> NodeList.of(rows, items, new Sort(SortColumn.NAME, false),
                CANCELED));
        assertThrows(CanceledException.class, () -> TextRanks.of(rows.heap().graph().strings(), 0, i -> 0, CANCELED));
    }

    @Test
    void theMergeSortIsStableAndSortsEveryLength() {
        int[] two = {5, 3};
        OrdinalSort.sort(two, Integer::compare, CancelSignal.NEVER);
        assertEquals(List.of(3, 5), List.of(two[0], two[1]));
        int[] one = {7};
        OrdinalSort.sort(one, Integer::compare, CANCELED);
        assertEquals(7, one[0], "nothing to sort, nothing to cancel");
        // Compared by tens only: equal tens keep their input order.
        int[] values = {31, 12, 35, 11, 38, 13, 22, 33, 14, 21, 19};
        int[] sorted = values.clone();
        OrdinalSort.sort(sorted, (a, b) -> Integer.compare(a / 10, b / 10), CancelSignal.NEVER);
        List<Integer> expected = new ArrayList<>();
        for (int v : values) {
            expected.add(v);
        }
        expected.sort(Comparator.comparingInt(v -> v / 10));
        assertEquals(expected, java.util.Arrays.stream(sorted).boxed().toList());
        assertThrows(CanceledException.class, () -> OrdinalSort.sort(values.clone(), Integer::compare, CANCELED));
    }

    /** Retainers the pane lists: not the root's edges, not weak ones. */
    @Test
    void anObjectHeldOnlyByTheRootOrWeaklyHasNoRetainersToList() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W").element(0, "Weak")
                .node("W", 1).edge(EdgeType.WEAK, "w", "Weak").edge("held", "Held")
                .node("Weak", 1)
                .node("Held", 1);
        AnalyzedHeap heap = rows(g).heap();
        assertFalse(RetainerList.hasRetainers(heap, g.ordinal("W")));
        assertFalse(RetainerList.hasRetainers(heap, g.ordinal("Weak")));
        assertTrue(RetainerList.hasRetainers(heap, g.ordinal("Held")));
    }

    @Test
    void comparisonRowsSortByEveryColumnAndFilterByName() {
        ClassDiff a = new ClassDiff("Alpha", ",Alpha", 5, 1, 500, 10, new int[0], new int[0]);
        ClassDiff b = new ClassDiff("beta", ",beta", 2, 9, 700, 90, new int[0], new int[0]);
        ClassDiff c = new ClassDiff("Gamma", "1,2,3,Gamma", 2, 0, 100, 0, new int[0], new int[0]);
        List<ClassDiff> rows = List.of(a, b, c);
        Map<Sort, List<ClassDiff>> expected = Map.of(
                new Sort(SortColumn.NAME, false), List.of(a, c, b),
                new Sort(SortColumn.NEW_COUNT, true), List.of(a, c, b),
                new Sort(SortColumn.COUNT, false), List.of(c, b, a),
                new Sort(SortColumn.DELETED_COUNT, true), List.of(b, a, c),
                new Sort(SortColumn.COUNT_DELTA, false), List.of(b, c, a),
                new Sort(SortColumn.FREED_SIZE, false), List.of(c, a, b),
                new Sort(SortColumn.SIZE_DELTA, true), List.of(b, a, c),
                new Sort(SortColumn.ALLOC_SIZE, true), List.of(b, a, c));
        expected.forEach((sort, order) -> assertEquals(order, DiffRows.sorted(rows, sort), sort.toString()));
        assertEquals(List.of(b), DiffRows.filtered(rows, " BET "));
        assertEquals(rows, DiffRows.filtered(rows, ""));
        assertEquals(rows, DiffRows.filtered(rows, null));
        assertEquals(List.of(), DiffRows.filtered(rows, "delta"));
    }

    /*
     *   Two arrays side by side, A (one element, [0] -> X) and B (its first edge an element, [0] -> Y): the Fields
     *   pane lists A's element and stops at the end of A's edges, before B's.
     */
    @Test
    void anArraysElementRowsStopAtItsOwnLastEdge() {
        TestGraph g = new TestGraph().root().edge("a", "A").edge("b", "B")
                .node("A", NodeType.ARRAY, "", 16).element(0, "X")
                .node("B", NodeType.ARRAY, "", 16).element(0, "Y")
                .node("X", NodeType.OBJECT, "X", 8)
                .node("Y", NodeType.OBJECT, "Y", 8);
        List<FieldRow> elements = FieldRows.of(rows(g), g.ordinal("A"));
        assertEquals(1, elements.size(), elements.toString());
        assertEquals("[0]", elements.get(0).name());
        assertEquals(g.ordinal("X"), elements.get(0).target());
    }
}
