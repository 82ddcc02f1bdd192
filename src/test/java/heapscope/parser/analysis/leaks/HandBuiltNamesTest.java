package heapscope.parser.analysis.leaks;

import static heapscope.parser.analysis.leaks.HandBuiltSeriesTest.ITEM_SIZE;
import static heapscope.parser.analysis.leaks.HandBuiltSeriesTest.container;
import static heapscope.parser.analysis.leaks.HandBuiltSeriesTest.report;
import static heapscope.parser.analysis.leaks.HandBuiltSeriesTest.window;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.TestGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leak report's names, ranking and limits on series of V8 heaps built by hand (see {@link HandBuiltSeriesTest}):
 * a closure variable by the functions that share it, an emitter's listeners by emitter and event, containers alike
 * as one entry, a path through a chain written once with its count, growth inside V8's own objects apart from the
 * leaks, the order of entries, and the least growth reported. Every expected name is written out from the graph.
 */
class HandBuiltNamesTest {
    /** {@code perBatch} items of {@code size} bytes per batch {@code from..to}, held by {@code holder} as elements. */
    private static void items(TestGraph g, String holder, String prefix, int from, int to, int perBatch, long size,
            long idBase) {
        for (int b = from; b <= to; b++) {
            for (int j = 0; j < perBatch; j++) {
                g.edgeFrom(holder, EdgeType.ELEMENT, null, prefix + b + "-" + j);
            }
        }
        for (int b = from; b <= to; b++) {
            for (int j = 0; j < perBatch; j++) {
                g.node(prefix + b + "-" + j, NodeType.OBJECT, "Item", size).id(idBase + 2L * (b * 10_000 + j));
            }
        }
    }

