package heapscope.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.model.V8Statistics;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.model.RetainerPath;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.store.ByteColumn;
import heapscope.testing.TestGraph;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine's rules one at a time, on small graphs built by hand whose answers are worked out in the comments (the
 * rules are DevTools', ../shared/reference/v8-heapsnapshot-and-devtools.md): names, statistics, named filters, DOM
 * state, the Retainers view, Comparison and the class table.
 */
class HandBuiltGraphsTest {

    private static AnalyzedHeap analyze(TestGraph g) {
        return HeapAnalyzer.analyze(g.build(), ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    private static Map<String, ClassAggregate> summary(AnalyzedHeap heap, NodeFilter filter) {
        return ClassAggregator.aggregate(heap, filter).stream()
                .collect(Collectors.toMap(ClassAggregate::key, Function.identity()));
    }

    @Test
    void parseIntReadsLikeJavaScripts() {
        assertEquals(42, JsNumbers.parseInt("42"));
        assertEquals(42, JsNumbers.parseInt(" \t\u00a0\ufeff42abc"));
        assertEquals(7, JsNumbers.parseInt("+7"));
        assertEquals(-3, JsNumbers.parseInt("-3x"));
        assertEquals(1, JsNumbers.parseInt("1.9"));
        assertEquals(1234567890123.0, JsNumbers.parseInt("1234567890123"));
        assertTrue(Double.isNaN(JsNumbers.parseInt("")));
        assertTrue(Double.isNaN(JsNumbers.parseInt("-")));
        assertTrue(Double.isNaN(JsNumbers.parseInt("x1")));
        assertTrue(Double.isNaN(JsNumbers.parseInt("   ")));
    }

    @Test
    void jsonTextEscapesAsJsonStringifyDoes() {
        assertEquals("\"a\\\"b\\\\c\"", JsonText.quote("a\"b\\c"));
        assertEquals("\"\\b\\f\\n\\r\\t\"", JsonText.quote("\b\f\n\r\t"));
        assertEquals("\"\\u0001\\u001f x\"", JsonText.quote("\u0001\u001f x"));
        assertEquals("\"\ud83d\ude00\"", JsonText.quote("\ud83d\ude00"), "a pair stays");
        assertEquals("\"\\ud83d.\\ude00\"", JsonText.quote("\ud83d.\ude00"), "lone halves are escaped");
        assertEquals("\"\\ude00\\ud83d\"", JsonText.quote("\ude00\ud83d"), "halves in the wrong order are lone");
        assertEquals("\"\\uabcd\"".replace("abcd", "dbff"), JsonText.quote("\udbff"));
    }

    /** A cons string shows the text of its halves, depth first; a plain object a sketch of its property names. */
    @Test
    void nodeNamesAreDevToolsNames() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "Window")
                .node("Window", 1).edge("s", "Cons").edge("o", "Plain").edge("big", "Big").edge("e", "Empty")
                .node("Cons", NodeType.CONCATENATED_STRING, "(cons)", 16).edge(EdgeType.INTERNAL, "first", "Inner")
                .edge(EdgeType.INTERNAL, "second", "C")
                .node("Inner", NodeType.CONCATENATED_STRING, "(cons)", 16).edge(EdgeType.INTERNAL, "second", "B")
                .edge(EdgeType.INTERNAL, "first", "A")
                .node("A", NodeType.STRING, "ab", 8)
                .node("B", NodeType.STRING, "cd", 8)
                .node("C", NodeType.STRING, "ef", 8)
                .node("Plain", NodeType.OBJECT, "Object", 12).edge("x", "A").edge(EdgeType.INTERNAL, "map", "A")
                .edge("__proto__", "A").edge("my key", "A").edge("y", "A")
                .node("Empty", NodeType.OBJECT, "Object", 12).edge("__proto__", "A");
        g.node("Big", NodeType.OBJECT, "Object", 12);
        for (int i = 0; i < 40; i++) {
            g.edge("p" + i, "A");
        }
        HeapGraph graph = g.build();
        assertEquals("abcdef", NodeNames.nodeName(graph, g.ordinal("Cons")));
        assertEquals("{x, my key, y}".replace("my key", InterfaceDefinitions.formatPropertyName("my key")),
                NodeNames.nodeName(graph, g.ordinal("Plain")));
        assertEquals("{}", NodeNames.nodeName(graph, g.ordinal("Empty")));
        // Names alternately from the start and the end while the whole stays within 100 characters.
        assertEquals("{p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, \u2026, p29, p30, p31, p32, p33, p34, p35, p36, p37,"
                + " p38, p39}", NodeNames.nodeName(graph, g.ordinal("Big")));
        assertEquals("Window", NodeNames.nodeName(graph, g.ordinal("Window")));
    }

