package heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.HprofReader;
import heapscope.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, as a user runs it: output, exit codes, messages for bad files. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LEAK = Fixtures.V8.resolve("leak4");

    @Test
    void leaksJsonPutsTheSeedLeakFirstWithItsPath() throws IOException {
        CliRunner.Run run = CliRunner.run("leaks", LEAK.resolve("leak-1.heapsnapshot.gz").toString(),
                LEAK.resolve("leak-2.heapsnapshot.gz").toString(), LEAK.resolve("leak-3.heapsnapshot.gz").toString(),
                LEAK.resolve("leak-4.heapsnapshot.gz").toString(), "--json", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode suspect = JSON.readTree(run.out()).at("/suspects/0");
        assertEquals("leakyData (closure variable)", suspect.get("name").asText());
        assertEquals("LeakyItem", suspect.at("/held/0/className").asText());
        assertEquals(1190, suspect.at("/held/0/added").asLong());
        assertTrue(suspect.get("grewEveryStep").asBoolean());
        boolean heldByLeakyData = false;
        for (JsonNode step : suspect.get("examplePath")) {
            heldByLeakyData |= step.get("edgeName").asText().equals("leakyData");
        }
        assertTrue(heldByLeakyData, suspect.toString());
    }

    @Test
    void hprofSummaryReportsUnreachableObjectsAndCountsThemOnlyWhenAsked() throws IOException {
        String dump = Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz").toString();
        JsonNode plain = JSON.readTree(CliRunner.run("summary", dump, "--json", "--no-progress").out());
        JsonNode all = JSON.readTree(CliRunner.run("summary", dump, "--json", "--no-progress", "--include-unreachable").out());
        assertEquals("hprof", plain.get("format").asText());
        long unreachable = plain.at("/unreachable/count").asLong();
        long unreachableBytes = plain.at("/unreachable/shallowSize").asLong();
        assertTrue(unreachable > 0);
        assertFalse(plain.at("/unreachable/included").asBoolean());
        assertTrue(all.at("/unreachable/included").asBoolean());
        assertEquals(sum(plain, "count") + unreachable, sum(all, "count"));
        assertEquals(sum(plain, "shallowSize") + unreachableBytes, sum(all, "shallowSize"));
        assertEquals(plain.get("totalSize").asLong(), all.get("totalSize").asLong(), "garbage retains nothing");
        // Per class: what --include-unreachable adds is the class's row of the unreachable object, and the rows are
        // largest first.
        Map<String, Long> added = new TreeMap<>();
        for (JsonNode row : all.get("classes")) {
            added.merge(row.get("name").asText(), row.get("count").asLong(), Long::sum);
        }
        for (JsonNode row : plain.get("classes")) {
            added.merge(row.get("name").asText(), -row.get("count").asLong(), Long::sum);
        }
        added.values().removeIf(n -> n == 0);
        Map<String, Long> listed = new TreeMap<>();
        long previous = Long.MAX_VALUE;
        for (JsonNode row : plain.at("/unreachable/classes")) {
            listed.merge(row.get("name").asText(), row.get("count").asLong(), Long::sum);
            assertTrue(row.get("shallowSize").asLong() <= previous, "largest first");
            previous = row.get("shallowSize").asLong();
        }
        assertEquals(listed, added);
        assertEquals(unreachable, listed.values().stream().mapToLong(Long::longValue).sum());
    }

    /**
     * The text path reads like the app's Retainers pane: HPROF ids in hex, class objects by their class. The id of
     * SmallFixture's class object is looked up in the dump (it moves whenever the dump is remade); the launcher holds
     * the class it started in LauncherHelper.appClass.
     */
    @Test
    void retainersTextNamesObjectsAsTheAppDoes() throws Exception {
        Path dump = Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz");
        String id = "@0x" + Long.toHexString(classObjectId(dump, "class SmallFixture"));
        CliRunner.Run run = CliRunner.run("retainers", dump.toString(), id, "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("class SmallFixture " + id, lines.get(0));
        assertTrue(lines.get(1).startsWith("  \u2190 static appClass in class sun.launcher.LauncherHelper @0x"),
                lines.get(1));
        assertEquals("(reached root)", lines.get(lines.size() - 1));
    }

    private static long classObjectId(Path dump, String label) throws Exception {
        HeapGraph graph = HprofReader.read(dump, ProgressListener.NO_OP, CancelSignal.NEVER).graph();
        for (int node = 0; node < graph.nodeCount(); node++) {
            if (label.equals(graph.nodeLabel(node))) {
                return graph.nodeId(node);
            }
        }
        throw new AssertionError("no " + label + " in " + dump);
    }

    private static long sum(JsonNode summary, String field) {
        long total = 0;
        for (JsonNode row : summary.get("classes")) {
            total += row.get(field).asLong();
        }
        return total;
    }

    @Test
    void versionComesFromThePom() {
        CliRunner.Run run = CliRunner.run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("heapscope \\d+\\.\\d+\\.\\d+.*\\R"), run.out());
    }

    /** Bad files: exit 1, one line on stderr naming the file and the problem, no stack trace, nothing written. */
    @Test
    void badFilesGetOneLineNamingTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        byte[] snapshot;
        try (var in = new GZIPInputStream(Files.newInputStream(LEAK.resolve("leak-1.heapsnapshot.gz")))) {
            snapshot = in.readAllBytes();
        }
        Path truncated = write(dir, "truncated.heapsnapshot", java.util.Arrays.copyOf(snapshot, snapshot.length / 2));
        Path notJson = write(dir, "notes.heapsnapshot", "hello, this is not a heap".getBytes(StandardCharsets.UTF_8));
        Path otherJson = write(dir, "package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}".getBytes(
                StandardCharsets.UTF_8));
        String text = new String(snapshot, StandardCharsets.UTF_8);
        Path wrongCount = write(dir, "wrong-count.heapsnapshot", text.replaceFirst("\"node_count\":(\\d+)",
                "\"node_count\":7").getBytes(StandardCharsets.UTF_8));
        List<String> before = listing(dir);
        for (Path bad : List.of(truncated, notJson, otherJson, wrongCount, dir.resolve("missing.heapsnapshot"))) {
            CliRunner.Run run = CliRunner.run("summary", bad.toString(), "--no-progress");
            assertEquals(HeapscopeCommand.EXIT_BAD_INPUT, run.exitCode(), bad + ": " + run.err());
            String message = run.err().strip();
            assertEquals(1, message.lines().count(), message);
            assertTrue(message.startsWith("heapscope: " + bad.getFileName() + ": "), message);
            assertFalse(message.contains("Exception") || message.contains("\tat "), message);
            assertTrue(run.out().isEmpty());
            if (bad == truncated) {
                assertTrue(message.contains("truncated"), message);
            }
        }
        assertEquals(before, listing(dir), "nothing is written next to the input");
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
