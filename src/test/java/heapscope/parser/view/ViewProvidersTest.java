package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.testing.Fixtures;
import heapscope.testing.Oracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The view providers on the demo series, against what DevTools lists for the same file (the oracle's JSON under
 * fixtures/v8/demo/: ids, sizes and filter bounds come from there).
 */
class ViewProvidersTest {
    private static final Path ORACLE = Fixtures.V8.resolve("demo");
    private static AnalyzedHeap leak3;
    private static List<Long> leakyIds;
    private NodeRows rows;

    @BeforeAll
    static void load() {
        leak3 = Fixtures.load(Fixtures.DEMO.resolve("leak-3.heapsnapshot.gz"));
        leakyIds = Oracle.instanceIds(ORACLE.resolve("leak-3.instances-LeakyItem.json"));
    }

    @BeforeEach
    void rows() {
        rows = new NodeRows(leak3);
    }

    private ClassAggregate leakyItem(NodeFilter filter) {
        return ClassAggregator.aggregate(leak3, filter).stream().filter(c -> c.name().equals("LeakyItem"))
                .findFirst().orElseThrow();
    }

    @Test
    void instancesOfAClassAreAsManyAsItsCountAndLargestFirstTiesByIdAsInDevTools() {
        ClassAggregate leaky = leakyItem(NodeFilter.ALL);
        NodeList instances = NodeList.instances(rows, leaky.classId(), NodeFilter.ALL, Sort.RETAINED_SIZE_DESCENDING,
                CancelSignal.NEVER);
        JsonNode oracle = Oracle.read(ORACLE.resolve("leak-3.instances-LeakyItem.json"));
        assertEquals(oracle.get("instanceCount").asInt(), instances.size());
        assertEquals(3 * 400, instances.size(), "the program leaks 400 LeakyItems per snapshot");
        assertEquals(leaky.count(), instances.size());
        List<NodeRow> first = instances.page(0, 3).rows();
        for (int i = 0; i < 3; i++) {
            JsonNode want = oracle.get("instances").get(i);
            NodeRow row = first.get(i);
            assertEquals(want.get("id").asLong(), row.id());
            assertEquals("LeakyItem @" + want.get("id").asLong(), row.label());
            assertEquals(want.get("className").asText(), row.className());
            assertEquals(want.get("type").asText(), row.type());
            assertEquals(want.get("retainedSize").asLong(), row.retainedSize());
            assertEquals(want.get("selfSize").asLong(), row.shallowSize());
            assertEquals(want.get("distance").asInt(), row.distance());
            assertEquals(false, row.detached());
            assertEquals(false, row.hexId());
        }
    }

    @Test
    void pagesAreWindowsOfTheSortedList() {
        ClassAggregate leaky = leakyItem(NodeFilter.ALL);
        NodeList instances = NodeList.instances(rows, leaky.classId(), NodeFilter.ALL, Sort.RETAINED_SIZE_DESCENDING,
                CancelSignal.NEVER);
        List<NodeRow> all = instances.page(0, instances.size()).rows();
        Page<NodeRow> page = instances.page(1150, 100);
        assertEquals(all.subList(1150, 1200), page.rows());
        assertEquals(1150, page.begin());
        assertEquals(1200, page.end());
        assertEquals(1200, page.total());
        assertEquals(0, page.remaining());
        Page<NodeRow> middle = instances.page(10, 5);
        assertEquals(all.subList(10, 15), middle.rows());
        assertEquals(1200 - 15, middle.remaining());
        assertEquals(List.of(), instances.page(5000, 10).rows(), "a page past the end is empty");
        assertEquals(1200, instances.page(5000, 10).begin());
        assertEquals(List.of(), instances.page(0, -1).rows(), "a negative count is an empty page");
        assertEquals(all.subList(0, 2), instances.page(-3, 2).rows(), "a negative start is the first row");
        assertEquals(1200, instances.page(0, Integer.MAX_VALUE).rows().size());
        int id = instances.indexOf(all.get(17).ordinal());
        assertEquals(17, id);
        assertEquals(-1, instances.indexOf(leak3.graph().rootOrdinal()));
        assertEquals(Sort.RETAINED_SIZE_DESCENDING, instances.sort());
    }

