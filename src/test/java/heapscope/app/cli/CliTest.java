package heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heapscope.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, as a user runs it: output, exit codes, messages for bad files. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LEAK = Fixtures.V8.resolve("leak4");

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = HeapscopeCommand.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void summaryJsonHasTheDocumentedFieldsAndEveryClass() throws IOException {
        Path file = LEAK.resolve("leak-4.heapsnapshot.gz");
        Run run = run("summary", file.toString(), "--json", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        JsonNode oracle = JSON.readTree(LEAK.resolve("leak-4.summary.json").toFile());
        assertEquals("v8-heapsnapshot", doc.get("format").asText());
        assertTrue(doc.get("filter").isNull());
        for (String field : List.of("nodeCount", "edgeCount", "totalSize", "maxJsObjectId")) {
            assertEquals(oracle.get(field).asLong(), doc.get(field).asLong(), field);
        }
        assertEquals(oracle.get("classes").size(), doc.get("classes").size());
        JsonNode first = doc.get("classes").get(0);
        for (String field : List.of("name", "key", "count", "distance", "shallowSize", "retainedSize")) {
            assertTrue(first.has(field), field);
        }
    }

    @Test
    void theThreeSnapshotMethodFromTheCommandLine() throws IOException {
        Run run = run("summary", LEAK.resolve("leak-4.heapsnapshot.gz").toString(), "--allocated-between",
                LEAK.resolve("leak-1.heapsnapshot.gz").toString(), LEAK.resolve("leak-3.heapsnapshot.gz").toString(),
                "--json", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals("allocated-between", doc.at("/filter/kind").asText());
        assertEquals("LeakyItem", doc.at("/classes/0/name").asText());
    }

    @Test
    void leaksJsonPutsTheSeedLeakFirstWithItsPath() throws IOException {
        Run run = run("leaks", LEAK.resolve("leak-1.heapsnapshot.gz").toString(),
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
        JsonNode plain = JSON.readTree(run("summary", dump, "--json", "--no-progress").out());
        JsonNode all = JSON.readTree(run("summary", dump, "--json", "--no-progress", "--include-unreachable").out());
        assertEquals("hprof", plain.get("format").asText());
        long unreachable = plain.at("/unreachable/count").asLong();
        long unreachableBytes = plain.at("/unreachable/shallowSize").asLong();
        assertTrue(unreachable > 0);
        assertFalse(plain.at("/unreachable/included").asBoolean());
        assertTrue(all.at("/unreachable/included").asBoolean());
        assertEquals(sum(plain, "count") + unreachable, sum(all, "count"));
        assertEquals(sum(plain, "shallowSize") + unreachableBytes, sum(all, "shallowSize"));
        assertEquals(plain.get("totalSize").asLong(), all.get("totalSize").asLong(), "garbage retains nothing");
    }

    /** Every command's JSON parses and has its documented fields (the writer is Heapscope's own, see Json). */
    @Test
    void infoDiffAndRetainersPrintTheirDocumentedJson() throws IOException {
        String last = LEAK.resolve("leak-4.heapsnapshot.gz").toString();
        Run info = run("info", last, "--json", "--no-progress");
        assertEquals(0, info.exitCode(), info.err());
        JsonNode doc = JSON.readTree(info.out());
        assertEquals(JSON.readTree(LEAK.resolve("leak-4.summary.json").toFile()).get("totalSize").asLong(),
                doc.get("totalSize").asLong());
        assertTrue(doc.get("phases").size() >= 10, doc.get("phases").toString());
        assertTrue(doc.get("bytesPerNode").isDouble() && doc.get("bytesPerNode").asDouble() > 20, info.out());
        assertTrue(doc.get("bytesPerEdge").asDouble() >= 12, info.out());

        Run diff = run("diff", LEAK.resolve("leak-3.heapsnapshot.gz").toString(), last, "--json", "--no-progress");
        assertEquals(0, diff.exitCode(), diff.err());
        JsonNode diffDoc = JSON.readTree(diff.out());
        assertEquals("v8-object-id", diffDoc.get("matching").asText());
        assertTrue(diffDoc.get("classes").size() > 0);

        long id = JSON.readTree(run("leaks", LEAK.resolve("leak-3.heapsnapshot.gz").toString(), last, "--json",
                "--no-progress").out()).at("/suspects/0/examplePath/0/node/id").asLong();
        assertTrue(id > 0);
        Run retainers = run("retainers", last, "@" + id, "--json", "--no-progress");
        assertEquals(0, retainers.exitCode(), retainers.err());
        JsonNode path = JSON.readTree(retainers.out());
        assertTrue(path.get("path").size() > 0, retainers.out());
        assertEquals("REACHED_ROOT", path.get("stop").asText());
    }

    /** The text path reads like the app's Retainers pane: HPROF ids in hex, class objects by their class. */
    @Test
    void retainersTextNamesObjectsAsTheAppDoes() {
        String dump = Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz").toString();
        Run run = run("retainers", dump, "@0xff082d68", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("class SmallFixture @0xff082d68", lines.get(0));
        assertTrue(lines.get(1).startsWith("  \u2190 static appClass in class sun.launcher.LauncherHelper @0x"),
                lines.get(1));
        assertEquals("(reached root)", lines.get(lines.size() - 1));
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
        Run run = run("--version");
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
            Run run = run("summary", bad.toString(), "--no-progress");
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