    @Test
    void aShortcutNamedByANumberShowsTheNumber() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "  17 ", "A").edge(EdgeType.SHORTCUT, "x1", "A")
                .edge(EdgeType.PROPERTY, "017", "A").node("A", 1);
        HeapGraph graph = g.build();
        assertEquals("17", NodeNames.edgeName(graph, 0));
        assertEquals("x1", NodeNames.edgeName(graph, 1));
        assertEquals("017", NodeNames.edgeName(graph, 2), "only shortcuts are parsed");
    }

    /**
     * Statistics: hidden nodes are system, native ones native (typed arrays when named JSArrayBufferData) plus the
     * extra native bytes, code, the three string types, and an Array with its elements store when the store has no
     * other retainer. The total is the root's retained size plus the extra native bytes.
     */
    @Test
    void statisticsSortShallowSizesIntoDevToolsCategories() {
        TestGraph g = new TestGraph().root().element(0, "gc").extraNativeBytes(1000)
                .node("gc", NodeType.SYNTHETIC, "(GC roots)", 0).element(0, "Sys").element(1, "Buf")
                .element(2, "Nat").element(3, "Code").element(4, "S1").element(5, "S2").element(6, "S3")
                .element(7, "Arr").element(8, "Arr2").element(9, "Other")
                .node("Sys", NodeType.HIDDEN, "system / X", 1)
                .node("Buf", NodeType.NATIVE, "system / JSArrayBufferData", 20)
                .node("Nat", NodeType.NATIVE, "Node / Y", 300)
                .node("Code", NodeType.CODE, "f", 4000)
                .node("S1", NodeType.STRING, "a", 50000)
                .node("S2", NodeType.CONCATENATED_STRING, "b", 600000)
                .node("S3", NodeType.SLICED_STRING, "c", 7000000)
                .node("Arr", NodeType.OBJECT, "Array", 80000000).edge(EdgeType.INTERNAL, "elements", "Store")
                .node("Store", NodeType.ARRAY, "(object elements)", 900000000)
                .node("Arr2", NodeType.OBJECT, "Array", 1L << 33).edge(EdgeType.INTERNAL, "elements", "Shared")
                .edge(EdgeType.INTERNAL, "other", "Shared")
                .node("Shared", NodeType.ARRAY, "(object elements)", 3)
                .node("Other", NodeType.OBJECT, "Other", 5);
        AnalyzedHeap heap = analyze(g);
        V8Statistics s = (V8Statistics) heap.statistics();
        assertEquals(1, s.system());
        assertEquals(1000 + 20 + 300, s.nativeTotal());
        assertEquals(20, s.typedArrays());
        assertEquals(4000, s.code());
        assertEquals(7650000, s.strings());
        assertEquals(80000000 + 900000000 + (1L << 33), s.jsArrays(), "a store with two retainers counts apart");
        long all = 1 + 20 + 300 + 4000 + 7650000 + 980000000 + (1L << 33) + 3 + 5;
        assertEquals(all, heap.retainedSizes().get(g.ordinal("root")));
        assertEquals(all + 1000, s.total());
        assertEquals(all + 1000, heap.totalSize());
    }

    /**
     * Duplicated strings: strings and cons strings whose text another has, except flat cons strings (one half
     * empty) and those of size 0; V8's cut strings (truncated) match only with the same length and hash.
     */
    @Test
    void duplicatedStringsAreTheStringsWhoseTextRepeats() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).edge("a", "A1").edge("b", "A2").edge("c", "Unique").edge("d", "Cons").edge("e", "Zero")
                .edge("f", "Flat").edge("g", "T1").edge("h", "T2").edge("i", "T3")
                .node("A1", NodeType.STRING, "hello", 16)
                .node("A2", NodeType.STRING, "hello", 16)
                .node("Unique", NodeType.STRING, "once", 16)
                .node("Cons", NodeType.CONCATENATED_STRING, "(cons)", 20).edge(EdgeType.INTERNAL, "first", "He")
                .edge(EdgeType.INTERNAL, "second", "Llo")
                .node("He", NodeType.STRING, "he", 12)
                .node("Llo", NodeType.STRING, "llo", 12)
                .node("Zero", NodeType.STRING, "once", 0)
                .node("Flat", NodeType.CONCATENATED_STRING, "(cons)", 20).edge(EdgeType.INTERNAL, "first", "Unique")
                .edge(EdgeType.INTERNAL, "second", "Nothing")
                .node("Nothing", NodeType.STRING, "", 0)
                .node("T1", NodeType.STRING, "long...", 2000).edge(EdgeType.INTERNAL, "truncated", "Yes")
                .edge(EdgeType.INTERNAL, "length", "L1").edge(EdgeType.INTERNAL, "hash", "H1")
                .node("T2", NodeType.STRING, "long...", 2000).edge(EdgeType.INTERNAL, "truncated", "Yes")
                .edge(EdgeType.INTERNAL, "length", "L1").edge(EdgeType.INTERNAL, "hash", "H1")
                .node("T3", NodeType.STRING, "long...", 2000).edge(EdgeType.INTERNAL, "truncated", "Yes")
                .edge(EdgeType.INTERNAL, "length", "L1").edge(EdgeType.INTERNAL, "hash", "H2")
                .node("Yes", NodeType.NUMBER, "bool", 0).edge(EdgeType.INTERNAL, "value", "True")
                .node("True", NodeType.STRING, "true", 0)
                .node("L1", NodeType.NUMBER, "int", 0).edge(EdgeType.INTERNAL, "value", "N5000")
                .node("N5000", NodeType.STRING, "5000", 0)
                .node("H1", NodeType.NUMBER, "int", 0).edge(EdgeType.INTERNAL, "value", "N1")
                .node("N1", NodeType.STRING, "1", 0)
                .node("H2", NodeType.NUMBER, "int", 0).edge(EdgeType.INTERNAL, "value", "N2")
                .node("N2", NodeType.STRING, "2", 0);
        AnalyzedHeap heap = analyze(g);
        BitSet dup = NamedFilters.duplicatedStrings(heap);
        BitSet expected = new BitSet();
        for (String label : List.of("A1", "A2", "Cons", "T1", "T2")) {
            expected.set(g.ordinal(label));
        }
        assertEquals(expected, dup, "hello x3 (one a cons string), the two cut strings of equal length and hash");
        Map<String, ClassAggregate> rows = summary(heap, new NodeFilter.DuplicatedStrings());
        assertEquals(4, rows.get(",(string)").count());
        assertEquals(1, rows.get(",(concatenated string)").count());
        assertEquals(2, rows.size());
    }

    /**
     * Detached DOM: native nodes the file marks detached pass the state on to the native nodes they reach (not over
     * weak or hidden edges), attached ones win; detached nodes are renamed "Detached ...". The named filter keeps
     * the detached nodes and what only they keep reachable.
     */
    @Test
    void detachedDomIsPropagatedRenamedAndFiltered() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).edge("doc", "Doc").edge("holder", "Holder")
                .node("Doc", NodeType.NATIVE, "HTMLDocument", 10).detachedness(1).edge(EdgeType.INTERNAL, "c", "Div")
                .node("Div", NodeType.NATIVE, "HTMLDivElement", 10).edge(EdgeType.INTERNAL, "c", "Shared")
                .node("Holder", 1).edge("tree", "Gone")
                .node("Gone", NodeType.NATIVE, "HTMLDivElement", 10).detachedness(2).edge(EdgeType.INTERNAL, "c", "P")
                .edge(EdgeType.INTERNAL, "c2", "Shared").edge(EdgeType.WEAK, "w", "Weakly").edge(EdgeType.INTERNAL, "js",
                        "Data")
                .edge(EdgeType.HIDDEN, "h", "Hidden")
                .node("P", NodeType.NATIVE, "HTMLParagraphElement", 10)
                .node("Shared", NodeType.NATIVE, "Text", 10)
                .node("Weakly", NodeType.NATIVE, "Text", 10)
                .node("Hidden", NodeType.NATIVE, "Text", 10)
                .node("Data", NodeType.OBJECT, "Data", 5).edge("text", "Str")
                .node("Str", NodeType.STRING, "s", 4);
        AnalyzedHeap heap = analyze(g);
        ByteColumn states = heap.domStates();
        assertEquals(DomState.ATTACHED, states.get(g.ordinal("Div")));
        assertEquals(DomState.ATTACHED, states.get(g.ordinal("Shared")), "attached wins");
        assertEquals(DomState.DETACHED, states.get(g.ordinal("P")));
        assertEquals(DomState.UNKNOWN, states.get(g.ordinal("Weakly")));
        assertEquals(DomState.UNKNOWN, states.get(g.ordinal("Hidden")));
        assertEquals(DomState.UNKNOWN, states.get(g.ordinal("Data")), "only native nodes have a DOM state");
        HeapGraph graph = heap.graph();
        assertEquals("Detached HTMLDivElement", graph.nodeName(g.ordinal("Gone")));
        assertEquals("Detached HTMLParagraphElement", graph.nodeName(g.ordinal("P")));
        assertEquals("HTMLDivElement", graph.nodeName(g.ordinal("Div")));
        assertEquals(graph.nodeNames().get(g.ordinal("Gone")), graph.nodeNames().get(g.ordinal("Gone")));

        BitSet retained = NamedFilters.retainedByDetachedDom(heap);
        BitSet expected = new BitSet();
        for (String label : List.of("Gone", "P", "Data", "Str", "Hidden")) {
            expected.set(g.ordinal(label));
        }
        assertEquals(expected, retained, "not Shared (the attached Div reaches it), not Weakly (no distance)");
    }

    @Test
    void withoutDetachednessInTheFileNativeNodesNamedDetachedAreDetached() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).edge("a", "D").edge("b", "N")
                .node("D", NodeType.NATIVE, "Detached HTMLDivElement", 10)
                .node("N", NodeType.NATIVE, "HTMLDivElement", 10)
                .node("O", NodeType.OBJECT, "Detached Thing", 10);
        ByteColumn states = analyze(g).domStates();
        assertEquals(DomState.DETACHED, states.get(g.ordinal("D")));
        assertEquals(DomState.UNKNOWN, states.get(g.ordinal("N")));
        assertEquals(DomState.UNKNOWN, states.get(g.ordinal("O")));
    }

    /*
     *   root -> W (user root) -> A -> B -> C, and W -> B; C -> A (a cycle); D is held only by itself (no path).
     */
    private static TestGraph chain() {
        return new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).edge("a", "A").edge("b2", "B").edge(EdgeType.WEAK, "weak", "C")
                .node("A", 2).edge("b", "B")
                .node("B", 3).edge("c", "C")
                .node("C", 4).edge("a", "A")
                .node("D", 5).edge("self", "D");
    }

    @Test
    void retainersAreSortedByDistanceThenNameAndSkipWeakAndRootEdges() {
        TestGraph g = chain();
        AnalyzedHeap heap = analyze(g);
        RetainerView view = new RetainerView(heap);
        List<RetainerEdge> ofB = view.retainers(g.ordinal("B"));
        assertEquals(List.of(g.ordinal("W"), g.ordinal("A")), ofB.stream().map(RetainerEdge::retainerNode).toList());
        assertEquals(List.of(1, 2), ofB.stream().map(RetainerEdge::sortDistance).toList());
        assertEquals(List.of(g.ordinal("B")), view.retainers(g.ordinal("C")).stream().map(RetainerEdge::retainerNode)
                .toList(), "the weak edge from W is no retainer");
        assertEquals(List.of(), view.retainers(g.ordinal("W")), "the root's edges are no retainers");

        RetainerPath toC = view.shortestPath(g.ordinal("C"));
        assertEquals(List.of(g.ordinal("B"), g.ordinal("W")), toC.steps().stream().map(RetainerEdge::retainerNode)
                .toList());
        assertEquals(RetainerPath.Stop.REACHED_ROOT, toC.stop());
        assertEquals(g.ordinal("C"), toC.node());
        assertEquals(RetainerPath.Stop.NO_RETAINERS, view.shortestPath(g.ordinal("W")).stop());
        RetainerPath d = view.shortestPath(g.ordinal("D"));
        assertEquals(RetainerPath.Stop.CYCLE, d.stop(), "D holds itself and nothing else holds it");
    }

    @Test
    void ignoringARetainerRanksWithoutItUntilRestored() {
        TestGraph g = chain();
        AnalyzedHeap heap = analyze(g);
        RetainerView view = new RetainerView(heap);
        assertEquals(0, view.ignoredCount());
        view.ignore(g.ordinal("A"), CancelSignal.NEVER);
        assertEquals(1, view.ignoredCount());
        // A is never entered now: it sorts at 2e8 plus its original distance; B and C are still reached through W.
        assertEquals(Distances.BASE_UNREACHABLE_DISTANCE + 2, view.distance(g.ordinal("A")));
        assertEquals(2, view.distance(g.ordinal("B")));
        List<RetainerEdge> ofB = view.retainers(g.ordinal("B"));
        assertEquals(List.of(g.ordinal("W"), g.ordinal("A")), ofB.stream().map(RetainerEdge::retainerNode).toList());
        assertEquals(List.of(false, true), ofB.stream().map(RetainerEdge::retainerIgnored).toList());
        assertEquals(RetainerPath.Stop.REACHED_ROOT, view.shortestPath(g.ordinal("C")).stop());

        // Ignoring B too leaves C with one retainer that reaches no root.
        view.ignore(g.ordinal("B"), CancelSignal.NEVER);
        assertEquals(2, view.ignoredCount());
        assertEquals(RetainerPath.Stop.UNREACHABLE, view.shortestPath(g.ordinal("C")).stop());
        assertEquals(Distances.BASE_UNREACHABLE_DISTANCE + 2, view.retainers(g.ordinal("C")).get(0).sortDistance());
        view.unignore(g.ordinal("B"), CancelSignal.NEVER);
        assertEquals(RetainerPath.Stop.REACHED_ROOT, view.shortestPath(g.ordinal("C")).stop());
        assertEquals(1, view.ignoredCount());
        view.unignore(g.ordinal("A"), CancelSignal.NEVER);
        assertEquals(0, view.ignoredCount());
        assertEquals(2, view.distance(g.ordinal("A")));
        view.ignore(g.ordinal("A"), CancelSignal.NEVER);
        view.unignoreAll();
        assertEquals(0, view.ignoredCount());
        assertEquals(2, view.distance(g.ordinal("A")));
        assertEquals(List.of(false, false), view.retainers(g.ordinal("B")).stream().map(RetainerEdge::retainerIgnored)
                .toList());
    }

    @Test
    void aLongChainStopsAtTwentySteps() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "N0");
        for (int i = 0; i < 30; i++) {
            g.node("N" + i, 1).edge("next", "N" + (i + 1));
        }
        g.node("N30", 1);
        AnalyzedHeap heap = analyze(g);
        RetainerPath path = new RetainerView(heap).shortestPath(g.ordinal("N30"));
        assertEquals(RetainerView.MAX_PATH_LENGTH, path.steps().size());
        assertEquals(RetainerPath.Stop.MAX_LENGTH, path.stop());
        RetainerPath nineteen = new RetainerView(heap).shortestPath(g.ordinal("N19"));
        assertEquals(19, nineteen.steps().size());
        assertEquals(RetainerPath.Stop.REACHED_ROOT, nineteen.stop());
        assertEquals(List.of(1, 1, 1), nineteen.choices().subList(0, 3), "one retainer to choose from at each step");
    }

    /**
     * Comparison: per class key, ids only in the base are deleted, ids only in the target are new, with their shallow
     * sizes; classes with neither are left out; largest allocated size first.
     */
    @Test
    void comparisonMatchesObjectsById() {
        TestGraph base = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).id(3).edge("a", "A1").edge("b", "A2").edge("c", "B1").edge("d", "K")
                .node("A1", NodeType.OBJECT, "Item", 10).id(11)
                .node("A2", NodeType.OBJECT, "Item", 20).id(13)
                .node("B1", NodeType.OBJECT, "Gone", 7).id(15)
                .node("K", NodeType.OBJECT, "Kept", 9).id(17);
        TestGraph target = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).id(3).edge("a", "A1").edge("b", "A3").edge("c", "A4").edge("d", "K").edge("e", "N")
                .node("A1", NodeType.OBJECT, "Item", 10).id(11)
                .node("A3", NodeType.OBJECT, "Item", 30).id(19)
                .node("A4", NodeType.OBJECT, "Item", 40).id(21)
                .node("K", NodeType.OBJECT, "Kept", 9).id(17)
                .node("N", NodeType.OBJECT, "New", 1000).id(23);
        List<ClassDiff> diffs = SnapshotComparer.compare(analyze(base), analyze(target), CancelSignal.NEVER);
        assertEquals(List.of(",New", ",Item", ",Gone"), diffs.stream().map(ClassDiff::key).toList());
        ClassDiff item = diffs.get(1);
        assertEquals("Item", item.name());
        assertEquals(2, item.newCount());
        assertEquals(1, item.deletedCount());
        assertEquals(70, item.allocSize());
        assertEquals(20, item.freedSize());
        assertEquals(1, item.countDelta());
        assertEquals(50, item.sizeDelta());
        ClassDiff gone = diffs.get(2);
        assertEquals("Gone", gone.name());
        assertEquals(0, gone.newCount());
        assertEquals(1, gone.deletedCount());
        assertEquals(-7, gone.sizeDelta());
        assertEquals(-1, gone.countDelta());
        assertThrows(IllegalArgumentException.class, () -> SnapshotComparer.compare(
                HeapAnalyzer.analyze(base.build(HeapFormat.HPROF), ProgressListener.NO_OP, CancelSignal.NEVER),
                analyze(target), CancelSignal.NEVER));
    }

    /** DevTools' Summary lists classes by retained size, largest first; equal sizes by name. */
    @Test
    void summaryRowsComeLargestRetainedFirstThenByName() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).edge("b", "B").edge("c", "C").edge("a", "A").edge("d", "D")
                .node("B", 10).node("C", 30).node("A", 30).node("D", 5);
        List<ClassAggregate> rows = ClassAggregator.aggregate(analyze(g), NodeFilter.ALL);
        assertEquals(List.of("W", "A", "C", "B", "D"), rows.stream().map(ClassAggregate::name).toList());
        assertEquals(List.of(76L, 30L, 30L, 10L, 5L), rows.stream().map(ClassAggregate::retainedSize).toList());
    }

    /** Objects with a source location are classes by location and name: two Foo constructors are two rows. */
    @Test
    void classesWithALocationAreKeyedByIt() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).edge("a", "F1").edge("b", "F2").edge("c", "F3").edge("d", "S")
                .node("F1", NodeType.OBJECT, "Foo", 10).location(7, 3, 1)
                .node("F2", NodeType.OBJECT, "Foo", 20).location(7, 3, 1)
                .node("F3", NodeType.OBJECT, "Foo", 40).location(9, 1, 5)
                .node("S", NodeType.STRING, "Foo", 8).location(7, 3, 1);
        Map<String, ClassAggregate> rows = summary(analyze(g), NodeFilter.ALL);
        assertEquals(30, rows.get("7,3,1,Foo").shallowSize());
        assertEquals(2, rows.get("7,3,1,Foo").count());
        assertEquals(40, rows.get("9,1,5,Foo").shallowSize());
        assertEquals(8, rows.get(",(string)").shallowSize(), "only objects are keyed by location");
        assertEquals("Foo", rows.get("9,1,5,Foo").name());
    }

    /** HPROF: objects no GC root reaches are kept apart, counted only when asked, and retain nothing. */
    @Test
    void unreachableHprofObjectsAreKeptApart() {
        TestGraph g = new TestGraph().root().element(0, "R")
                .node("R", NodeType.OBJECT, "Rooted", 10).edge("x", "Child")
                .node("Child", NodeType.OBJECT, "Thing", 5)
                .node("G1", NodeType.OBJECT, "Thing", 7).edge("y", "G2")
                .node("G2", NodeType.OBJECT, "Other", 3);
        AnalyzedHeap heap = HeapAnalyzer.analyze(g.build(HeapFormat.HPROF), ProgressListener.NO_OP,
                CancelSignal.NEVER);
        BitSet uncounted = new BitSet();
        uncounted.set(g.ordinal("G1"));
        uncounted.set(g.ordinal("G2"));
        assertEquals(uncounted, heap.uncountedNodes());
        assertEquals(15, heap.totalSize());
        assertEquals(0, heap.retainedSizes().get(g.ordinal("G1")));
        Map<String, ClassAggregate> reachable = summary(heap, NodeFilter.ALL);
        assertEquals(1, reachable.get(",Thing").count());
        assertNull(reachable.get(",Other"));
        Map<String, ClassAggregate> all = summary(heap, new NodeFilter.AllIncludingUnreachable());
        assertEquals(2, all.get(",Thing").count());
        assertEquals(12, all.get(",Thing").shallowSize());
        assertEquals(5, all.get(",Thing").retainedSize(), "garbage retains nothing");
        Map<String, ClassAggregate> garbage = summary(heap, new NodeFilter.Unreachable());
        assertEquals(Map.of(",Thing", 1L, ",Other", 1L), garbage.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().count())));
        assertEquals(Distances.NO_DISTANCE, garbage.get(",Other").distance());
        assertNull(analyze(new TestGraph().root().node("A", 1)).uncountedNodes(), "V8 counts every node");
    }
}
