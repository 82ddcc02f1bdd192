package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.analysis.NodeNames;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.testing.Fixtures;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DevTools' named Summary filters, and the Summary over a node set agreeing with the engine's. */
class NamedFiltersTest {
    private static final AnalyzedHeap LEAK_3 = Fixtures.load(Fixtures.DEMO.resolve("leak-3.heapsnapshot.gz"));
    private static final AnalyzedHeap BROWSER = Fixtures.load(Fixtures.V8.resolve(
            "browser/detached-dom.heapsnapshot.gz"));

    @Test
    void theSummaryOverEveryNodeIsTheEnginesSummary() {
        BitSet all = new BitSet();
        all.set(0, LEAK_3.graph().nodeCount());
        assertEquals(ClassAggregator.aggregate(LEAK_3, NodeFilter.ALL), ObjectFilter.ofNodes(all).aggregate(LEAK_3));
    }

    @Test
    void everyDuplicatedStringHasATwin() {
        BitSet duplicated = NamedFilters.duplicatedStrings(LEAK_3, CancelSignal.NEVER);
        assertFalse(duplicated.isEmpty());
        Map<String, Integer> texts = new HashMap<>();
        for (int node = duplicated.nextSetBit(0); node >= 0; node = duplicated.nextSetBit(node + 1)) {
            byte type = LEAK_3.graph().nodeTypes()[node];
            assertTrue(type == NodeType.STRING || type == NodeType.CONCATENATED_STRING);
            texts.merge(NodeNames.nodeName(LEAK_3.graph(), node), 1, Integer::sum);
        }
        assertTrue(texts.values().stream().allMatch(count -> count >= 2), texts.toString());
    }

    @Test
    void detachedDomNodesAndWhatOnlyTheyHoldAreListed() {
        BitSet retained = NamedFilters.retainedByDetachedDom(BROWSER, CancelSignal.NEVER);
        List<ClassAggregate> rows = ObjectFilter.ofNodes(retained).aggregate(BROWSER);
        assertTrue(rows.stream().anyMatch(r -> r.name().startsWith("Detached <")), rows.toString());
        for (int node = 0; node < BROWSER.graph().nodeCount(); node++) {
            if (BROWSER.domStates()[node] == 2) {
                assertTrue(retained.get(node) || BROWSER.distances()[node] < 0, "detached node " + node);
            }
        }
        BitSet none = NamedFilters.retainedByDetachedDom(BROWSER, CancelSignal.NEVER);
        none.andNot(retained);
        assertTrue(none.isEmpty());
    }
}
