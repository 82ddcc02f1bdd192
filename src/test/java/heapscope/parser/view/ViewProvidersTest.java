package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view providers on the demo series, against what DevTools lists for the same file. */
class ViewProvidersTest {
    private static final AnalyzedHeap LEAK_3 = Fixtures.load(Fixtures.DEMO.resolve("leak-3.heapsnapshot.gz"));
    private final NodeRows rows = new NodeRows(LEAK_3);

    private ClassAggregate leakyItem(NodeFilter filter) {
        return ClassAggregator.aggregate(LEAK_3, filter).stream().filter(c -> c.name().equals("LeakyItem"))
                .findFirst().orElseThrow();
    }

    @Test
    void instancesOfAClassAreAsManyAsItsCountAndLargestFirstTiesByIdAsInDevTools() {
        ClassAggregate leaky = leakyItem(NodeFilter.ALL);
        NodeList instances = NodeList.instances(rows, leaky.classId(), NodeFilter.ALL, Sort.RETAINED_SIZE_DESCENDING,
                CancelSignal.NEVER);
        assertEquals(1200, instances.size());
        assertEquals(leaky.count(), instances.size());
        List<NodeRow> first = instances.page(0, 3).rows();
        assertEquals(List.of(6169L, 81933L, 81935L), first.stream().map(NodeRow::id).toList());
        assertEquals("LeakyItem @6169", first.get(0).label());
        assertEquals(432, first.get(0).retainedSize());
        assertEquals(56, first.get(0).shallowSize());
        assertEquals(11, first.get(0).distance());
    }

    @Test
    void pagesAreWindowsOfTheSortedList() {
        ClassAggregate leaky = leakyItem(NodeFilter.ALL);
        NodeList instances = NodeList.instances(rows, leaky.classId(), NodeFilter.ALL, Sort.RETAINED_SIZE_DESCENDING,
                CancelSignal.NEVER);
        Page<NodeRow> page = instances.page(1150, 100);
        assertEquals(50, page.rows().size());
        assertEquals(1150, page.begin());
        assertEquals(0, page.remaining());
        assertEquals(instances.page(1150, 1).rows().get(0), page.rows().get(0));
    }

    @Test
    void theAllocationFilterKeepsTheInstancesMadeBetweenTwoSnapshots() {
        NodeFilter between = new NodeFilter.AllocatedBetween(85667, 91623);
        ClassAggregate leaky = leakyItem(between);
        NodeList instances = NodeList.instances(rows, leaky.classId(), between, Sort.RETAINED_SIZE_DESCENDING,
                CancelSignal.NEVER);
        assertEquals(400, instances.size());
        assertTrue(instances.page(0, 400).rows().stream().allMatch(r -> r.id() > 85667 && r.id() <= 91623));
    }

    @Test
    void retainersPutTheClosestFirstAndShowElementIndexesInBrackets() {
        int item = NodeSearch.byId(LEAK_3, 81933);
        RetainerList retainers = RetainerList.of(rows, new RetainerView(LEAK_3), item, Sort.DISTANCE_ASCENDING,
                CancelSignal.NEVER);
        assertEquals(2, retainers.size());
        EdgeRow closest = retainers.page(0, 1).rows().get(0).edge();
        assertEquals("[299]", closest.edgeLabel());
        assertEquals(74801, closest.node().id());
        assertEquals("[299] in Array @74801", closest.label());
        EdgeRow next = retainers.page(1, 1).rows().get(0).edge();
        assertEquals("299", next.edgeLabel());
        assertEquals("(object elements)[]", next.node().name());
    }

    @Test
    void retainersSortedBySizeKeepTheEngineOrderForTies() {
        int item = NodeSearch.byId(LEAK_3, 81933);
        RetainerList bySize = RetainerList.of(rows, new RetainerView(LEAK_3), item, Sort.RETAINED_SIZE_DESCENDING,
                CancelSignal.NEVER);
        List<RetainerRow> all = bySize.page(0, 10).rows();
        assertEquals(74801, all.get(0).edge().node().id());
        assertTrue(all.get(0).edge().node().retainedSize() >= all.get(1).edge().node().retainedSize());
    }