    @Test
    void theAllocationFilterKeepsTheInstancesMadeBetweenTwoSnapshots() {
        JsonNode oracle = Oracle.read(ORACLE.resolve("leak-3.allocated-1-2.summary.json"));
        long min = oracle.at("/filter/minIdExclusive").asLong();
        long max = oracle.at("/filter/maxIdInclusive").asLong();
        NodeFilter between = new NodeFilter.AllocatedBetween(min, max);
        ClassAggregate leaky = leakyItem(between);
        NodeList instances = NodeList.instances(rows, leaky.classId(), between, Sort.RETAINED_SIZE_DESCENDING,
                CancelSignal.NEVER);
        assertEquals(Oracle.classRow(oracle, "LeakyItem").get("count").asInt(), instances.size());
        assertEquals(400, instances.size(), "the program leaks 400 LeakyItems between two snapshots");
        assertTrue(instances.page(0, 400).rows().stream().allMatch(r -> r.id() > min && r.id() <= max));
        ObjectFilter filter = ObjectFilter.of(leak3, between, CancelSignal.NEVER);
        assertEquals(between, filter.filter());
        assertEquals(ClassAggregator.aggregate(leak3, between), filter.aggregate(leak3));
        assertEquals(instances.size(), NodeList.instances(rows, leaky.classId(), filter, Sort.DISTANCE_ASCENDING,
                CancelSignal.NEVER).size());
    }

    @Test
    void retainersAreDevToolsRetainersClosestFirstWithElementIndexesInBrackets() {
        long item = leakyIds.get(1);
        JsonNode oracle = Oracle.read(ORACLE.resolve("leak-3.retainers-" + item + ".json"));
        RetainerList retainers = RetainerList.of(rows, new RetainerView(leak3), NodeSearch.byId(leak3, item),
                Sort.DISTANCE_ASCENDING, CancelSignal.NEVER);
        assertEquals(oracle.get("retainers").size(), retainers.size());
        List<RetainerRow> listed = retainers.page(0, retainers.size()).rows();
        for (int i = 0; i < listed.size(); i++) {
            JsonNode want = oracle.get("retainers").get(i);
            EdgeRow edge = listed.get(i).edge();
            assertEquals(want.at("/node/id").asLong(), edge.node().id());
            assertEquals(want.get("edgeType").asText(), edge.edgeType());
            String name = want.get("edgeName").asText();
            assertEquals(want.get("edgeType").asText().equals("element") ? "[" + name + "]" : name,
                    edge.edgeLabel());
            assertEquals(edge.edgeLabel() + " in " + edge.node().label(), edge.label());
            assertEquals(true, edge.retainer());
            assertEquals(want.at("/node/distance").asInt(), listed.get(i).sortDistance());
            assertEquals(false, listed.get(i).ignored());
            assertEquals(false, listed.get(i).unreachable());
        }
        assertEquals("[" + oracle.at("/path/0/edgeName").asText() + "] in Array @" + oracle.at("/path/0/node/id")
                .asLong(), listed.get(0).edge().label());
    }

    @Test
    void retainersSortedByAnotherColumnUseTheRetainersValuesAndKeepTheEngineOrderForTies() {
        int item = NodeSearch.byId(leak3, leakyIds.get(1));
        RetainerView view = new RetainerView(leak3);
        List<RetainerRow> ranked = RetainerList.of(rows, view, item, Sort.DISTANCE_ASCENDING, CancelSignal.NEVER)
                .page(0, 10).rows();
        for (Sort sort : List.of(Sort.RETAINED_SIZE_DESCENDING, new Sort(SortColumn.RETAINED_SIZE, false),
                new Sort(SortColumn.SHALLOW_SIZE, true), new Sort(SortColumn.DISTANCE, true),
                new Sort(SortColumn.NAME, false))) {
            List<RetainerRow> expected = new ArrayList<>(ranked);
            // (Maps rather than switches over SortColumn: PIT mutates this package, and a switch's synthetic class
            // in a test breaks its coverage run.)
            Comparator<RetainerRow> order = Map.<SortColumn, Comparator<RetainerRow>>of(
                    SortColumn.RETAINED_SIZE, Comparator.comparingLong(r -> r.edge().node().retainedSize()),
                    SortColumn.SHALLOW_SIZE, Comparator.comparingLong(r -> r.edge().node().shallowSize()),
                    SortColumn.DISTANCE, Comparator.comparingInt(RetainerRow::sortDistance),
                    SortColumn.NAME, Comparator.comparing(r -> r.edge().node().name())).get(sort.column());
            expected.sort(sort.descending() ? order.reversed() : order); // stable: ties keep the engine's order
            List<RetainerRow> actual = RetainerList.of(rows, view, item, sort, CancelSignal.NEVER).page(0, 10).rows();
            assertEquals(expected, actual, sort.toString());
        }
    }

