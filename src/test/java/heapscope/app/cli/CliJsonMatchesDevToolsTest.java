package heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.Fixtures;
import heapscope.testing.Oracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CLI's JSON, field by field, against the committed DevTools-oracle JSON for the same files (leak4: four snapshots
 * of a Node program that leaks 400 LeakyItems per snapshot). Every number a CI job could read is checked, in order
 * (the leak report's JSON is checked where it is made, issue 13).
 */
class CliJsonMatchesDevToolsTest {
    private static final Path LEAK = Fixtures.V8.resolve("leak4");
    private static final List<String> SUMMARY_ROW = List.of("name", "key", "count", "distance", "shallowSize",
            "retainedSize");
    private static final List<String> DIFF_ROW = List.of("name", "key", "newCount", "deletedCount", "countDelta",
            "allocSize", "freedSize", "sizeDelta");
    private static final List<String> HEAP_INFO = List.of("nodeCount", "edgeCount", "totalSize", "maxJsObjectId");

    private static String file(String name) {
        return LEAK.resolve(name + ".heapsnapshot.gz").toString();
    }

    private static String absolute(String file) {
        return Path.of(file).toAbsolutePath().normalize().toString();
    }

    /** The rows of {@code actual} are the oracle's, in the same order, with exactly these fields. */
    private static void assertRows(JsonNode expected, JsonNode actual, List<String> fields) {
        assertEquals(expected.size(), actual.size(), "rows");
        for (int i = 0; i < expected.size(); i++) {
            List<String> names = new ArrayList<>();
            actual.get(i).fieldNames().forEachRemaining(names::add);
            assertEquals(fields, names, "fields of row " + i);
            for (String field : fields) {
                assertEquals(expected.get(i).get(field), actual.get(i).get(field), "row " + i + " " + field);
            }
        }
    }

    private static void assertFields(JsonNode expected, JsonNode actual, List<String> fields) {
        for (String field : fields) {
            assertEquals(expected.get(field), actual.get(field), field);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void summaryJsonIsDevToolsSummaryRowByRow() {
        JsonNode doc = CliRunner.json("summary", file("leak-4"), "--json", "--no-progress");
        JsonNode oracle = Oracle.read(LEAK.resolve("leak-4.summary.json"));
        assertEquals(List.of("file", "format", "nodeCount", "edgeCount", "totalSize", "maxJsObjectId", "warnings",
                "filter", "unreachable", "classes", "instances"), fieldNames(doc));
        assertEquals(0, doc.get("warnings").size());
        assertEquals(absolute(file("leak-4")), doc.get("file").asText());
        assertEquals("v8-heapsnapshot", doc.get("format").asText());
        assertFields(oracle, doc, HEAP_INFO);
        assertTrue(doc.get("filter").isNull());
        assertTrue(doc.get("unreachable").isNull());
        assertTrue(doc.get("instances").isNull(), "only with --instances");
        assertRows(oracle.get("classes"), doc.get("classes"), SUMMARY_ROW);
    }

    @Test
    void topKeepsTheLargestRows() {
        JsonNode oracle = Oracle.read(LEAK.resolve("leak-4.summary.json")).get("classes");
        JsonNode three = CliRunner.json("summary", file("leak-4"), "--json", "--no-progress", "--top", "3").get("classes");
        assertEquals(3, three.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(oracle.get(i).get("key"), three.get(i).get("key"));
        }
        assertEquals(0, CliRunner.json("summary", file("leak-4"), "--json", "--no-progress", "--top", "0")
                .get("classes").size());
        assertEquals(oracle.size(), CliRunner.json("summary", file("leak-4"), "--json", "--no-progress", "--top",
                Integer.toString(oracle.size())).get("classes").size());
    }

    @Test
    void theThreeSnapshotMethodIsDevToolsAllocationFilterRowByRow() {
        JsonNode doc = CliRunner.json("summary", file("leak-4"), "--allocated-between", file("leak-1"), file("leak-3"),
                "--json", "--no-progress");
        JsonNode oracle = Oracle.read(LEAK.resolve("leak-4.allocated-1-3.summary.json"));
        JsonNode filter = doc.get("filter");
        assertEquals(List.of("kind", "first", "last", "matching", "minIdExclusive", "maxIdInclusive"),
                fieldNames(filter));
        assertEquals("allocated-between", filter.get("kind").asText());
        assertEquals("v8-object-id", filter.get("matching").asText());
        assertEquals(absolute(file("leak-1")), filter.get("first").asText());
        assertEquals(absolute(file("leak-3")), filter.get("last").asText());
        assertEquals(oracle.at("/filter/minIdExclusive"), filter.get("minIdExclusive"));
        assertEquals(oracle.at("/filter/maxIdInclusive"), filter.get("maxIdInclusive"));
        assertFields(oracle, doc, HEAP_INFO);
        assertRows(oracle.get("classes"), doc.get("classes"), SUMMARY_ROW);
        assertEquals(2 * 400, Oracle.classRow(doc, "LeakyItem").get("count").asInt(),
                "the program leaks 400 LeakyItems per snapshot: two steps between snapshot 1 and 3");
    }

    @Test
    void namedFiltersAreDevToolsRowByRow() {
        JsonNode duplicated = CliRunner.json("summary", file("leak-4"), "--filter", "duplicated-strings", "--json",
                "--no-progress");
        assertEquals("duplicated-strings", duplicated.at("/filter/kind").asText());
        assertEquals(1, duplicated.get("filter").size());
        assertRows(Oracle.read(LEAK.resolve("leak-4.duplicatedStrings.summary.json")).get("classes"),
                duplicated.get("classes"), SUMMARY_ROW);
        Path page = Fixtures.V8.resolve("browser/detached-dom.heapsnapshot.gz");
        JsonNode detached = CliRunner.json("summary", page.toString(), "--filter", "detached-dom", "--json",
                "--no-progress");
        assertEquals("detached-dom", detached.at("/filter/kind").asText());
        assertRows(Oracle.read(Fixtures.V8.resolve("browser/detached-dom.objectsRetainedByDetachedDomNodes.summary"
                + ".json")).get("classes"), detached.get("classes"), SUMMARY_ROW);
    }

    /** DevTools' Comparison of snapshot 4 against 3: swapping two columns, or base and target, shows here. */
    @Test
    void diffJsonIsDevToolsComparisonRowByRow() {
        JsonNode doc = CliRunner.json("diff", file("leak-3"), file("leak-4"), "--json", "--no-progress");
        JsonNode oracle = Oracle.read(LEAK.resolve("leak-3__leak-4.diff.json"));
        assertEquals(List.of("base", "target", "matching", "baseInfo", "targetInfo", "objectMatching", "warnings",
                "classes"), fieldNames(doc));
        assertTrue(doc.get("objectMatching").isNull(), "V8 objects are matched by id");
        assertEquals(0, doc.get("warnings").size());
        assertEquals(absolute(file("leak-3")), doc.get("base").asText());
        assertEquals(absolute(file("leak-4")), doc.get("target").asText());
        assertEquals("v8-object-id", doc.get("matching").asText());
        assertEquals(HEAP_INFO, fieldNames(doc.get("baseInfo")));
        assertFields(oracle.get("baseInfo"), doc.get("baseInfo"), HEAP_INFO);
        assertFields(oracle.get("targetInfo"), doc.get("targetInfo"), HEAP_INFO);
        assertRows(oracle.get("classes"), doc.get("classes"), DIFF_ROW);
        JsonNode leaky = Oracle.classRow(doc, "LeakyItem");
        assertEquals(400, leaky.get("newCount").asInt(), "400 new LeakyItems per snapshot");
        assertEquals(0, leaky.get("deletedCount").asInt(), "none of them is ever freed");

        JsonNode top = CliRunner.json("diff", file("leak-3"), file("leak-4"), "--json", "--no-progress", "--top", "2")
                .get("classes");
        assertEquals(2, top.size());
        assertEquals(oracle.at("/classes/1/key"), top.get(1).get("key"));
    }

    @Test
    void retainersJsonIsDevToolsPathStepByStep() {
        long id = Oracle.instanceIds(LEAK.resolve("leak-4.instances-LeakyItem.json")).get(1);
        JsonNode oracle = Oracle.read(LEAK.resolve("leak-4.retainers-" + id + ".json"));
        JsonNode doc = CliRunner.json("retainers", file("leak-4"), "@" + id, "--json", "--no-progress");
        assertEquals(List.of("node", "path", "stop"), fieldNames(doc));
        List<String> nodeFields = List.of("id", "name", "className", "distance");
        assertEquals(nodeFields, fieldNames(doc.get("node")));
        assertFields(oracle.get("node"), doc.get("node"), nodeFields);
        JsonNode path = doc.get("path");
        assertEquals(oracle.get("path").size(), path.size());
        for (int i = 0; i < path.size(); i++) {
            JsonNode want = oracle.get("path").get(i);
            assertEquals(List.of("edgeName", "edgeType", "node"), fieldNames(path.get(i)));
            assertFields(want, path.get(i), List.of("edgeName", "edgeType"));
            assertFields(want.get("node"), path.get(i).get("node"), nodeFields);
        }
        assertEquals("distance<=1", oracle.get("pathStop").asText());
        assertEquals("REACHED_ROOT", doc.get("stop").asText());
        // The same object by its id in hex and without the '@'.
        assertEquals(doc, CliRunner.json("retainers", file("leak-4"), "@0x" + Long.toHexString(id), "--json",
                "--no-progress"));
        assertEquals(doc, CliRunner.json("retainers", file("leak-4"), Long.toString(id), "--json", "--no-progress"));
    }

    @Test
    void theRootHasAnEmptyPath() {
        JsonNode root = CliRunner.json("retainers", file("leak-1"), "@1", "--json", "--no-progress");
        assertEquals(1, root.at("/node/id").asLong());
        assertEquals(0, root.get("path").size());
        assertEquals("NO_RETAINERS", root.get("stop").asText());
    }

    @Test
    void infoJsonHasTheOraclesCountsAndTheEnginesMemory() throws Exception {
        JsonNode doc = CliRunner.json("info", file("leak-4"), "--json", "--no-progress");
        JsonNode oracle = Oracle.read(LEAK.resolve("leak-4.summary.json"));
        assertEquals(List.of("file", "format", "fileSize", "nodeCount", "edgeCount", "stringCount", "totalSize",
                "maxJsObjectId", "phases", "totalMillis", "peakHeapBytes", "peakRssBytes", "engineBytes",
                "offHeapBytes", "bytesPerNode", "bytesPerEdge", "unreachable", "details", "warnings"), fieldNames(doc));
        assertEquals(absolute(file("leak-4")), doc.get("file").asText());
        assertEquals("v8-heapsnapshot", doc.get("format").asText());
        assertEquals(Files.size(Path.of(file("leak-4"))), doc.get("fileSize").asLong());
        assertFields(oracle, doc, HEAP_INFO);

        // The phases in the order they ran, each once, with their labels; they add up to no more than the total.
        List<Phase> phases = new ArrayList<>();
        long sum = 0;
        for (JsonNode phase : doc.get("phases")) {
            Phase p = Phase.valueOf(phase.get("phase").asText());
            assertEquals(p.label(), phase.get("label").asText());
            assertTrue(phase.get("millis").asLong() >= 0);
            sum += phase.get("millis").asLong();
            phases.add(p);
        }
        List<Phase> ordered = new ArrayList<>(phases);
        ordered.sort(null);
        assertEquals(ordered, phases);
        assertEquals(List.of(Phase.READING_FILE, Phase.PROPAGATING_DOM_STATE, Phase.BUILDING_RETAINERS,
                Phase.CALCULATING_FLAGS, Phase.CALCULATING_SHALLOW_SIZES, Phase.CALCULATING_DISTANCES,
                Phase.BUILDING_DOMINATOR_TREE, Phase.CALCULATING_RETAINED_SIZES, Phase.CALCULATING_OBJECT_NAMES,
                Phase.CALCULATING_STATISTICS), phases.stream().filter(p -> p != Phase.INDEXING_OBJECTS
                && p != Phase.BUILDING_GRAPH).toList());
        assertTrue(sum <= doc.get("totalMillis").asLong(), doc.get("phases") + " total " + doc.get("totalMillis"));
        assertTrue(doc.get("totalMillis").asLong() < 600_000, "a 50,000-node snapshot opens within minutes");

        // Memory: what the engine holds for this heap; per edge the graph's 8 bytes and the retainer index's 4
        // (README, Memory).
        AnalyzedHeap heap = HeapLoader.load(Path.of(file("leak-4")), ProgressListener.NO_OP, CancelSignal.NEVER);
        assertEquals(heap.graph().strings().size(), doc.get("stringCount").asInt());
        assertEquals(heap.retainedBytes(), doc.get("engineBytes").asLong());
        assertEquals(12.0, doc.get("bytesPerEdge").asDouble());
        long perNodeBytes = heap.retainedBytes() - heap.graph().strings().retainedBytes() - heap.edgeBytes();
        assertEquals(Math.round(10.0 * perNodeBytes / heap.graph().nodeCount()) / 10.0,
                doc.get("bytesPerNode").asDouble());
        assertTrue(doc.get("bytesPerNode").asDouble() >= 15 + 27, "at least the documented 42 bytes per node");
        assertTrue(doc.get("peakHeapBytes").asLong() >= heap.retainedBytes(), "the heap held this analysed heap");
        assertTrue(doc.get("peakRssBytes").asLong() > doc.get("peakHeapBytes").asLong() / 4, doc.toString());
        assertTrue(doc.get("unreachable").isNull());
        assertEquals(0, doc.get("warnings").size());
    }
}
