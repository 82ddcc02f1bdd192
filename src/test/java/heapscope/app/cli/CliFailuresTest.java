package heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on the failures of issue 11: usage mistakes are usage errors (exit 2), unreadable inputs one line
 * naming the file (exit 1), too little memory one line naming the {@code -Xmx} that would do (exit 3), pipes read
 * once, and the readers' warnings in {@code leaks} and {@code diff} JSON.
 */
class CliFailuresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HPROF = Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz");
    private static final Path V8 = Path.of("src/test/resources/fixtures/v8/layouts/worker-base.heapsnapshot.gz");

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
        String oneErrorLine() {
            String message = err.strip();
            assertEquals(1, message.lines().count(), message);
            assertFalse(message.contains("Exception") || message.contains("\tat "), message);
            return message;
        }
    }

    /** Runs the CLI in this JVM through the tests' one runner, with this test's one-error-line check. */
    private static Run run(String... args) {
        CliRunner.Run run = CliRunner.run(args);
        return new Run(run.exitCode(), run.out(), run.err());
    }

    @Test
    void aMistypedSubcommandIsAUsageErrorAndStartsNoWindow() {
        String[] args = {"summmary", V8.toString()};
        assertTrue(HeapscopeCommand.isCommandLine(args), "the launcher hands it to the command line");
        Run run = run(args);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("summmary"), run.err());
        assertFalse(HeapscopeCommand.isCommandLine(new String[] {V8.toString()}), "a file opens the app");
    }

    @Test
    void aNegativeTopIsAUsageError() {
        for (String command : List.of("summary", "diff", "leaks")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, V8.toString()));
            if (!command.equals("summary")) {
                args.add(V8.toString());
            }
            args.addAll(List.of("--top", "-1", "--no-progress"));
            Run run = run(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), command + ": " + run.err());
            assertTrue(run.err().contains("--top must be 0 or more, not -1"), run.err());
        }
    }

    @Test
    void aDirectoryAndAMissingFileAreNamedInOneLine() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("dumps.hprof"));
        Run run = run("summary", folder.toString(), "--no-progress");
        assertEquals(HeapscopeCommand.EXIT_BAD_INPUT, run.exitCode());
        assertEquals("heapscope: dumps.hprof: is a directory, not a heap dump", run.oneErrorLine());
        run = run("info", dir.resolve("gone.hprof").toString(), "--no-progress");
        assertEquals(HeapscopeCommand.EXIT_BAD_INPUT, run.exitCode());
        assertEquals("heapscope: gone.hprof: no such file", run.oneErrorLine());
    }

    @Test
    void leaksAndDiffJsonCarryTheReadersWarnings() throws IOException {
        byte[] dump;
        try (var in = new GZIPInputStream(Files.newInputStream(HPROF))) {
            dump = in.readAllBytes();
        }
        Path cut = Files.write(dir.resolve("cut.hprof"), Arrays.copyOf(dump, dump.length * 9 / 10));
        Run leaks = run("leaks", HPROF.toString(), cut.toString(), "--json", "--no-progress");
        assertEquals(0, leaks.exitCode(), leaks.err());
        JsonNode warnings = JSON.readTree(leaks.out()).get("warnings");
        assertTrue(warnings.size() > 0 && warnings.get(0).asText().startsWith("cut.hprof: the file was cut short"),
                leaks.out());
        assertTrue(leaks.err().contains("heapscope: warning: cut.hprof: the file was cut short"), leaks.err());

        Run diff = run("diff", HPROF.toString(), cut.toString(), "--json", "--no-progress");
        assertEquals(0, diff.exitCode(), diff.err());
        JsonNode diffWarnings = JSON.readTree(diff.out()).get("warnings");
        assertTrue(diffWarnings.get(0).asText().startsWith("cut.hprof: the file was cut short"), diff.out());

        // info's text ends with each warning of its JSON, one line each.
        Run info = run("info", cut.toString(), "--no-progress");
        assertEquals(0, info.exitCode(), info.err());
        List<String> expected = new ArrayList<>();
        JSON.readTree(run("info", cut.toString(), "--json", "--no-progress").out()).get("warnings")
                .forEach(w -> expected.add("Warning: " + w.asText()));
        assertTrue(expected.get(0).startsWith("Warning: the file was cut short"), expected.toString());
        List<String> lines = info.out().lines().toList();
        assertEquals(expected, lines.subList(lines.size() - expected.size(), lines.size()));
    }

    @Test
    void aFifoIsReadOnceLikeAFile() throws Exception {
        Path fifo = dir.resolve("dump.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        Thread writer = new Thread(() -> {
            try (var in = new GZIPInputStream(Files.newInputStream(V8)); var out = Files.newOutputStream(fifo)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Run run = run("summary", fifo.toString(), "--json", "--no-progress");
        writer.join(10_000);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(19137, JSON.readTree(run.out()).get("nodeCount").asInt());
    }

    /** In its own JVM with a small heap: refused before reading, with the -Xmx that would do. */
    @Test
    void tooLittleMemoryIsOneLineNamingTheXmxThatWouldDo() throws Exception {
        Path demo = Path.of("src/main/resources/demo/leak-3.heapsnapshot.gz");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-cp", System.getProperty("java.class.path"), "heapscope.app.Launcher", "summary",
                demo.toString(), "--no-progress").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(java.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        assertEquals(HeapscopeCommand.EXIT_NOT_ENOUGH_MEMORY, java.exitValue(), err);
        String line = new Run(3, "", err).oneErrorLine();
        assertTrue(line.startsWith("heapscope: leak-3.heapsnapshot.gz: needs about "), line);
        assertTrue(line.contains(" of memory to open ("), line);
        assertTrue(line.matches(".*; start it with more, e\\.g\\. java -Xmx\\d+[mg] -jar heapscope\\.jar"), line);
    }
}
