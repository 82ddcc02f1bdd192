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
import heapscope.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Comparison, "Objects allocated between Snapshot 1 and Snapshot N-1" and the Retainers pane equal DevTools' engine
 * on the real snapshot series (leak4, listeners, buffer-cache, demo). Expected JSON from ../shared/devtools-oracle.
 */
class SeriesMatchesDevToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every committed oracle file of one kind, e.g. {@code *.diff.json}. */
    private static List<Path> oracleFiles(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.V8)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The snapshot a name such as {@code leak-3} stands for, in the oracle file's folder or the demo series. */
    private static Path snapshot(Path oracleFile, String name) {
        Path beside = oracleFile.resolveSibling(name + ".heapsnapshot.gz");
        return Files.exists(beside) ? beside : Fixtures.DEMO.resolve(name + ".heapsnapshot.gz");
    }

    static List<Path> diffs() throws IOException {
        return oracleFiles(".diff.json");
    }

    static List<Path> allocationFilters() throws IOException {
        return oracleFiles(".summary.json").stream().filter(p -> p.getFileName().toString().contains(".allocated-"))
                .toList();
    }

    static List<Path> retainerLists() throws IOException {
        return oracleFiles(".json").stream().filter(p -> p.getFileName().toString().contains(".retainers-")).toList();
    }

    @ParameterizedTest
    @MethodSource("diffs")
    void comparisonEqualsDevTools(Path oracleFile) throws IOException {
        String[] names = oracleFile.getFileName().toString().replace(".diff.json", "").split("__");
        AnalyzedHeap base = Fixtures.load(snapshot(oracleFile, names[0]));
        AnalyzedHeap target = Fixtures.load(snapshot(oracleFile, names[1]));
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode row : JSON.readTree(oracleFile.toFile()).get("classes")) {
            expected.put(row.get("key").asText(), row.get("name").asText() + " new=" + row.get("newCount") + " deleted="
                    + row.get("deletedCount") + " alloc=" + row.get("allocSize") + " freed=" + row.get("freedSize"));
        }
        Map<String, String> actual = new TreeMap<>();
        for (ClassDiff d : SnapshotComparer.compare(base, target, CancelSignal.NEVER)) {
            actual.put(d.key(), d.name() + " new=" + d.newCount() + " deleted=" + d.deletedCount() + " alloc="
                    + d.allocSize() + " freed=" + d.freedSize());
        }
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @MethodSource("allocationFilters")
    void allocatedBetweenEqualsDevTools(Path oracleFile) throws IOException {
        JsonNode oracle = JSON.readTree(oracleFile.toFile());
        String viewed = oracleFile.getFileName().toString().replaceAll("\\.allocated-.*", "");
        AnalyzedHeap heap = Fixtures.load(snapshot(oracleFile, viewed));
        String[] bounds = oracleFile.getFileName().toString().replaceAll(".*\\.allocated-(\\d+)-(\\d+).*", "$1 $2")
                .split(" ");
        String series = viewed.replaceAll("-\\d+$", "");
        long min = Fixtures.load(snapshot(oracleFile, series + "-" + bounds[0])).maxJsObjectId();
        long max = Fixtures.load(snapshot(oracleFile, series + "-" + bounds[1])).maxJsObjectId();
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
                + heap.classes().name(heap.classes().classByNode()[n]) + ", " + heap.distances()[n] + ")";
    }
}
