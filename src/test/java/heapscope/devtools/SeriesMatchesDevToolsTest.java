package heapscope.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.analysis.NodeNames;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.analysis.SnapshotComparer;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.model.RetainerPath;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.read.HeapFiles;
import heapscope.parser.view.NodeList;
import heapscope.parser.view.NodeRow;
import heapscope.parser.view.NodeRows;
import heapscope.parser.view.Sort;
import heapscope.testing.Fixtures;
import heapscope.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Comparison, "Objects allocated between Snapshot 1 and Snapshot N-1" and the Retainers pane equal DevTools' engine
 * on the real snapshot series (leak4, listeners, buffer-cache, demo); Comparison also on a hand-written pair
 * (fixtures/v8/hand/interfaces-base and -target). Expected JSON from ../shared/devtools-oracle.
 */
class SeriesMatchesDevToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The snapshot a name such as {@code leak-3} stands for, in the oracle file's folder or the demo series. */
    private static Path snapshot(Path oracleFile, String name) {
        Path beside = oracleFile.resolveSibling(name + ".heapsnapshot.gz");
        return Files.exists(beside) ? beside : Fixtures.DEMO.resolve(name + ".heapsnapshot.gz");
    }

    /**
     * The comparison of each consecutive pair of each series (demo 2, leak4 3, listeners 2, buffer-cache 2) and of
     * the hand-written pair whose target's interfaces name a property the base's objects lack.
     */
    static List<Path> diffs() {
        return Fixtures.oracleFiles(".diff.json", name -> true, 10);
    }

    /** One per series: its last snapshot filtered to the objects allocated between its first and second-to-last. */
    static List<Path> allocationFilters() {
        return Fixtures.oracleFiles(".summary.json", name -> name.contains(".allocated-"), 4);
    }

    /** Three instances of the leaking class of each series. */
    static List<Path> retainerLists() {
        return Fixtures.oracleFiles(".json", name -> name.contains(".retainers-"), 12);
    }

    @ParameterizedTest
    @MethodSource("diffs")
    void comparisonEqualsDevTools(Path oracleFile) throws IOException {
        String[] names = oracleFile.getFileName().toString().replace(".diff.json", "").split("__");
        AnalyzedHeap base = Fixtures.load(snapshot(oracleFile, names[0]));
        AnalyzedHeap target = Fixtures.load(snapshot(oracleFile, names[1]));
        // Row by row in DevTools' order (largest allocated size first), every column of the Comparison view.
        List<String> expected = new ArrayList<>();
        for (JsonNode row : JSON.readTree(oracleFile.toFile()).get("classes")) {
            expected.add(row.get("key").asText() + " " + row.get("name").asText() + " new=" + row.get("newCount")
                    + " deleted=" + row.get("deletedCount") + " delta=" + row.get("countDelta") + " alloc="
                    + row.get("allocSize") + " freed=" + row.get("freedSize") + " sizeDelta=" + row.get("sizeDelta"));
        }
        List<String> actual = new ArrayList<>();
        for (ClassDiff d : SnapshotComparer.compare(base, target, CancelSignal.NEVER)) {
            actual.add(d.key() + " " + d.name() + " new=" + d.newCount() + " deleted=" + d.deletedCount() + " delta="
                    + d.countDelta() + " alloc=" + d.allocSize() + " freed=" + d.freedSize() + " sizeDelta="
                    + d.sizeDelta());
            assertEquals(d.newCount(), d.newNodes().length, d.key());
            assertEquals(d.deletedCount(), d.deletedNodes().length, d.key());
        }
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @MethodSource("allocationFilters")
    void allocatedBetweenEqualsDevTools(Path oracleFile) throws Exception {
        JsonNode oracle = JSON.readTree(oracleFile.toFile());
        String viewed = oracleFile.getFileName().toString().replaceAll("\\.allocated-.*", "");
        AnalyzedHeap heap = Fixtures.load(snapshot(oracleFile, viewed));
        String[] bounds = oracleFile.getFileName().toString().replaceAll(".*\\.allocated-(\\d+)-(\\d+).*", "$1 $2")
                .split(" ");
        String series = viewed.replaceAll("-\\d+$", "");
        long min = HeapFiles.maxJsObjectId(snapshot(oracleFile, series + "-" + bounds[0]));
        long max = HeapFiles.maxJsObjectId(snapshot(oracleFile, series + "-" + bounds[1]));
        assertEquals(oracle.at("/filter/minIdExclusive").asLong(), min);
        assertEquals(oracle.at("/filter/maxIdInclusive").asLong(), max);
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode row : oracle.get("classes")) {
            expected.put(row.get("key").asText(), row.get("count") + " " + row.get("distance") + " "
                    + row.get("shallowSize") + " " + row.get("retainedSize"));
        }
        Map<String, String> actual = new TreeMap<>();
        for (ClassAggregate row : ClassAggregator.aggregate(heap, new NodeFilter.AllocatedBetween(min, max))) {
            actual.put(row.key(), row.count() + " " + row.distance() + " " + row.shallowSize() + " "
                    + row.retainedSize());
        }
        assertEquals(expected, actual);
    }

    /** The leaking class of each series, as DevTools lists its instances when the class row is expanded. */
    static List<Path> instanceLists() {
        return Fixtures.oracleFiles(".json", name -> name.contains(".instances-"), 4);
    }

    @ParameterizedTest
    @MethodSource("instanceLists")
    void instancesOfTheLeakingClassEqualDevTools(Path oracleFile) {
        JsonNode oracle = Oracle.read(oracleFile);
        String viewed = oracleFile.getFileName().toString().replaceAll("\\.instances-.*", "");
        AnalyzedHeap heap = Fixtures.load(snapshot(oracleFile, viewed));
        List<ClassAggregate> classes = ClassAggregator.aggregate(heap, NodeFilter.ALL).stream()
                .filter(c -> c.name().equals(oracle.get("className").asText())).toList();
        List<String> keys = new ArrayList<>();
        oracle.get("classKeys").forEach(k -> keys.add(k.asText()));
        assertEquals(keys, classes.stream().map(ClassAggregate::key).toList());
        ClassAggregate shown = classes.get(0);
        NodeList instances = NodeList.instances(new NodeRows(heap), shown.classId(), NodeFilter.ALL,
                Sort.RETAINED_SIZE_DESCENDING, CancelSignal.NEVER);
        assertEquals(oracle.get("instanceCount").asInt(), instances.size());
        List<String> expected = new ArrayList<>();
        oracle.get("instances").forEach(i -> expected.add(i.get("id").asLong() + " " + i.get("name").asText() + " ("
                + i.get("className").asText() + ", " + i.get("type").asText() + ") distance " + i.get("distance")
                .asInt() + " self " + i.get("selfSize").asLong() + " retained " + i.get("retainedSize").asLong()));
        List<String> actual = new ArrayList<>();
        for (NodeRow row : instances.page(0, oracle.get("listed").asInt()).rows()) {
            actual.add(row.id() + " " + NodeNames.nodeName(heap.graph(), row.ordinal()) + " (" + row.className() + ", "
                    + row.type() + ") distance " + row.distance() + " self " + row.shallowSize() + " retained "
                    + row.retainedSize());
        }
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @MethodSource("retainerLists")
    void retainersAndTheirAutoExpandedPathEqualDevTools(Path oracleFile) throws IOException {
        JsonNode oracle = JSON.readTree(oracleFile.toFile());
        String viewed = oracleFile.getFileName().toString().replaceAll("\\.retainers-.*", "");
        AnalyzedHeap heap = Fixtures.load(snapshot(oracleFile, viewed));
        int node = heap.graph().ordinalOfId(oracle.at("/node/id").asLong());
        assertTrue(node >= 0);
        RetainerView view = new RetainerView(heap);

        List<String> expectedList = new ArrayList<>();
        oracle.get("retainers").forEach(r -> expectedList.add(describe(r)));
        List<String> actualList = new ArrayList<>();
        for (RetainerEdge edge : view.retainers(node)) {
            actualList.add(describe(heap, edge));
        }
        assertEquals(expectedList, actualList);

        List<String> expectedPath = new ArrayList<>();
        oracle.get("path").forEach(step -> expectedPath.add(describe(step)));
        List<String> actualPath = new ArrayList<>();
        RetainerPath path = view.shortestPath(node);
        for (RetainerEdge edge : path.steps()) {
            actualPath.add(describe(heap, edge));
        }
        assertEquals(expectedPath, actualPath);
    }

    private static String describe(JsonNode step) {
        JsonNode n = step.get("node");
        return step.get("edgeType").asText() + " " + step.get("edgeName").asText() + " <- " + n.get("name").asText()
                + " @" + n.get("id").asLong() + " (" + n.get("className").asText() + ", " + n.get("distance").asInt()
                + ")";
    }

    private static String describe(AnalyzedHeap heap, RetainerEdge edge) {
        int n = edge.retainerNode();
        return heap.graph().edgeTypeName(edge.edgeIndex()) + " " + NodeNames.edgeName(heap.graph(), edge.edgeIndex())
                + " <- " + NodeNames.nodeName(heap.graph(), n) + " @" + heap.graph().nodeId(n) + " ("
                + heap.classes().name(heap.classes().classByNode().get(n)) + ", " + heap.distance(n) + ")";
    }
}