    @Test
    void anIgnoredRetainerSortsLastAndIsMarked() {
        long itemId = leakyIds.get(1);
        int item = NodeSearch.byId(leak3, itemId);
        long arrayId = Oracle.read(ORACLE.resolve("leak-3.retainers-" + itemId + ".json")).at("/path/0/node/id")
                .asLong();
        RetainerView view = new RetainerView(leak3);
        view.ignore(NodeSearch.byId(leak3, arrayId), CancelSignal.NEVER);
        List<RetainerRow> all = RetainerList.of(rows, view, item, Sort.DISTANCE_ASCENDING, CancelSignal.NEVER)
                .page(0, 10).rows();
        // DevTools' rule: the ignored retainer and what only it kept reachable (its elements store) sort after every
        // retainer that still reaches a root, each at 2e8 plus its original distance.
        assertEquals(2, all.size());
        for (RetainerRow row : all) {
            assertTrue(row.unreachable(), row.toString());
            assertEquals(200_000_000 + row.edge().node().distance(), row.sortDistance(), row.toString());
            assertEquals(row.edge().node().id() == arrayId, row.ignored(), row.toString());
        }
        assertTrue(all.get(0).sortDistance() <= all.get(1).sortDistance());
        assertTrue(all.stream().anyMatch(RetainerRow::ignored));
    }

    @Test
    void outgoingEdgesSortByNameWithNamesBeforeIndexesAndProtoLast() {
        long arrayId = Oracle.read(ORACLE.resolve("leak-3.retainers-" + leakyIds.get(1) + ".json"))
                .at("/path/0/node/id").asLong();
        int array = NodeSearch.byId(leak3, arrayId);
        EdgeList byName = EdgeList.outgoing(rows, array, new Sort(SortColumn.NAME, false), CancelSignal.NEVER);
        assertEquals(EdgeList.outgoingCount(leak3, array), byName.size());
        List<String> labels = byName.page(0, byName.size()).rows().stream().map(EdgeRow::edgeLabel).toList();
        // An Array of 1200 LeakyItems: its named references (map, elements store, ...) by name, __proto__ last of
        // them, then the elements by index.
        int firstIndex = labels.indexOf("[0]");
        List<String> named = labels.subList(0, firstIndex);
        assertTrue(named.stream().noneMatch(l -> l.startsWith("[")), labels.toString());
        List<String> sortedNames = new ArrayList<>(named.stream().filter(l -> !l.equals("__proto__")).sorted().toList());
        if (named.contains("__proto__")) {
            sortedNames.add("__proto__");
        }
        assertEquals(sortedNames, named);
        for (int i = firstIndex; i < labels.size(); i++) {
            assertEquals("[" + (i - firstIndex) + "]", labels.get(i));
        }
        List<String> descending = EdgeList.outgoing(rows, array, new Sort(SortColumn.NAME, true), CancelSignal.NEVER)
                .page(0, byName.size()).rows().stream().map(EdgeRow::edgeLabel).toList();
        List<String> reversed = new ArrayList<>(labels);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, descending);

