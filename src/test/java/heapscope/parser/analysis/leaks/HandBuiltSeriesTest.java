package heapscope.parser.analysis.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.HeapAnalyzer;
import heapscope.parser.analysis.SnapshotSeries;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.TestGraph;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The leak report's folding rules on series of V8 heaps built by hand, whose answers are worked out in the comments:
 * the growth is reported at the container it accumulates in (not at the objects above it that retain it too, nor at
 * the items), two containers that share the growth are two entries, and a full cache whose entries are replaced keeps
 * its size and is no leak. Objects keep their ids from snapshot to snapshot, as in one V8 process.
 */
class HandBuiltSeriesTest {
    static final int ITEM_SIZE = 100;

    /** Snapshots as given, analysed up front. */
    static SnapshotSeries series(List<TestGraph> graphs) {
        List<AnalyzedHeap> heaps = graphs.stream()
                .map(g -> HeapAnalyzer.analyze(g.build(), ProgressListener.NO_OP, CancelSignal.NEVER)).toList();
        List<String> labels = java.util.stream.IntStream.rangeClosed(1, heaps.size()).mapToObj(k -> "s" + k).toList();
        return new HeapSeries(labels, heaps::get);
    }

    static LeakReport report(IntFunction<TestGraph> snapshot, int count) throws Exception {
        List<TestGraph> graphs = new java.util.ArrayList<>();
        for (int k = 1; k <= count; k++) {
            graphs.add(snapshot.apply(k));
        }
        return LeakFinder.find(series(graphs), ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    /** The window W (id 3) holds a steady 8,000-byte object, so that W's own size is not all growth. */
    static TestGraph window() {
        return new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", NodeType.OBJECT, "Window", 100).id(3).edge("config", "Config")
                .node("Config", NodeType.OBJECT, "Config", 8_000).id(5);
    }

    /**
     * A container at W.{@code field} holding the items of batches {@code from} to {@code to}, {@code perBatch} each.
     * Ids grow as V8's do: every item of a batch has a larger id than those of the batches before it.
     */
    static void container(TestGraph g, String label, String className, long id, String field, int from,
            int to, int perBatch, int idOffset) {
        g.edgeFrom("W", EdgeType.PROPERTY, field, label);
        g.node(label, NodeType.OBJECT, className, 50).id(id);
        for (int b = from; b <= to; b++) {
            for (int j = 0; j < perBatch; j++) {
                g.edgeFrom(label, EdgeType.ELEMENT, null, label + "-" + b + "-" + j);
            }
        }
        for (int b = from; b <= to; b++) {
            for (int j = 0; j < perBatch; j++) {
                g.node(label + "-" + b + "-" + j, NodeType.OBJECT, "Item", ITEM_SIZE)
                        .id(1_001 + 2L * (b * 100_000 + idOffset + j));
            }
        }
    }

    /**
     * W.store gains 100 items of 100 bytes per snapshot and keeps them: W and the store both grow by 10,000 bytes a
     * step, the store carries all of W's growth, no item carries 80 % of the store's; so the store is the one entry,
     * with 50 + 10,000 × k bytes and 100 × k items.
     */
    @Test
    void theGrowthIsReportedWhereItAccumulates() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            container(g, "Store", "Store", 7, "store", 1, k, 100, 0);
            return g;
        }, 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect store = report.suspects().get(0);
        assertEquals("Store", store.containerClass());
        assertEquals("globalThis.store", store.name());
        assertEquals("globalThis.store \u2192 Store", store.path());
        assertEquals(1, store.instances());
        assertArrayEquals(new long[] {10_050, 20_050, 30_050}, store.retainedSizes());
        assertEquals(20_000, store.growth());
        assertTrue(store.grewEveryStep());
        ClassGrowth items = store.held().get(0);
        assertEquals("Item", items.className());
        assertArrayEquals(new long[] {100, 200, 300}, items.countBySnapshot());
        assertEquals(200, items.added());
        // Each batch's items are first seen in the snapshot that added them, the one with the largest id too.
        assertArrayEquals(new long[] {100, 100, 100}, items.countByFirstSnapshot());
        assertEquals(List.of(), report.runtimeGrowth());
        assertEquals(List.of(), report.warnings());
    }