    /**
     * Five closures at W.f1..f5 share one context whose variable {@code samples} holds an array that gains 100 items a
     * snapshot: the functions tick, flush, tick again (a second closure of one function), an anonymous one and
     * drain. The variable names the entry; the path names the first two functions the context's retainers list (V8
     * lists the last edge first) and counts the other two: tick once, though two closures of it share the context.
     */
    @Test
    void aClosureVariableIsNamedWithTheFunctionsThatShareIt() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            String[] functions = {"tick", "flush", "tick", "", "drain"};
            for (int f = 0; f < functions.length; f++) {
                g.edgeFrom("W", EdgeType.PROPERTY, "f" + f, "fn" + f);
                g.node("fn" + f, NodeType.CLOSURE, functions[f], 32).id(101 + 2 * f);
                g.edge(EdgeType.INTERNAL, "context", "Ctx");
            }
            g.node("Ctx", NodeType.OBJECT, "system / Context", 40).id(121).edge(EdgeType.CONTEXT, "samples", "Samples");
            g.node("Samples", NodeType.OBJECT, "Array", 32).id(123);
            items(g, "Samples", "s", 1, k, 100, ITEM_SIZE, 1_001);
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect samples = report.suspects().get(0);
        assertEquals("samples (closure variable)", samples.name());
        assertEquals("samples (a variable of drain(), (anonymous)() and 2 more) \u2192 Array", samples.path());
        assertEquals("Array", samples.containerClass());
        assertArrayEquals(new long[] {10_032, 20_032, 30_032}, samples.retainedSizes());
        assertEquals(List.of(), report.runtimeGrowth());
    }

    /**
     * A Node EventEmitter at W.tracker ({@code RequestTracker}) whose {@code _events.request} array gains 100 listeners
     * a snapshot: the entry is named by the emitter and the event.
     */
    @Test
    void anEmittersListenersAreNamedByEmitterAndEvent() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.PROPERTY, "tracker", "Tracker");
            g.node("Tracker", NodeType.OBJECT, "RequestTracker", 40).id(101).edge("_events", "Events");
            g.node("Events", NodeType.OBJECT, "Object", 40).id(103).edge("request", "Listeners");
            g.node("Listeners", NodeType.OBJECT, "Array", 32).id(105);
            items(g, "Listeners", "l", 1, k, 100, ITEM_SIZE, 1_001);
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect listeners = report.suspects().get(0);
        assertEquals("RequestTracker 'request' listeners", listeners.name());
        assertEquals("globalThis.tracker \u2192 RequestTracker._events \u2192 Object.request \u2192 Array",
                listeners.path());
    }

    /**
     * Two closures of one function {@code handler}, each with its own context whose {@code queue} gains 60 items a
     * snapshot: containers of one class reached the same way are one entry, counted and summed.
     */
    @Test
    void containersAlikeAreOneEntry() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            for (int h = 0; h < 2; h++) {
                g.edgeFrom("W", EdgeType.PROPERTY, "h" + h, "fn" + h);
                g.node("fn" + h, NodeType.CLOSURE, "handler", 32).id(101 + 10 * h);
                g.edge(EdgeType.INTERNAL, "context", "Ctx" + h);
                g.node("Ctx" + h, NodeType.OBJECT, "system / Context", 40).id(103 + 10 * h)
                        .edge(EdgeType.CONTEXT, "queue", "Queue" + h);
                g.node("Queue" + h, NodeType.OBJECT, "Array", 32).id(105 + 10 * h);
            }
            items(g, "Queue0", "a", 1, k, 60, ITEM_SIZE, 1_001);
            items(g, "Queue1", "b", 1, k, 60, ITEM_SIZE, 5_001);
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect queues = report.suspects().get(0);
        assertEquals("queue (closure variable) (2 alike)", queues.name());
        assertEquals("queue (a variable of handler()) \u2192 Array", queues.path());
        assertEquals(2, queues.instances());
        assertEquals(2, queues.containerNodes().length);
        assertArrayEquals(new long[] {2 * 6_032, 2 * 12_032, 2 * 18_032}, queues.retainedSizes());
        assertEquals(24_000, queues.growth());
        assertArrayEquals(new long[] {120, 240, 360}, queues.held().get(0).countBySnapshot());
    }

    /**
     * A store at the end of a chain of three links (W.head → Link → Link → Link → store): the walk goes down the chain
     * to the store, and the path writes the repeated step once with its count.
     */
    @Test
    void aChainOnThePathIsWrittenOnceWithItsCount() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.PROPERTY, "head", "L1");
            g.node("L1", NodeType.OBJECT, "Link", 24).id(101).edge("next", "L2");
            g.node("L2", NodeType.OBJECT, "Link", 24).id(103).edge("next", "L3");
            g.node("L3", NodeType.OBJECT, "Link", 24).id(105).edge("next", "Store");
            g.node("Store", NodeType.OBJECT, "Store", 32).id(107);
            items(g, "Store", "i", 1, k, 100, ITEM_SIZE, 1_001);
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect store = report.suspects().get(0);
        assertEquals("Store", store.containerClass());
        assertEquals("globalThis.head", store.name());
        assertEquals("globalThis.head \u2192 Link.next \u00d73 \u2192 Store", store.path());
    }

    /**
     * A hand-made linked list at W.head that gains 100 links a snapshot at its end (each link an item of its own): every
     * link of the first snapshot retains the rest, so the growth runs down a chain of one class that leads on to
     * nothing else. The first link stands for the list.
     */
    @Test
    void aLinkedListThatGrowsAtItsEndIsEnteredByItsFirstLink() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.PROPERTY, "head", "L1");
            int links = 100 * k;
            for (int i = 1; i <= links; i++) {
                g.node("L" + i, NodeType.OBJECT, "Link", ITEM_SIZE).id(1_001 + 2L * i);
                if (i < links) {
                    g.edge("next", "L" + (i + 1));
                }
            }
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect list = report.suspects().get(0);
        assertEquals("Link", list.containerClass());
        assertEquals("globalThis.head", list.name());
        assertEquals("globalThis.head \u2192 Link", list.path());
        assertArrayEquals(new long[] {100 * ITEM_SIZE, 200 * ITEM_SIZE, 300 * ITEM_SIZE}, list.retainedSizes());
    }

    /**
     * W.store keeps its items in a backing store (V8's elements array, W.store → Store → (object elements)): the walk
     * ends at the backing store, which is the store's structure, so the store is the entry.
     */
    @Test
    void aBackingStoreStandsForItsObject() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.PROPERTY, "store", "Store");
            g.node("Store", NodeType.OBJECT, "Store", 32).id(101).edge(EdgeType.INTERNAL, "elements", "Backing");
            g.node("Backing", NodeType.ARRAY, "(object elements)", 16).id(103);
            items(g, "Backing", "i", 1, k, 100, ITEM_SIZE, 1_001);
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect store = report.suspects().get(0);
        assertEquals("Store", store.containerClass());
        assertEquals("globalThis.store \u2192 Store", store.path());
        assertArrayEquals(new long[] {10_048, 20_048, 30_048}, store.retainedSizes());
        assertEquals("Item", store.held().get(0).className(), "the backing store is plumbing");
    }

    /**
     * The chain of {@link #aChainOnThePathIsWrittenOnceWithItsCount} with a side branch: the middle link also holds a
     * Side object gaining 50 items a snapshot, found before the next link, which carries the store's 400 (89 % of the
     * link's growth). The walk passes the side branch, which carries too little, and goes on down the chain to the
     * store; the store is written first of all, so that it is the first object followed.
     */
    @Test
    void aChainWithASideBranchLeadsOnToTheStore() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W");
            g.node("Store", NodeType.OBJECT, "Store", 32).id(107);
            items(g, "Store", "i", 1, k, 400, ITEM_SIZE, 1_001);
            g.node("W", NodeType.OBJECT, "Window", 100).id(3).edge("head", "L1");
            g.node("L1", NodeType.OBJECT, "Link", 24).id(101).edge("next", "L2");
            g.node("L2", NodeType.OBJECT, "Link", 24).id(103).edge("side", "Side").edge("next", "L3");
            g.node("Side", NodeType.OBJECT, "Side", 32).id(109);
            items(g, "Side", "s", 1, k, 50, ITEM_SIZE, 11_001);
            g.node("L3", NodeType.OBJECT, "Link", 24).id(105).edge("next", "Store");
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect store = report.suspects().get(0);
        assertEquals("Store", store.containerClass());
        assertEquals("globalThis.head \u2192 Link.next \u00d73 \u2192 Store", store.path());
        assertEquals(80_000, store.growth());
    }

    /**
     * W's elements (a V8 backing store, W → (object elements)) gain 100 items a snapshot while W.cache loses as much,
     * so W itself stays flat and the backing store is where the growth starts: it stands for the object whose structure
     * it is, W, with the backing store's sizes.
     */
    @Test
    void aGrowingBackingStoreOfAFlatObjectStandsForTheObject() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.INTERNAL, "elements", "Backing");
            g.node("Backing", NodeType.ARRAY, "(object elements)", 16).id(101);
            items(g, "Backing", "i", 1, k, 100, ITEM_SIZE, 1_001);
            g.edgeFrom("W", EdgeType.PROPERTY, "cache", "Cache");
            g.node("Cache", NodeType.OBJECT, "Cache", 32).id(103);
            items(g, "Cache", "c", 1, 1, 100 * (4 - k), ITEM_SIZE, 501);
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect w = report.suspects().get(0);
        assertEquals("Window", w.containerClass());
        assertEquals("Window", w.name(), "a GC root's child: no anchor on the way");
        assertEquals("Window", w.path());
        // The backing store's own 16 bytes count as its owner's (DevTools' shallow sizes): it retains its items.
        assertArrayEquals(new long[] {10_000, 20_000, 30_000}, w.retainedSizes());
    }

    /**
     * Growth made of compiled code (W.compiled gains code objects) is V8's own, listed apart from the leaks; a leak in
     * the same heap stays a leak.
     */
    @Test
    void compiledCodeIsRuntimeGrowth() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            container(g, "Store", "Store", 7, "store", 1, k, 100, 0);
            g.edgeFrom("W", EdgeType.PROPERTY, "compiled", "Compiled");
            g.node("Compiled", NodeType.OBJECT, "CodeHolder", 32).id(101);
            for (int b = 1; b <= k; b++) {
                for (int c = 0; c < 60; c++) {
                    g.edgeFrom("Compiled", EdgeType.ELEMENT, null, "code" + b + "-" + c);
                }
            }
            for (int b = 1; b <= k; b++) {
                for (int c = 0; c < 60; c++) { // ids made as the store's items of the same batch are
                    g.node("code" + b + "-" + c, NodeType.CODE, "code", 100).id(1_001 + 2L * (b * 100_000 + 500 + c));
                }
            }
            return g;
        }, 3);
        assertEquals(List.of("Store"), report.suspects().stream().map(LeakSuspect::containerClass).toList(),
                report.toString());
        assertEquals(1, report.runtimeGrowth().size(), report.runtimeGrowth().toString());
        LeakSuspect code = report.runtimeGrowth().get(0);
        assertEquals("globalThis.compiled", code.name());
        assertEquals("(compiled code)", code.held().get(0).className());
        assertEquals(12_000, code.growth());
    }

    /**
     * Two holders of compiled code, W.c1 (found first) gaining 40 code objects of 100 bytes a snapshot and W.c2 gaining
     * 60: neither carries 80 % of W's growth, together they carry it all, so they are two entries, both V8's own. The
     * runtime's list is ranked as the leaks are: c2 (12,000 bytes over the series) before c1 (8,000).
     */
    @Test
    void runtimeGrowthIsRankedLikeTheLeaks() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            compiledCode(g, "C1", "c1", 101, k, 40, 0);
            compiledCode(g, "C2", "c2", 103, k, 60, 50);
            return g;
        }, 3);
        assertEquals(List.of(), report.suspects());
        assertEquals(List.of("globalThis.c2", "globalThis.c1"), report.runtimeGrowth().stream()
                .map(LeakSuspect::name).toList(), report.runtimeGrowth().toString());
        assertEquals(12_000, report.runtimeGrowth().get(0).growth());
        assertEquals(8_000, report.runtimeGrowth().get(1).growth());
    }

    /** W.{@code field} holds a {@code CodeHolder} that gains {@code perBatch} code objects of 100 bytes a snapshot. */
    private static void compiledCode(TestGraph g, String label, String field, long id, int batches, int perBatch,
            int idOffset) {
        g.edgeFrom("W", EdgeType.PROPERTY, field, label);
        g.node(label, NodeType.OBJECT, "CodeHolder", 32).id(id);
        for (int b = 1; b <= batches; b++) {
            for (int c = 0; c < perBatch; c++) {
                g.edgeFrom(label, EdgeType.ELEMENT, null, label + "-" + b + "-" + c);
            }
        }
        for (int b = 1; b <= batches; b++) {
            for (int c = 0; c < perBatch; c++) {
                g.node(label + "-" + b + "-" + c, NodeType.CODE, "code", 100).id(1_001 + 2L * (b * 1_000 + idOffset + c));
            }
        }
    }

    /**
     * A variable of an outer scope that no closure holds any more: W.fn is a closure {@code inner} whose context's
     * {@code previous} is the outer context, whose {@code samples} gains 100 items a snapshot. The outer context's only
     * retainer is the inner context, so the path says a closure's context. The object after the outer context (W.fn's
     * {@code shared}) is retained by the closure: only the outer context's own retainers are looked at.
     */
    @Test
    void aVariableOfAScopeNoClosureHoldsIsNamedByItsContext() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.PROPERTY, "fn", "Fn");
            g.node("Fn", NodeType.CLOSURE, "inner", 32).id(101).edge(EdgeType.INTERNAL, "context", "InnerCtx")
                    .edge("shared", "Shared");
            g.node("InnerCtx", NodeType.OBJECT, "system / Context", 40).id(103)
                    .edge(EdgeType.INTERNAL, "previous", "OuterCtx");
            g.node("OuterCtx", NodeType.OBJECT, "system / Context", 40).id(105)
                    .edge(EdgeType.CONTEXT, "samples", "Samples");
            g.node("Shared", NodeType.OBJECT, "Object", 24).id(107);
            g.node("Samples", NodeType.OBJECT, "Array", 32).id(109);
            items(g, "Samples", "s", 1, k, 100, ITEM_SIZE, 1_001);
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        assertEquals("samples (closure variable)", report.suspects().get(0).name());
        assertEquals("samples (a variable of a closure's context) \u2192 Array", report.suspects().get(0).path());
    }

    /**
     * Four snapshots: A gains 50 items in every step; B gains 150 in the first and the last step only (kept: two rises,
     * no fall); C gains 150 in one step only; D loses 150 of the items it had from the start in each step. A grew in every step and comes first though B grew more;
     * C and D are no leaks.
     */
    @Test
    void growthAtEveryStepComesFirstAndOneRiseIsNoLeak() throws Exception {
        int[] bBatches = {1, 2, 2, 3};
        int[] cBatches = {1, 1, 2, 2};
        LeakReport report = report(k -> {
            TestGraph g = window();
            // B first, so that it is found first: the ranking, not the order found, puts A first.
            container(g, "B", "Beta", 9, "b", 1, bBatches[k - 1], 150, 20_000);
            container(g, "A", "Alpha", 7, "a", 1, k, 50, 0);
            container(g, "C", "Gamma", 11, "c", 1, cBatches[k - 1], 150, 40_000);
            // D hangs off a second global object, so that its loss does not offset W's growth.
            g.edgeFrom("root", EdgeType.SHORTCUT, "global", "W2");
            g.node("W2", NodeType.OBJECT, "Window", 100).id(15).edge("d", "D");
            g.node("D", NodeType.OBJECT, "Delta", 50).id(13);
            items(g, "D", "d", 1, 1, 150 * (5 - k), ITEM_SIZE, 61_001);
            return g;
        }, 4);
        assertEquals(List.of("Alpha", "Beta"), report.suspects().stream().map(LeakSuspect::containerClass).toList(),
                report.toString());
        LeakSuspect a = report.suspects().get(0);
        LeakSuspect b = report.suspects().get(1);
        assertTrue(a.grewEveryStep());
        assertTrue(!b.grewEveryStep());
        assertEquals(15_000, a.growth());
        assertEquals(30_000, b.growth());
        assertArrayEquals(new long[] {150, 300, 300, 450}, b.held().get(0).countBySnapshot());
    }

    /**
     * The least growth reported is 4,096 bytes (the heaps are far too small for 0.05 %): E gains one 2,048-byte item
     * a snapshot (4,096 over three snapshots), F one of 2,047 bytes (4,094).
     */
    @Test
    void growthOfLessThan4096BytesIsLeftOut() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.PROPERTY, "e", "E");
            g.node("E", NodeType.OBJECT, "Exact", 50).id(101);
            items(g, "E", "e", 1, k, 1, 2_048, 1_001);
            g.edgeFrom("W", EdgeType.PROPERTY, "f", "F");
            g.node("F", NodeType.OBJECT, "Short", 50).id(103);
            items(g, "F", "f", 1, k, 1, 2_047, 5_001);
            return g;
        }, 3);
        assertEquals(List.of("Exact"), report.suspects().stream().map(LeakSuspect::containerClass).toList(),
                report.suspects().toString());
        assertEquals(4_096, report.suspects().get(0).growth());
        assertArrayEquals(new long[] {2_098, 4_146, 6_194}, report.suspects().get(0).retainedSizes());
    }

    /** A snapshot whose global object has another id is from another process: the report says so. */
    @Test
    void anotherGlobalObjectIsFlagged() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                    .node("W", NodeType.OBJECT, "Window", 100).id(k == 3 ? 33 : 3);
            return g;
        }, 3);
        assertEquals(List.of("s3 does not share its global objects' ids with s1: the snapshots may not come from one"
                + " process, and id-based results would be wrong"), report.warnings());
    }

    /**
     * A chain of 30 links (W.head → Link.next ×30 → Store): the anchor lies beyond the retainer path's 20 steps
     * ({@code RetainerView}'s longest; SuspectNames would look through 24), so the entry is named by the top object's
     * holding field, the 20th step up.
     */
    @Test
    void anAnchorBeyond24StepsIsNotLookedFor() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.PROPERTY, "head", "L1");
            for (int l = 1; l <= 30; l++) {
                g.node("L" + l, NodeType.OBJECT, "Link", 24).id(101 + 2 * l).edge("next", l < 30 ? "L" + (l + 1)
                        : "Store");
            }
            g.node("Store", NodeType.OBJECT, "Store", 32).id(201);
            items(g, "Store", "i", 1, k, 100, ITEM_SIZE, 1_001);
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect store = report.suspects().get(0);
        assertEquals("Link.next", store.name());
        assertEquals("Link.next \u00d720 \u2192 Store", store.path());
    }

    /**
     * A store held through a closure's property (W.handler → onData() → buffer): the closure is written by its
     * function on the path.
     */
    @Test
    void aClosureOnThePathIsWrittenByItsFunction() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.PROPERTY, "handler", "Fn");
            g.node("Fn", NodeType.CLOSURE, "onData", 32).id(101).edge(EdgeType.INTERNAL, "buffer", "Store");
            g.node("Store", NodeType.OBJECT, "Store", 32).id(103);
            items(g, "Store", "i", 1, k, 100, ITEM_SIZE, 1_001);
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        assertEquals("globalThis.handler \u2192 onData().buffer \u2192 Store", report.suspects().get(0).path());
    }

    /**
     * A store only a system root reaches (root → (GC roots) → (Internal cache) → Store) is V8's own: its growth goes
     * with the runtime's, named by the store itself.
     */
    @Test
    void growthOnlyTheSystemReachesIsTheRuntimes() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("root", EdgeType.ELEMENT, null, "GcRoots");
            g.node("GcRoots", NodeType.SYNTHETIC, "(GC roots)", 0).id(9).edge(EdgeType.ELEMENT, null, "Cache");
            g.node("Cache", NodeType.SYNTHETIC, "(Internal cache)", 0).id(11).edge(EdgeType.INTERNAL, "store",
                    "Store");
            g.node("Store", NodeType.OBJECT, "Store", 32).id(101);
            items(g, "Store", "i", 1, k, 100, ITEM_SIZE, 1_001);
            return g;
        }, 3);
        assertEquals(List.of(), report.suspects());
        assertEquals(1, report.runtimeGrowth().size(), report.runtimeGrowth().toString());
        assertEquals("Store", report.runtimeGrowth().get(0).name());
        assertEquals("Store", report.runtimeGrowth().get(0).path());
    }

    /**
     * A store made after the first snapshot has no size there (-1), and its growth starts at its first size: W.store
     * appears in snapshot 2 with 50 items and holds 250 in snapshot 3.
     */
    @Test
    void aContainerMadeLaterHasNoSizeBefore() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            if (k >= 2) {
                g.edgeFrom("W", EdgeType.PROPERTY, "store", "Store");
                g.node("Store", NodeType.OBJECT, "Store", 50).id(107);
                items(g, "Store", "i", 2, 2, 50, ITEM_SIZE, 1_001);
            }
            if (k == 3) {
                items(g, "Store", "j", 3, 3, 200, ITEM_SIZE, 1_001);
            }
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect store = report.suspects().get(0);
        assertArrayEquals(new long[] {-1, 5_050, 25_050}, store.retainedSizes());
        assertEquals(20_000, store.growth());
        assertArrayEquals(new long[] {0, 50, 250}, store.held().get(0).countBySnapshot());
    }

    /**
     * In a heap of 100 MB (a 100,000,000-byte buffer held steady) objects are followed from 10,000 bytes (0.01 %) and
     * growth is reported from 50,000 bytes (0.05 %). Big gains 30,000 bytes a step (60,000): reported. Small gains
     * 20,000 a step (40,000): left out. Late retains 8,000 and 9,000 bytes, too little to be followed, then 70,000:
     * followed from the last snapshot, with the size it had in the one before (known through its id), not before.
     */
    @Test
    void inABigHeapTheFloorsArePartsOfTheHeap() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.PROPERTY, "buffer", "Buffer");
            g.node("Buffer", NodeType.OBJECT, "Buffer", 100_000_000).id(101);
            g.edgeFrom("W", EdgeType.PROPERTY, "big", "Big");
            g.node("Big", NodeType.OBJECT, "Big", 50).id(103);
            items(g, "Big", "b", 1, k, 1, 30_000, 1_001);
            g.edgeFrom("W", EdgeType.PROPERTY, "small", "Small");
            g.node("Small", NodeType.OBJECT, "Small", 50).id(105);
            items(g, "Small", "s", 1, k, 1, 20_000, 3_001);
            g.edgeFrom("W", EdgeType.PROPERTY, "late", "Late");
            g.node("Late", NodeType.OBJECT, "Late", 50).id(107);
            long[] late = {7_950, 8_950, 69_950};
            items(g, "Late", "l", k, k, 1, late[k - 1], 5_001);
            return g;
        }, 3);
        assertEquals(List.of("Late", "Big"), report.suspects().stream().map(LeakSuspect::containerClass).toList(),
                report.suspects().toString());
        assertArrayEquals(new long[] {-1, 9_000, 70_000}, report.suspects().get(0).retainedSizes());
        assertArrayEquals(new long[] {30_050, 60_050, 90_050}, report.suspects().get(1).retainedSizes());
    }

    /**
     * The example object of an entry is one of its headline class added inside the series: with three snapshots one
     * first seen in snapshot 2 (not 1, nor the last, which DevTools' "between" filter leaves out); with two, one first
     * seen in snapshot 2. The store's items are written batch 2 first, then the later ones, then batch 1, so that the
     * breakdown meets the first and the last snapshot's items before the second's.
     */
    @Test
    void theExampleIsAnObjectAddedInsideTheSeries() throws Exception {
        for (int count = 2; count <= 3; count++) {
            LeakReport report = report(k -> {
                TestGraph g = window();
                g.edgeFrom("W", EdgeType.PROPERTY, "store", "Store");
                g.node("Store", NodeType.OBJECT, "Store", 50).id(7);
                for (int b = 2; b <= k; b++) {
                    items(g, "Store", "i", b, b, 100, ITEM_SIZE, 1_001);
                }
                items(g, "Store", "i", 1, 1, 100, ITEM_SIZE, 1_001);
                return g;
            }, count);
            AnalyzedHeap last = report.lastSnapshot();
            long id = last.graph().nodeId(report.suspects().get(0).exampleNode());
            // Batch 2's items have ids 1,001 + 2 × (20,000 + j).
            assertTrue(id >= 41_001 && id < 41_201, count + " snapshots: example id " + id);
        }
    }

    /**
     * The headline of a breakdown is the added class nearest the container: Store holds 50 old Entries and, each
     * snapshot, 20 new Buckets that each hold a new (larger) Entry. Entries added lie two steps down, Buckets one:
     * Bucket heads the breakdown, though Entries have objects one step down (the old ones) and more bytes added.
     */
    @Test
    void theHeadlineIsTheAddedClassNearestTheContainer() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            g.edgeFrom("W", EdgeType.PROPERTY, "store", "Store");
            g.node("Store", NodeType.OBJECT, "Store", 32).id(101);
            for (int e = 0; e < 50; e++) {
                g.edgeFrom("Store", EdgeType.ELEMENT, null, "old" + e);
            }
            for (int e = 0; e < 50; e++) {
                g.node("old" + e, NodeType.OBJECT, "Entry", 40).id(201 + 2 * e);
            }
            for (int b = 1; b <= k; b++) {
                for (int j = 0; j < 20; j++) {
                    g.edgeFrom("Store", EdgeType.ELEMENT, null, "bucket" + b + "-" + j);
                    g.node("bucket" + b + "-" + j, NodeType.OBJECT, "Bucket", 16).id(1_001 + 4L * (b * 1_000 + j))
                            .edge("entry", "entry" + b + "-" + j);
                    g.node("entry" + b + "-" + j, NodeType.OBJECT, "Entry", 400).id(1_003 + 4L * (b * 1_000 + j));
                }
            }
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect store = report.suspects().get(0);
        assertEquals(List.of("Bucket", "Entry"), store.held().stream().map(c -> c.className()).toList());
        assertArrayEquals(new long[] {70, 90, 110}, store.held().get(1).countBySnapshot());
    }

    /** Cancel stops the report between snapshots. */
    @Test
    void cancelStopsTheReport() {
        assertThrows(heapscope.parser.progress.CanceledException.class, () -> LeakFinder.find(
                HandBuiltSeriesTest.series(List.of(window(), window())), ProgressListener.NO_OP, () -> true));
    }

    @Test
    void aReportNeedsTwoToAHundredAndTwentySevenSnapshots() throws Exception {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> LeakFinder.find(
                sized(1), ProgressListener.NO_OP, CancelSignal.NEVER));
        assertEquals("a leak report needs at least two snapshots", one.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class, () -> LeakFinder.find(
                sized(128), ProgressListener.NO_OP, CancelSignal.NEVER));
        assertEquals("a leak report over at most 127 snapshots", many.getMessage());
        List<TestGraph> most = java.util.Collections.nCopies(127, window());
        assertEquals(127, LeakFinder.find(HandBuiltSeriesTest.series(most), ProgressListener.NO_OP,
                CancelSignal.NEVER).snapshots().size());
    }

    /** A series of this many snapshots that cannot be loaded: the size is checked first. */
    private static SnapshotSeries sized(int size) {
        return new HeapSeries(java.util.Collections.nCopies(size, "s"), k -> {
            throw new AssertionError("loaded");
        });
    }
}
