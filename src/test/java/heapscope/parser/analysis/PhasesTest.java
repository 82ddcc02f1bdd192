package heapscope.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.CanceledException;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.TestGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analysis as a sequence of phases: the progress a user sees, Cancel reaching every phase, and the memory the
 * engine reports for a heap ({@code info}'s bytes per node and per edge, README "Memory").
 */
class PhasesTest {
    private static final CancelSignal CANCELED = () -> true;

    /** W holds plain objects and a chain, enough for every phase to loop. */
    private static HeapGraph graph() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W").node("W", 1);
        for (int i = 0; i < 4; i++) {
            g.edgeFrom("W", EdgeType.ELEMENT, null, "P" + i);
        }
        for (int i = 0; i < 4; i++) {
            g.node("P" + i, NodeType.OBJECT, "Object", 12).edge("x", "V").edge("y", "V");
        }
        return g.node("V", NodeType.NUMBER, "number", 16).build();
    }

    @Test
    void thePhasesAreAnnouncedInOrder() {
        List<Phase> phases = new ArrayList<>();
        HeapAnalyzer.analyze(graph(), new ProgressListener() {
            @Override
            public void phaseStarted(Phase phase) {
                phases.add(phase);
            }

            @Override
            public void progress(long done, long total) {
            }
        }, CancelSignal.NEVER);
        assertEquals(List.of(Phase.PROPAGATING_DOM_STATE, Phase.BUILDING_RETAINERS, Phase.CALCULATING_FLAGS,
                Phase.CALCULATING_SHALLOW_SIZES, Phase.CALCULATING_DISTANCES, Phase.BUILDING_DOMINATOR_TREE,
                Phase.CALCULATING_RETAINED_SIZES, Phase.CALCULATING_OBJECT_NAMES, Phase.CALCULATING_STATISTICS),
                phases);
    }

    @Test
    void cancelReachesEveryPhase() {
        HeapGraph graph = graph();
        assertThrows(CanceledException.class, () -> HeapAnalyzer.analyze(graph, ProgressListener.NO_OP, CANCELED));
        assertThrows(CanceledException.class, () -> RetainerIndex.build(graph, CANCELED));
        assertThrows(CanceledException.class, () -> ClassNames.baseNames(graph, new DerivedNames(graph.strings()),
                CANCELED));
        BitSet none = new BitSet();
        assertThrows(CanceledException.class, () -> EssentialEdges.compute(graph, none, WeakMapEdgeNames.of(graph),
                null, CANCELED));
    }

    /** Per edge: the graph's 8 bytes and the retainer index's 4; per node: the graph's 15 and the analyses' 27. */
    @Test
    void theEngineBytesAreTheDocumentedOnes() {
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "N0");
        int n = 3_000;
        for (int i = 0; i < n; i++) {
            g.node("N" + i, NodeType.OBJECT, "Link", 10);
            if (i + 1 < n) {
                g.edge("next", "N" + (i + 1));
            }
        }
        AnalyzedHeap heap = HeapAnalyzer.analyze(g.build(), ProgressListener.NO_OP, CancelSignal.NEVER);
        assertEquals(12L * heap.graph().edgeCount(), heap.edgeBytes());
        long perNodeBytes = heap.retainedBytes() - heap.graph().strings().retainedBytes() - heap.edgeBytes();
        double perNode = (double) perNodeBytes / heap.graph().nodeCount();
        assertTrue(perNode >= 42 && perNode < 42.1, "bytes per node " + perNode);
        assertEquals(4L * (n + 1) + 8L * 2, heap.classes().retainedBytes(), "a class id per node, 8 bytes per class");
    }

    /**
     * A WeakMap value needs its key and its table: when the user ignores the key's holder, the key is unreachable and
     * the table's half of the pair is no way to a root either, so both retainers of the value sort last.
     */
    @Test
    void ignoringAWeakMapKeyLeavesTheTablesEdgeUnusableToo() {
        String pair = " / part of key (Key @21) -> value (Value @25) pair in WeakMap (table @23)";
        TestGraph g = new TestGraph().root().edge(EdgeType.SHORTCUT, "global", "W")
                .node("W", 1).id(3).edge("holder", "Holder").edge("table", "Table")
                .node("Holder", 1).id(5).edge("key", "Key")
                .node("Key", NodeType.OBJECT, "Key", 1).id(21).edge(EdgeType.INTERNAL, "1" + pair, "Value")
                .node("Table", NodeType.ARRAY, "system / EphemeronHashTable", 1).id(23)
                .edge(EdgeType.INTERNAL, "2" + pair, "Value")
                .node("Value", NodeType.OBJECT, "Value", 50).id(25);
        AnalyzedHeap heap = HeapAnalyzer.analyze(g.build(), ProgressListener.NO_OP, CancelSignal.NEVER);
        RetainerView view = new RetainerView(heap);
        List<RetainerEdge> before = view.retainers(g.ordinal("Value"));
        assertEquals(2, before.size());
        assertTrue(before.stream().allMatch(r -> r.sortDistance() < Distances.BASE_SYSTEM_DISTANCE), before.toString());
        view.ignore(g.ordinal("Holder"), CancelSignal.NEVER);
        List<RetainerEdge> after = view.retainers(g.ordinal("Value"));
        assertEquals(2, after.size());
        assertTrue(after.stream().allMatch(r -> r.sortDistance() >= Distances.BASE_UNREACHABLE_DISTANCE),
                after.toString());
        view.unignoreAll();
        assertEquals(before, view.retainers(g.ordinal("Value")));
    }
}