    /**
     * W.sessions and W.tokens gain 70 and 50 items a step: neither carries 80 % of W's growth, together they carry it
     * all, so they are two entries, the larger growth first (14,000 and 10,000 bytes over the series).
     */
    @Test
    void twoContainersThatShareTheGrowthAreTwoEntries() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            container(g, "Sessions", "SessionMap", 7, "sessions", 1, k, 70, 0);
            container(g, "Tokens", "TokenList", 9, "tokens", 1, k, 50, 50_000);
            return g;
        }, 3);
        assertEquals(List.of("SessionMap", "TokenList"), report.suspects().stream()
                .map(LeakSuspect::containerClass).toList(), report.suspects().toString());
        assertEquals(14_000, report.suspects().get(0).growth());
        assertEquals(10_000, report.suspects().get(1).growth());
        assertArrayEquals(new long[] {50, 100, 150}, report.suspects().get(1).held().get(0).countBySnapshot());
    }

    /**
     * W.big gains 400 items a step and W.small 100: big carries exactly 80 % of W's growth (40,000 of 50,000 bytes a
     * step), enough to be where it accumulates, so big is the one entry, though small grew by 20,000 bytes too.
     */
    @Test
    void aChildThatCarriesEightyPercentIsWhereTheGrowthAccumulates() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            container(g, "Big", "Big", 7, "big", 1, k, 400, 0);
            container(g, "Small", "Small", 9, "small", 1, k, 100, 50_000);
            return g;
        }, 3);
        assertEquals(List.of("Big"), report.suspects().stream().map(LeakSuspect::containerClass).toList(),
                report.suspects().toString());
        assertEquals(80_000, report.suspects().get(0).growth());
    }

    /**
     * W gains 100 items of its own a step, W.a and W.b 50 each: a and b together carry exactly half of W's growth
     * (10,000 of 20,000 bytes a step), enough to be two entries rather than W.
     */
    @Test
    void partsThatCarryHalfTheGrowthAreTheEntries() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            container(g, "A", "Alpha", 7, "a", 1, k, 50, 0);
            container(g, "B", "Beta", 9, "b", 1, k, 50, 20_000);
            for (int b = 1; b <= k; b++) {
                for (int j = 0; j < 100; j++) {
                    g.edgeFrom("W", EdgeType.ELEMENT, null, "own-" + b + "-" + j);
                }
            }
            for (int b = 1; b <= k; b++) {
                for (int j = 0; j < 100; j++) {
                    g.node("own-" + b + "-" + j, NodeType.OBJECT, "Item", ITEM_SIZE).id(1_001 + 2L * (b * 100_000
                            + 40_000 + j));
                }
            }
            return g;
        }, 3);
        assertEquals(List.of("Alpha", "Beta"), report.suspects().stream().map(LeakSuspect::containerClass).toList(),
                report.suspects().toString());
        assertEquals(10_000, report.suspects().get(0).growth());
    }

    /**
     * A cache of 100 items whose items are all replaced by new ones (new ids) each snapshot keeps its size: nothing
     * grew, nothing is reported, though every item is new.
     */
    @Test
    void aFullCacheWhoseEntriesAreReplacedIsNoLeak() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            container(g, "Cache", "Cache", 7, "cache", k, k, 100, 0);
            return g;
        }, 3);
        assertEquals(List.of(), report.suspects());
        assertEquals(List.of(), report.runtimeGrowth());
    }

    /** Snapshots whose largest ids go down were not taken in this order: the report says so. */
    @Test
    void snapshotsWhoseIdsGoDownAreFlagged() throws Exception {
        LeakReport report = report(k -> {
            TestGraph g = window();
            container(g, "Store", "Store", 7, "store", 1, 4 - k, 100, 0);
            return g;
        }, 3);
        assertEquals(2, report.warnings().stream().filter(w -> w.contains("not in the order they were taken"))
                .count(), report.warnings().toString());
        assertEquals(List.of(), report.suspects(), "a shrinking store is no leak");
    }
}