    @Test
    void anIgnoredRetainerSortsLastAndIsMarked() {
        int item = NodeSearch.byId(LEAK_3, 81933);
        RetainerView view = new RetainerView(LEAK_3);
        view.ignore(NodeSearch.byId(LEAK_3, 74801), CancelSignal.NEVER);
        List<RetainerRow> all = RetainerList.of(rows, view, item, Sort.DISTANCE_ASCENDING, CancelSignal.NEVER)
                .page(0, 10).rows();
        // DevTools' rule: the ignored retainer and what only it kept reachable (its elements store) sort after every
        // retainer that still reaches a root, each at 2e8 plus its original distance.
        RetainerRow ignored = all.stream().filter(r -> r.edge().node().id() == 74801).findFirst().orElseThrow();
        assertTrue(ignored.ignored());
        assertTrue(ignored.unreachable());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).sortDistance() <= all.get(i).sortDistance());
        }
    }

    @Test
    void outgoingEdgesSortByNameWithNamesBeforeIndexesAndProtoLast() {
        int array = NodeSearch.byId(LEAK_3, 74801);
        EdgeList byName = EdgeList.outgoing(rows, array, new Sort(SortColumn.NAME, false), CancelSignal.NEVER);
        List<String> labels = byName.page(0, byName.size()).rows().stream().map(EdgeRow::edgeLabel).toList();
        int firstIndex = labels.indexOf("[0]");
        assertTrue(firstIndex >= 0);
        assertTrue(labels.subList(0, firstIndex).stream().noneMatch(l -> l.startsWith("[")), labels.toString());
        assertTrue(labels.indexOf("[1]") == firstIndex + 1);
        int proto = labels.indexOf("__proto__");
        if (proto >= 0) {
            assertEquals(firstIndex - 1, proto);
        }
        EdgeList byRetained = EdgeList.outgoing(rows, array, Sort.RETAINED_SIZE_DESCENDING, CancelSignal.NEVER);
        List<EdgeRow> all = byRetained.page(0, byRetained.size()).rows();
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).node().retainedSize() >= all.get(i).node().retainedSize());
        }
    }

    @Test
    void dominatorChildrenOfTheRootAddUpToAtMostItsRetainedSize() {
        int root = LEAK_3.graph().rootOrdinal();
        NodeList children = NodeList.dominatedBy(rows, root, Sort.RETAINED_SIZE_DESCENDING, CancelSignal.NEVER);
        long sum = children.page(0, children.size()).rows().stream().mapToLong(NodeRow::retainedSize).sum();
        assertTrue(sum <= LEAK_3.retainedSizes().get(root));
        assertEquals(NodeList.dominatedCount(LEAK_3, root), children.size());
    }

    @Test
    void searchFindsByIdAndByName() {
        assertEquals(81933, LEAK_3.graph().nodeId(NodeSearch.byId(LEAK_3, ObjectIds.parse("@81933"))));
        assertEquals(ObjectIds.NOT_AN_ID, ObjectIds.parse("LeakyItem"));
        NodeSearch.Result found = NodeSearch.byText(rows, "leakyitem", 10, CancelSignal.NEVER);
        assertEquals(10, found.rows().size());
        // Every LeakyItem, and the few strings and functions whose name mentions it.
        NodeSearch.Result all = NodeSearch.byText(rows, "leakyitem", 5000, CancelSignal.NEVER);
        assertEquals(found.total(), all.rows().size());
        assertEquals(1200, all.rows().stream().filter(r -> r.className().equals("LeakyItem")).count());
        assertTrue(all.rows().stream().allMatch(r -> r.name().toLowerCase(java.util.Locale.ROOT)
                .contains("leakyitem")), all.rows().toString());
        assertEquals(List.of("LeakyItem"), found.classes().stream().map(NodeSearch.ClassMatch::name).toList());
        assertEquals(1200, found.classes().get(0).count());
    }

    @Test
    void classRowsSortAndFilterWithoutTouchingTheNumbers() {
        List<ClassAggregate> all = ClassAggregator.aggregate(LEAK_3, NodeFilter.ALL);
        List<ClassAggregate> byCount = ClassRows.sorted(all, new Sort(SortColumn.COUNT, true));
        assertEquals(all.size(), byCount.size());
        assertTrue(byCount.get(0).count() >= byCount.get(1).count());
        assertEquals(List.of("LeakyItem"), ClassRows.filtered(all, "leaky").stream().map(ClassAggregate::name)
                .toList());
    }
}
