package heapscope.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.ProblemSuspect;
import heapscope.parser.model.RetainerPath;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.Fixtures;
import heapscope.testing.JavaDumps;
import heapscope.testing.TestGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MAT's leak-suspect rules on a hand-built heap with known sizes, and on a real dump of a program that leaks. */
class ProblemSuspectsTest {
    /**
     * <pre>
     * root → (GC roots) → Holder 8 → map: Map 48 → table: Entry[] 416 → [i]: Entry 32 → value: Value 100   (×50)
     *                   → Widget 120 (×20, each held by the GC roots alone)
     *                   → Other 10
     * </pre>
     * Total 9,482 bytes, so a suspect retains at least 948. Holder retains 7,072 (one object); the Widgets 2,400
     * together (a class); the walk from Holder stops at the table, under which 50 entries of 132 bytes fan out.
     */
    private static AnalyzedHeap handBuilt() {
        TestGraph g = new TestGraph().root().element(0, "roots");
        g.node("roots", NodeType.SYNTHETIC, "(GC roots)", 0).element(0, "holder").element(1, "other");
        for (int w = 0; w < 20; w++) {
            g.edgeFrom("roots", EdgeType.ELEMENT, null, "widget" + w);
        }
        g.node("holder", NodeType.OBJECT, "Holder", 8).edge("map", "map");
        g.node("map", NodeType.OBJECT, "Map", 48).edge("table", "table");
        g.node("table", NodeType.OBJECT, "Entry[]", 16 + 8 * 50);
        for (int i = 0; i < 50; i++) {
            g.edgeFrom("table", EdgeType.ELEMENT, null, "entry" + i);
        }
        for (int i = 0; i < 50; i++) {
            g.node("entry" + i, NodeType.OBJECT, "Entry", 32).edge("value", "value" + i);
            g.node("value" + i, NodeType.OBJECT, "Value", 100);
        }
        for (int w = 0; w < 20; w++) {
            g.node("widget" + w, NodeType.OBJECT, "Widget", 120);
        }
        g.node("other", NodeType.OBJECT, "Other", 10);
        return analyze(g);
    }

    /** An object of {@code className} that the GC roots hold directly. */
    private static void heldByTheRoots(TestGraph g, String label, String className, long size) {
        g.edgeFrom("roots", EdgeType.ELEMENT, null, label);
        g.node(label, NodeType.OBJECT, className, size);
    }

    /** Filler0 to Filler9, {@code size} bytes each, held by the roots: the rest of the heap, so shares are known. */
    private static void tenFillers(TestGraph g, long size) {
        for (int f = 0; f < 10; f++) {
            heldByTheRoots(g, "filler" + f, "Filler" + f, size);
        }
    }