        for (Sort sort : List.of(Sort.RETAINED_SIZE_DESCENDING, new Sort(SortColumn.SHALLOW_SIZE, false),
                new Sort(SortColumn.DISTANCE, true))) {
            List<EdgeRow> all = EdgeList.outgoing(rows, array, sort, CancelSignal.NEVER).page(0, byName.size()).rows();
            Comparator<EdgeRow> order = Map.<SortColumn, Comparator<EdgeRow>>of(
                    SortColumn.RETAINED_SIZE, Comparator.comparingLong(e -> e.node().retainedSize()),
                    SortColumn.SHALLOW_SIZE, Comparator.comparingLong(e -> e.node().shallowSize()),
                    SortColumn.DISTANCE, Comparator.comparingInt(e -> e.node().distance())).get(sort.column());
            Comparator<EdgeRow> expected = (sort.descending() ? order.reversed() : order)
                    .thenComparingInt(EdgeRow::edgeIndex);
            List<EdgeRow> sorted = new ArrayList<>(all);
            sorted.sort(expected);
            assertEquals(sorted, all, sort.toString());
        }
    }

    /** The root retains what its dominator-tree children retain, plus its own size: the sum is exact. */
    @Test
    void theRootsDominatorChildrenRetainAllTheRootRetainsButItsOwnSize() {
        int root = leak3.graph().rootOrdinal();
        NodeList children = NodeList.dominatedBy(rows, root, Sort.RETAINED_SIZE_DESCENDING, CancelSignal.NEVER);
        List<NodeRow> all = children.page(0, children.size()).rows();
        long sum = all.stream().mapToLong(NodeRow::retainedSize).sum();
        assertEquals(leak3.retainedSizes().get(root) - leak3.shallowSizes().get(root), sum);
        assertEquals(NodeList.dominatedCount(leak3, root), children.size());
        for (int i = 1; i < all.size(); i++) {
            NodeRow a = all.get(i - 1);
            NodeRow b = all.get(i);
            assertTrue(a.retainedSize() > b.retainedSize()
                    || a.retainedSize() == b.retainedSize() && a.id() < b.id(), a + " before " + b);
        }
        for (NodeRow child : all.subList(0, 20)) {
            assertEquals(root, leak3.dominator(child.ordinal()));
        }
    }

    @Test
    void searchFindsByIdAndByName() {
        long id = leakyIds.get(1);
        assertEquals(id, leak3.graph().nodeId(NodeSearch.byId(leak3, ObjectIds.parse("@" + id))));
        assertEquals(-1, NodeSearch.byId(leak3, 2), "V8 ids of JS objects are odd; 2 is none");

        NodeSearch.Result found = NodeSearch.byText(rows, " leakyitem ", 10, CancelSignal.NEVER);
        HeapGraph g = leak3.graph();
        int matching = 0;
        for (int node = 0; node < g.nodeCount(); node++) {
            if (g.nodeName(node).toLowerCase(Locale.ROOT).contains("leakyitem") && leak3.shallowSizes().get(node) > 0) {
                matching++;
            }
        }
        assertEquals(matching, found.total(), "every LeakyItem, and the strings and functions whose name mentions it");
        assertEquals(10, found.rows().size());
        NodeList largest = NodeList.of(rows, found.rows().stream().mapToInt(NodeRow::ordinal).toArray(),
                Sort.RETAINED_SIZE_DESCENDING, CancelSignal.NEVER);
        assertEquals(largest.page(0, 10).rows(), found.rows(), "largest retained size first");
        NodeSearch.Result all = NodeSearch.byText(rows, "LEAKYITEM", 5000, CancelSignal.NEVER);
        assertEquals(found.total(), all.rows().size());
        long leakyItems = Oracle.read(ORACLE.resolve("leak-3.instances-LeakyItem.json")).get("instanceCount").asLong();
        assertEquals(leakyItems, all.rows().stream().filter(r -> r.className().equals("LeakyItem")).count());
        assertEquals(List.of("LeakyItem"), found.classes().stream().map(NodeSearch.ClassMatch::name).toList());
        assertEquals(leakyItems, found.classes().get(0).count());
    }

    @Test
    void classRowsSortAndFilterWithoutTouchingTheNumbers() {
        List<ClassAggregate> all = ClassAggregator.aggregate(leak3, NodeFilter.ALL);
        for (SortColumn column : List.of(SortColumn.NAME, SortColumn.DISTANCE, SortColumn.COUNT,
                SortColumn.SHALLOW_SIZE, SortColumn.RETAINED_SIZE)) {
            for (boolean descending : List.of(false, true)) {
                Sort sort = new Sort(column, descending);
                Comparator<ClassAggregate> primary = Map.<SortColumn, Comparator<ClassAggregate>>of(
                        SortColumn.NAME, Comparator.comparing(ClassAggregate::name),
                        SortColumn.DISTANCE, Comparator.comparingInt(ClassAggregate::distance),
                        SortColumn.COUNT, Comparator.comparingLong(ClassAggregate::count),
                        SortColumn.SHALLOW_SIZE, Comparator.comparingLong(ClassAggregate::shallowSize),
                        SortColumn.RETAINED_SIZE, Comparator.comparingLong(ClassAggregate::retainedSize)).get(column);
                List<ClassAggregate> expected = new ArrayList<>(all);
                expected.sort((descending ? primary.reversed() : primary).thenComparing(ClassAggregate::name)
                        .thenComparing(ClassAggregate::key));
                assertEquals(expected, ClassRows.sorted(all, sort), sort.toString());
            }
        }
        assertEquals(List.of("LeakyItem"), ClassRows.filtered(all, " leaky ").stream().map(ClassAggregate::name)
                .toList());
        assertEquals(all, ClassRows.filtered(all, " "));
        assertEquals(all, ClassRows.filtered(all, null));
    }
}
