package heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import heapscope.app.cli.CliRunner.Run;
import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.view.Units;
import heapscope.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis cache and the portable index from the command line. The index test is the issue's acceptance test: a
 * dump opened from its index alone (the dump moved away) gives every command's JSON equal, field by field, to the
 * JSON from the dump itself. The cache lives in a temporary folder (the system property), never the user's.
 */
class CacheCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LEAK = Fixtures.V8.resolve("leak4");
    private static final Path JAVA_DUMP = Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz");

    @TempDir
    Path temp;
    private Path cacheFolder;
    private String cacheSwitch;
    private String cacheDir;

    @BeforeEach
    void useATemporaryCache() {
        cacheSwitch = System.clearProperty("heapscope.cache");
        cacheFolder = temp.resolve("cache");
        cacheDir = System.setProperty("heapscope.cache.dir", cacheFolder.toString());
    }

    @AfterEach
    void restoreTheTestSettings() {
        restore("heapscope.cache", cacheSwitch);
        restore("heapscope.cache.dir", cacheDir);
    }

    @Test
    void aV8SeriesOpenedFromItsIndexesAloneGivesTheSameJson() throws IOException {
        Path dumps = Files.createDirectory(temp.resolve("dumps"));
        List<Path> snapshots = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            snapshots.add(Files.copy(LEAK.resolve("leak-" + i + ".heapsnapshot.gz"),
                    dumps.resolve("leak-" + i + ".heapsnapshot.gz")));
        }
        List<List<String>> commands = v8Commands(snapshots);
        List<JsonNode> fromDumps = commands.stream().map(c -> json(c, "--no-cache")).toList();
        List<Path> indexes = indexAndRemove(snapshots);
        List<List<String>> onIndexes = v8Commands(indexes);
        for (int i = 0; i < commands.size(); i++) {
            assertSameJson(fromDumps.get(i), json(onIndexes.get(i), "--no-cache"), String.join(" ", commands.get(i)));
        }
        assertFalse(Files.exists(cacheFolder), "--no-cache wrote nothing");
    }

    @Test
    void aJavaDumpOpenedFromItsIndexAloneGivesTheSameJsonAndStringTexts() throws Exception {
        Path dump = inflate(JAVA_DUMP, Files.createDirectory(temp.resolve("dumps")));
        String stringId = "@" + aStringWithText(dump);
        List<List<String>> fromDump = javaCommands(dump, stringId);
        List<JsonNode> expected = fromDump.stream().map(c -> json(c, "--no-cache")).toList();
        String retainersText = CliRunner.run("retainers", dump.toString(), stringId, "--no-cache", "--no-progress")
                .out();
        assertTrue(retainersText.contains("java.lang.String \""), retainersText);

        Path index = indexAndRemove(List.of(dump)).get(0);
        List<List<String>> fromIndex = javaCommands(index, stringId);
        for (int i = 0; i < fromDump.size(); i++) {
            assertSameJson(expected.get(i), json(fromIndex.get(i), "--no-cache"), String.join(" ", fromDump.get(i)));
        }
        assertEquals(retainersText, CliRunner.run("retainers", index.toString(), stringId, "--no-progress").out(),
                "String texts come from the index");
    }

    /** What needs the dump says so without it, and works again once the dump is beside the index. */
    @Test
    void fieldValuesNeedTheDumpBesideTheIndex() throws Exception {
        Path dump = inflate(JAVA_DUMP, Files.createDirectory(temp.resolve("server")));
        Path laptop = Files.createDirectory(temp.resolve("laptop"));
        Path index = laptop.resolve("jdk25-small.hprof.hsindex");
        assertEquals(0, CliRunner.run("index", dump.toString(), "-o", index.toString(), "--no-progress").exitCode());
        Path moved = Files.move(dump, temp.resolve("elsewhere.hprof"));

        HeapGraph alone = open(index).graph();
        int node = firstWithFields(open(moved).graph());
        assertEquals(List.of(), alone.objectFields(node));
        assertTrue(alone.objectFieldsUnavailable().contains("jdk25-small.hprof")
                && alone.objectFieldsUnavailable().contains("beside"), alone.objectFieldsUnavailable());
        assertTrue(alone.objectText(node, 200) != null, "texts are in the index");

        Files.copy(moved, laptop.resolve("jdk25-small.hprof"));
        HeapGraph beside = open(index).graph();
        assertEquals(null, beside.objectFieldsUnavailable());
        assertEquals(open(moved).graph().objectFields(node), beside.objectFields(node));
    }

    @Test
    void theSecondRunReadsTheCacheAndCacheListAndClearSeeIt() throws IOException {
        Path dump = Files.copy(LEAK.resolve("leak-4.heapsnapshot.gz"), temp.resolve("leak-4.heapsnapshot.gz"));
        Run first = CliRunner.run("info", dump.toString(), "--json", "--no-progress");
        Run second = CliRunner.run("info", dump.toString(), "--json", "--no-progress");
        assertTrue(JSON.readTree(first.out()).get("phases").size() >= 10, first.out());
        JsonNode phases = JSON.readTree(second.out()).get("phases");
        assertEquals(1, phases.size(), second.out());
        assertEquals("READING_STORED_ANALYSIS", phases.get(0).get("phase").asText());

        JsonNode list = JSON.readTree(CliRunner.run("cache", "list", "--json").out());
        assertEquals(cacheFolder.toString(), list.get("folder").asText());
        assertEquals(1, list.get("entries").size());
        assertEquals(dump.toAbsolutePath().toString(), list.at("/entries/0/file").asText());
        assertEquals("unchanged", list.at("/entries/0/state").asText());
        assertTrue(list.get("budgetIsDefault").asBoolean());
        // The same in words: the folder, what is used of which budget, and the entry with the file's object count.
        List<String> text = CliRunner.run("cache", "list").lines();
        assertEquals("Cache folder:  " + cacheFolder, text.get(0));
        // (The default budget follows the free disk space, which other processes change: its figure is not compared.)
        String used = "Used:          " + Units.bytes(list.get("usedBytes").asLong()) + " of a budget of ";
        assertTrue(text.get(1).startsWith(used) && text.get(1).endsWith(
                " (the default: a third of the free disk space; heapscope cache budget SIZE sets it)"), text.get(1));
        assertEquals(List.of("File", "Format", "Objects", "File size", "Cache size", "Last used", "File now"),
                List.of(text.get(2).strip().split(" {2,}")));
        List<String> entry = List.of(text.get(3).strip().split(" {2,}"));
        assertEquals(List.of(dump.toAbsolutePath().toString(), "v8-heapsnapshot",
                Units.count(JSON.readTree(first.out()).get("nodeCount").asLong()), Units.bytes(Files.size(dump))),
                entry.subList(0, 4));
        assertEquals("unchanged", entry.get(entry.size() - 1));
        assertEquals(4, text.size());

        Run budget = CliRunner.run("cache", "budget", "2.5G");
        assertEquals(0, budget.exitCode());
        assertEquals(List.of("Budget: " + Units.bytes(2_500_000_000L) + "; used: "
                + Units.bytes(list.get("usedBytes").asLong())), budget.lines());
        list = JSON.readTree(CliRunner.run("cache", "list", "--json").out());
        assertEquals(2_500_000_000L, list.get("budgetBytes").asLong());
        assertEquals(Units.bytes(2_500_000_000L), CliRunner.run("cache", "list").lines().get(1)
                .replaceFirst(".* of a budget of ", ""), "no word of a default once set");
        Run backToDefault = CliRunner.run("cache", "budget", "default");
        assertEquals(0, backToDefault.exitCode());
        assertTrue(backToDefault.out().contains(" (the default: a third of the free disk space); used: "),
                backToDefault.out());
        assertEquals(2, CliRunner.run("cache", "budget", "lots").exitCode());

        Run clear = CliRunner.run("cache", "clear");
        assertTrue(clear.out().startsWith("Removed 1 cached analyses"), clear.out());
        assertEquals(0, JSON.readTree(CliRunner.run("cache", "list", "--json").out()).get("entries").size());
    }

    @Test
    void indexRefusesAnIndexAndWillNotOverwriteOtherFiles() throws IOException {
        Path dump = Files.copy(LEAK.resolve("leak-1.heapsnapshot.gz"), temp.resolve("leak-1.heapsnapshot.gz"));
        Path index = temp.resolve("leak-1.hsindex");
        Run made = CliRunner.run("index", dump.toString(), "-o", index.toString(), "--no-progress");
        assertEquals(0, made.exitCode(), made.err());
        assertTrue(made.out().contains("% of the dump"), made.out());
        assertTrue(Files.size(index) < Files.size(dump) * 3, "packed: " + Files.size(index));
        Run again = CliRunner.run("index", index.toString(), "-o", temp.resolve("x").toString(), "--no-progress");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already a Heapscope index"), again.err());
        Run overwrite = CliRunner.run("index", dump.toString(), "-o", dump.toString(), "--no-progress");
        assertEquals(1, overwrite.exitCode());
        assertTrue(overwrite.err().contains("is not a Heapscope index"), overwrite.err());
        assertNotEquals(0, Files.size(dump));
    }

    private static List<List<String>> v8Commands(List<Path> s) {
        String last = s.get(3).toString();
        return List.of(
                List.of("summary", last, "--json"),
                List.of("summary", last, "--json", "--filter", "duplicated-strings"),
                List.of("summary", last, "--json", "--filter", "detached-dom"),
                List.of("summary", last, "--json", "--allocated-between", s.get(0).toString(), s.get(2).toString()),
                List.of("diff", s.get(2).toString(), last, "--json"),
                List.of("leaks", s.get(0).toString(), s.get(1).toString(), s.get(2).toString(), last, "--json"),
                List.of("retainers", last, "@81933", "--json"),
                List.of("retainers", last, "@6169", "--json"),
                List.of("info", last, "--json"));
    }

    private static List<List<String>> javaCommands(Path dump, String stringId) {
        return List.of(
                List.of("summary", dump.toString(), "--json"),
                List.of("summary", dump.toString(), "--json", "--include-unreachable"),
                List.of("retainers", dump.toString(), stringId, "--json"),
                List.of("info", dump.toString(), "--json"));
    }

    /** Writes each file's index beside the temporary folder's dumps, then deletes the dumps. */
    private List<Path> indexAndRemove(List<Path> dumps) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("indexes"));
        List<Path> indexes = new ArrayList<>();
        for (Path dump : dumps) {
            Path index = folder.resolve(dump.getFileName() + ".hsindex");
            Run made = CliRunner.run("index", dump.toString(), "-o", index.toString(), "--no-progress");
            assertEquals(0, made.exitCode(), made.err());
            indexes.add(index);
        }
        for (Path dump : dumps) {
            Files.delete(dump);
        }
        return indexes;
    }

    /**
     * Equal field by field, but for what names the file (paths) or measures this run (time, memory), and the file
     * size (an index is not its dump).
     */
    private static void assertSameJson(JsonNode expected, JsonNode actual, String command) {
        assertEquals(withoutRunFields(expected), withoutRunFields(actual), command);
    }

    private static JsonNode withoutRunFields(JsonNode document) {
        JsonNode copy = document.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove(List.of("file", "base", "target", "snapshots", "phases", "totalMillis", "peakHeapBytes",
                    "peakRssBytes", "engineBytes", "offHeapBytes", "bytesPerNode", "bytesPerEdge", "fileSize"));
            if (object.get("filter") instanceof ObjectNode filter) {
                filter.remove(List.of("first", "last"));
            }
        }
        return copy;
    }

    private JsonNode json(List<String> command, String... more) {
        List<String> args = new ArrayList<>(command);
        args.add("--no-progress");
        args.addAll(List.of(more));
        Run run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), String.join(" ", command) + ": " + run.err());
        try {
            return JSON.readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError(run.out(), e);
        }
    }

    private static long aStringWithText(Path dump) throws Exception {
        HeapGraph graph = open(dump).graph();
        return graph.nodeId(firstWithFields(graph));
    }

    private static int firstWithFields(HeapGraph graph) {
        for (int node = 0; node < graph.nodeCount(); node++) {
            String text = graph.objectText(node, 200);
            if (text != null && text.length() > 3 && !graph.objectFields(node).isEmpty()) {
                return node;
            }
        }
        throw new AssertionError("no String with text");
    }

    private static AnalyzedHeap open(Path file) throws Exception {
        return HeapLoader.load(file, ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    private static Path inflate(Path gzipped, Path folder) throws IOException {
        Path plain = folder.resolve(gzipped.getFileName().toString().replace(".gz", ""));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
            Files.copy(in, plain);
        }
        return plain;
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