    private static AnalyzedHeap analyze(TestGraph g) {
        return HeapAnalyzer.analyze(g.build(HeapFormat.HPROF), ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    @Test
    void anObjectAndAClassThatRetainATenthOfTheHeapAreTheSuspects() {
        AnalyzedHeap heap = handBuilt();
        assertEquals(9482, heap.totalSize());
        List<ProblemSuspect> suspects = ProblemSuspects.find(heap, CancelSignal.NEVER);
        assertEquals(2, suspects.size(), suspects.toString());

        ProblemSuspect holder = suspects.get(0);
        assertEquals(ProblemSuspect.Kind.OBJECT, holder.kind());
        assertEquals("Holder", holder.name());
        assertEquals(7072, holder.retainedSize());
        assertEquals("Entry[]", heap.graph().nodeName(holder.accumulationPoint()));
        assertEquals("Holder.map \u2192 Map.table", holder.accumulationVia());
        assertEquals(List.of(new ProblemSuspect.ClassShare("Entry", 50, 50 * 132)), holder.accumulated());
        assertEquals("(GC roots)", holder.heldBy());
        assertEquals(RetainerPath.Stop.REACHED_ROOT, holder.path().stop());
        assertEquals("(GC roots)", heap.graph().nodeName(holder.path().steps().get(0).retainerNode()));

        ProblemSuspect widgets = suspects.get(1);
        assertEquals(ProblemSuspect.Kind.CLASS, widgets.kind());
        assertEquals("Widget", widgets.name());
        assertEquals(20, widgets.instances());
        assertEquals(2400, widgets.retainedSize());
        assertEquals(-1, widgets.accumulationPoint());
    }

    @Test
    void nothingIsSuspectWhenNoObjectHoldsATenthOfTheHeap() {
        TestGraph g = new TestGraph().root().element(0, "roots");
        g.node("roots", NodeType.SYNTHETIC, "(GC roots)", 0);
        for (int i = 0; i < 20; i++) {
            heldByTheRoots(g, "o" + i, "Kind" + i, 100);
        }
        AnalyzedHeap heap = analyze(g);
        assertEquals(List.of(), ProblemSuspects.find(heap, CancelSignal.NEVER));
    }

    /**
     * A heap of exactly 10,000 bytes, so that a suspect retains at least 1,000, built so that every rule's edge
     * shows in what the user reads:
     * <pre>
     * (GC roots) → AppState 10 → items: java.util.ArrayList 40 → elementData: Big 100 → payload: Payload 2400
     *            → Other 10 → mid: Mid 10 → list: java.util.ArrayList 40 → elementData: Big (a second, longer way)
     *            → Exact 1000                              (one object, exactly a tenth)
     *            → Widget 500, 900, 700, 600               (a class: 2,700 together, more than Big)
     *            → Gadget 400, 600                         (a class: exactly a tenth together)
     *            → Filler0..9 269 each                     (ten classes below the threshold)
     * </pre>
     * Big has two holders, so only the roots dominate it; its shortest path passes a runtime list first, and MAT
     * names the first holder outside the runtime's packages.
     */
    private static AnalyzedHeap everyRuleAtItsEdge() {
        TestGraph g = new TestGraph().root().element(0, "roots");
        g.node("roots", NodeType.SYNTHETIC, "(GC roots)", 0).element(0, "appState").element(1, "other")
                .element(2, "exact");
        g.node("appState", NodeType.OBJECT, "AppState", 10).edge("items", "list1");
        g.node("list1", NodeType.OBJECT, "java.util.ArrayList", 40).edge("elementData", "big");
        g.node("other", NodeType.OBJECT, "Other", 10).edge("mid", "mid");
        g.node("mid", NodeType.OBJECT, "Mid", 10).edge("list", "list2");
        g.node("list2", NodeType.OBJECT, "java.util.ArrayList", 40).edge("elementData", "big");
        g.node("big", NodeType.OBJECT, "Big", 100).edge("payload", "payload");
        g.node("payload", NodeType.OBJECT, "Payload", 2400);
        g.node("exact", NodeType.OBJECT, "Exact", 1000);
        int[] widgets = {500, 900, 700, 600};
        for (int w = 0; w < widgets.length; w++) {
            heldByTheRoots(g, "widget" + w, "Widget", widgets[w]);
        }
        int[] gadgets = {400, 600};
        for (int i = 0; i < gadgets.length; i++) {
            heldByTheRoots(g, "gadget" + i, "Gadget", gadgets[i]);
        }
        tenFillers(g, 269);
        return analyze(g);
    }

    @Test
    void suspectsAreListedLargestFirstWhateverTheirKindAndExactlyATenthIsEnough() {
        AnalyzedHeap heap = everyRuleAtItsEdge();
        assertEquals(10_000, heap.totalSize());
        List<ProblemSuspect> suspects = ProblemSuspects.find(heap, CancelSignal.NEVER);
        assertEquals(List.of("Widget 2700", "Big 2500", "Exact 1000", "Gadget 1000"),
                suspects.stream().map(s -> s.name() + " " + s.retainedSize()).toList());

        ProblemSuspect widgets = suspects.get(0);
        assertEquals(ProblemSuspect.Kind.CLASS, widgets.kind());
        assertEquals(4, widgets.instances());
        assertEquals(900, heap.retainedSizes().get(widgets.node()), "the class is shown by its largest object");

        ProblemSuspect big = suspects.get(1);
        assertEquals(ProblemSuspect.Kind.OBJECT, big.kind());
        assertEquals("AppState.items", big.heldBy(), "the first holder outside java.*, past the runtime's list");
        assertEquals("Payload", heap.graph().nodeName(big.accumulationPoint()));

        assertEquals("(GC roots)", suspects.get(2).heldBy());
        assertEquals(ProblemSuspect.Kind.CLASS, suspects.get(3).kind());
        assertEquals(2, suspects.get(3).instances());
    }

    @Test
    void theWalkGoesOnWhileTheLargestChildKeepsExactlySevenTenths() {
        TestGraph g = new TestGraph().root().element(0, "roots");
        g.node("roots", NodeType.SYNTHETIC, "(GC roots)", 0).element(0, "holder");
        g.node("holder", NodeType.OBJECT, "Holder", 30).edge("child", "child");
        g.node("child", NodeType.OBJECT, "Child", 70);
        tenFillers(g, 90);
        AnalyzedHeap heap = analyze(g);
        List<ProblemSuspect> suspects = ProblemSuspects.find(heap, CancelSignal.NEVER);
        assertEquals(List.of("Holder"), suspects.stream().map(ProblemSuspect::name).toList());
        assertEquals("Child", heap.graph().nodeName(suspects.get(0).accumulationPoint()));
        assertEquals("Holder.child", suspects.get(0).accumulationVia());
    }

    /**
     * Two Widgets of 600 bytes make a class suspect (1,200 of 10,000); neither is larger, so the first in the dump
     * shows the class, with its holder:
     * <pre>
     * (GC roots) → Left 10 (×2) → w: Widget 600      (the first Widget, held by both Lefts)
     *            → Right 10 (×2) → w: Widget 600     (the second, held by both Rights)
     *            → Filler0..9 876 each               (ten classes below the threshold)
     * </pre>
     */
    @Test
    void ofTwoEquallyLargeObjectsTheFirstInTheDumpShowsTheirClass() {
        TestGraph g = new TestGraph().root().element(0, "roots");
        g.node("roots", NodeType.SYNTHETIC, "(GC roots)", 0);
        for (String side : List.of("Left", "Right")) {
            for (int i = 0; i < 2; i++) {
                heldByTheRoots(g, side + i, side, 10);
                g.edge("w", "widget" + side);
            }
        }
        g.node("widgetLeft", NodeType.OBJECT, "Widget", 600);
        g.node("widgetRight", NodeType.OBJECT, "Widget", 600);
        tenFillers(g, 876);
        AnalyzedHeap heap = analyze(g);
        assertEquals(10_000, heap.totalSize());
        List<ProblemSuspect> suspects = ProblemSuspects.find(heap, CancelSignal.NEVER);
        assertEquals(List.of("Widget 1200"), suspects.stream().map(s -> s.name() + " " + s.retainedSize()).toList());
        ProblemSuspect widgets = suspects.get(0);
        assertEquals(ProblemSuspect.Kind.CLASS, widgets.kind());
        assertEquals(g.ordinal("widgetLeft"), widgets.node(), "the first of the two");
        assertEquals("Left.w", widgets.heldBy());
        assertEquals("Left", heap.graph().nodeName(widgets.path().steps().get(0).retainerNode()), "and its path");
    }

    /**
     * An object that retains nothing is not counted among its class's objects (as the Summary counts no node of size
     * 0): two Gadgets of 600 and one of 0 make a suspect of two Gadgets, 1,200 of 10,000 bytes.
     */
    @Test
    void anObjectThatRetainsNothingIsNotCountedInItsClass() {
        TestGraph g = new TestGraph().root().element(0, "roots");
        g.node("roots", NodeType.SYNTHETIC, "(GC roots)", 0);
        heldByTheRoots(g, "empty", "Gadget", 0);
        heldByTheRoots(g, "gadget0", "Gadget", 600);
        heldByTheRoots(g, "gadget1", "Gadget", 600);
        tenFillers(g, 880);
        AnalyzedHeap heap = analyze(g);
        assertEquals(10_000, heap.totalSize());
        List<ProblemSuspect> suspects = ProblemSuspects.find(heap, CancelSignal.NEVER);
        assertEquals(List.of("Gadget 2 1200"), suspects.stream()
                .map(s -> s.name() + " " + s.instances() + " " + s.retainedSize()).toList());
    }

    /**
     * The walk follows the dominator tree, which can link two objects that no reference joins: Holder dominates Store
     * through A and B. That hop names no step (and no reference of the object after Holder, A.to, is taken for one).
     * <pre>
     * (GC roots) → Holder 10 → a: A 5 → to: Store 100
     *                        → b: B 5 → to: Store
     *            → Filler0..9 100 each
     * </pre>
     */
    @Test
    void aHopOfTheWalkThatNoReferenceMakesNamesNoStep() {
        TestGraph g = new TestGraph().root().element(0, "roots");
        g.node("roots", NodeType.SYNTHETIC, "(GC roots)", 0);
        heldByTheRoots(g, "holder", "Holder", 10);
        g.edge("a", "a").edge("b", "b");
        g.node("a", NodeType.OBJECT, "A", 5).edge("to", "store");
        g.node("b", NodeType.OBJECT, "B", 5).edge("to", "store");
        g.node("store", NodeType.OBJECT, "Store", 100);
        tenFillers(g, 100);
        AnalyzedHeap heap = analyze(g);
        List<ProblemSuspect> suspects = ProblemSuspects.find(heap, CancelSignal.NEVER);
        assertEquals(List.of("Holder 120"), suspects.stream().map(s -> s.name() + " " + s.retainedSize()).toList());
        assertEquals(g.ordinal("store"), suspects.get(0).accumulationPoint(), "100 of 120 is more than 7 tenths");
        assertEquals("", suspects.get(0).accumulationVia());
    }

    /**
     * A class object that is a suspect is described by its class loader, as MAT does; one that has none was loaded by
     * the bootstrap loader, whatever the next class object's loader is.
     * <pre>
     * (GC roots) → class java.lang.System 10 → props: java.util.Properties 2000
     *            → class App 10 → &lt;classloader&gt;: AppLoader 100
     *                           → cache: Cache 2000
     *            → Filler0..9 700 each
     * </pre>
     */
    @Test
    void aClassIsHeldByItsClassLoaderOrByTheBootstrapLoader() {
        TestGraph g = new TestGraph().root().element(0, "roots");
        g.node("roots", NodeType.SYNTHETIC, "(GC roots)", 0);
        heldByTheRoots(g, "system", "java.lang.Class", 10);
        g.label("class java.lang.System").edge("props", "props");
        heldByTheRoots(g, "app", "java.lang.Class", 10);
        g.label("class App").edge("<classloader>", "loader").edge("cache", "cache");
        g.node("loader", NodeType.OBJECT, "AppLoader", 100);
        g.node("props", NodeType.OBJECT, "java.util.Properties", 2000);
        g.node("cache", NodeType.OBJECT, "Cache", 2000);
        tenFillers(g, 700);
        AnalyzedHeap heap = analyze(g);
        List<ProblemSuspect> suspects = ProblemSuspects.find(heap, CancelSignal.NEVER);
        assertEquals(List.of("class App 2110 loaded by AppLoader",
                "class java.lang.System 2010 loaded by the bootstrap class loader"), suspects.stream()
                        .map(s -> s.name() + " " + s.retainedSize() + " " + s.heldBy()).toList());
    }

    /**
     * A suspect whose path is cut at its 20 steps before any holder outside the runtime is held by the last holder
     * the path names: Big is held through two lists of 25 links each, so the roots dominate it.
     * <pre>
     * (GC roots) → java.util.LinkedList$Node 1 → next: ... (25 links) → item: Big 2000
     *            → java.util.LinkedList$Node 1 → next: ... (25 links) → item: Big
     *            → Filler0..9 700 each
     * </pre>
     */
    @Test
    void aPathCutBeforeAnyHolderOutsideTheRuntimeEndsInItsLastHolder() {
        TestGraph g = new TestGraph().root().element(0, "roots");
        g.node("roots", NodeType.SYNTHETIC, "(GC roots)", 0);
        for (String list : List.of("a", "b")) {
            for (int i = 0; i < 25; i++) {
                if (i == 0) {
                    heldByTheRoots(g, list + i, "java.util.LinkedList$Node", 1);
                } else {
                    g.node(list + i, NodeType.OBJECT, "java.util.LinkedList$Node", 1);
                }
                g.edge(i + 1 < 25 ? "next" : "item", i + 1 < 25 ? list + (i + 1) : "big");
            }
        }
        g.node("big", NodeType.OBJECT, "Big", 2000);
        tenFillers(g, 700);
        AnalyzedHeap heap = analyze(g);
        List<ProblemSuspect> suspects = ProblemSuspects.find(heap, CancelSignal.NEVER);
        assertEquals(List.of("Big 2000"), suspects.stream().map(s -> s.name() + " " + s.retainedSize()).toList());
        assertEquals(RetainerPath.Stop.MAX_LENGTH, suspects.get(0).path().stop());
        assertEquals("java.util.LinkedList$Node.next", suspects.get(0).heldBy());
    }

    @Test
    void aHeapOfUnderTenBytesHasNoSuspectThoughATenthOfItRoundsToNothing() {
        TestGraph g = new TestGraph().root().element(0, "roots");
        g.node("roots", NodeType.SYNTHETIC, "(GC roots)", 0).element(0, "a").element(1, "b");
        g.node("a", NodeType.OBJECT, "A", 4);
        g.node("b", NodeType.OBJECT, "A", 5);
        AnalyzedHeap heap = analyze(g);
        assertEquals(9, heap.totalSize());
        assertEquals(List.of(), ProblemSuspects.find(heap, CancelSignal.NEVER));
    }

    @Test
    void theStaticMapOfARealProgramIsTheSuspectAndItsTableTheAccumulationPoint() {
        AnalyzedHeap heap = Fixtures.load(JavaDumps.growingStaticMap().get(2));
        ProblemSuspect first = ProblemSuspects.find(heap, CancelSignal.NEVER).get(0);
        assertEquals("class GrowingStaticMap", first.name());
        assertTrue(first.retainedSize() > heap.totalSize() / 2, first.retainedSize() + " of " + heap.totalSize());
        assertEquals("GrowingStaticMap.SESSIONS \u2192 java.util.HashMap.table", first.accumulationVia());
        assertEquals("java.util.HashMap$Node[]", heap.graph().nodeName(first.accumulationPoint()));
        assertEquals("loaded by jdk.internal.loader.ClassLoaders$AppClassLoader", first.heldBy());
        ProblemSuspect.ClassShare nodes = first.accumulated().get(0);
        assertEquals("java.util.HashMap$Node", nodes.className());
        // 9,000 sessions in three rounds; the entries that share a bucket hang under the first one.
        assertTrue(nodes.count() > 3 * JavaDumps.SESSIONS_PER_ROUND / 2 && nodes.count() <= 9000, nodes.toString());
        assertEquals(RetainerPath.Stop.REACHED_ROOT, first.path().stop());
    }
}
