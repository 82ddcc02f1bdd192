package heapscope.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.V8Statistics;
import heapscope.parser.model.NodeFilter;
import heapscope.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class row and total of the Summary view, and the Statistics view, equal what Chrome DevTools' own heap
 * snapshot engine computes for the same snapshot: real ones, and tiny ones written by hand on DevTools' boundaries
 * (fixtures/v8/hand: interface names at their 120-character cut-off, truncated and cons strings). The expected JSON
 * was made by ../shared/devtools-oracle (commands in src/test/scripts/v8/make-fixtures.sh) and is committed beside
 * each fixture.
 */
class SummaryMatchesDevToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> snapshots() {
        return Fixtures.v8Snapshots();
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void everyClassRowEqualsDevTools(Path snapshot) throws IOException {
        JsonNode oracle = JSON.readTree(Fixtures.oracleFile(snapshot, "summary.json").toFile());
        AnalyzedHeap heap = Fixtures.load(snapshot);
        assertEquals(oracle.get("nodeCount").asInt(), heap.graph().nodeCount(), "nodeCount");
        assertEquals(oracle.get("edgeCount").asInt(), heap.graph().edgeCount(), "edgeCount");
        assertEquals(oracle.get("totalSize").asLong(), heap.totalSize(), "totalSize");
        assertEquals(oracle.get("maxJsObjectId").asLong(), heap.maxJsObjectId(), "maxJsObjectId");

        Map<String, String> expected = new TreeMap<>();
        for (JsonNode row : oracle.get("classes")) {
            expected.put(row.get("key").asText(), describe(row.get("name").asText(), row.get("count").asLong(),
                    row.get("distance").asInt(), row.get("shallowSize").asLong(), row.get("retainedSize").asLong()));
        }
        Map<String, String> actual = new TreeMap<>();
        for (ClassAggregate row : ClassAggregator.aggregate(heap, NodeFilter.ALL)) {
            actual.put(row.key(), describe(row.name(), row.count(), row.distance(), row.shallowSize(),
                    row.retainedSize()));
        }
        assertEquals(expected, actual);
    }

    /**
     * DevTools' two named filters on a Node snapshot (leak4/leak-4), on a page (browser/detached-dom), and on strings
     * V8 cut at 1024 characters, written by hand (hand/duplicated-strings).
     */
    static List<Path> namedFilterOracles() {
        return Fixtures.oracleFiles(".summary.json", name -> name.endsWith(".duplicatedStrings.summary.json")
                || name.endsWith(".objectsRetainedByDetachedDomNodes.summary.json"), 6);
    }

    @ParameterizedTest
    @MethodSource("namedFilterOracles")
    void namedFiltersEqualDevTools(Path oracleFile) throws IOException {
        String name = oracleFile.getFileName().toString();
        String filterName = name.split("\\.")[1];
        NodeFilter filter = filterName.equals("duplicatedStrings") ? new NodeFilter.DuplicatedStrings()
                : new NodeFilter.DetachedDom();
        Path snapshot = oracleFile.resolveSibling(name.substring(0, name.indexOf('.')) + ".heapsnapshot.gz");
        JsonNode oracle = JSON.readTree(oracleFile.toFile());
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode row : oracle.get("classes")) {
            expected.put(row.get("key").asText(), describe(row.get("name").asText(), row.get("count").asLong(),
                    row.get("distance").asInt(), row.get("shallowSize").asLong(), row.get("retainedSize").asLong()));
        }
        Map<String, String> actual = new TreeMap<>();
        for (ClassAggregate row : ClassAggregator.aggregate(Fixtures.load(snapshot), filter)) {
            actual.put(row.key(), describe(row.name(), row.count(), row.distance(), row.shallowSize(),
                    row.retainedSize()));
        }
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void statisticsEqualDevTools(Path snapshot) throws IOException {
        JsonNode stats = JSON.readTree(Fixtures.oracleFile(snapshot, "stats.json").toFile()).get("statistics");
        V8Statistics actual = (V8Statistics) Fixtures.load(snapshot).statistics();
        assertEquals(stats.get("total").asLong(), actual.total(), "total");
        assertEquals(stats.at("/native/total").asLong(), actual.nativeTotal(), "native");
        assertEquals(stats.at("/native/typedArrays").asLong(), actual.typedArrays(), "typed arrays");
        assertEquals(stats.at("/v8heap/code").asLong(), actual.code(), "code");
        assertEquals(stats.at("/v8heap/strings").asLong(), actual.strings(), "strings");
        assertEquals(stats.at("/v8heap/jsArrays").asLong(), actual.jsArrays(), "JS arrays");
        assertEquals(stats.at("/v8heap/system").asLong(), actual.system(), "system");
    }

    private static String describe(String name, long count, int distance, long shallow, long retained) {
        return name + " count=" + count + " distance=" + distance + " shallow=" + shallow + " retained=" + retained;
    }
}
