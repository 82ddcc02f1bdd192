package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.testing.Fixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The instance lists under every filter hold exactly the instances the engine's Summary counts: for each class row,
 * as many instances as its count, with the same shallow sizes added up. This keeps the view's copy of the named
 * filters' node sets in step with the engine's.
 */
class NamedFiltersTest {
    static Stream<Arguments> heapsAndFilters() {
        AnalyzedHeap leak3 = Fixtures.load(Fixtures.DEMO.resolve("leak-3.heapsnapshot.gz"));
        AnalyzedHeap browser = Fixtures.load(Fixtures.V8.resolve("browser/detached-dom.heapsnapshot.gz"));
        return Stream.of(
                Arguments.of("leak-3", leak3, new NodeFilter.DuplicatedStrings()),
                Arguments.of("leak-3", leak3, new NodeFilter.DetachedDom()),
                Arguments.of("leak-3", leak3, new NodeFilter.AllocatedBetween(85667, 91623)),
                Arguments.of("browser", browser, new NodeFilter.DuplicatedStrings()),
                Arguments.of("browser", browser, new NodeFilter.DetachedDom()),
                Arguments.of("browser", browser, NodeFilter.ALL));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("heapsAndFilters")
    void everyClassRowListsTheInstancesItCounts(String name, AnalyzedHeap heap, NodeFilter filter) {
        ObjectFilter applied = ObjectFilter.of(heap, filter, CancelSignal.NEVER);
        List<ClassAggregate> rows = applied.aggregate(heap);
        assertFalse(rows.isEmpty());
        NodeRows nodeRows = new NodeRows(heap);
        for (ClassAggregate row : rows) {
            NodeList instances = NodeList.instances(nodeRows, row.classId(), applied, Sort.RETAINED_SIZE_DESCENDING,
                    CancelSignal.NEVER);
            assertEquals(row.count(), instances.size(), row.name());
            long shallow = instances.page(0, instances.size()).rows().stream().mapToLong(NodeRow::shallowSize).sum();
            assertEquals(row.shallowSize(), shallow, row.name());
        }
    }
}
