package heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heapscope.testing.LiveTarget;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heapscope capture} end to end, as a user runs it (in this JVM, or in a child JVM where the test types Enter or
 * kills the target meanwhile), on real targets: a Java program
 * whose static map grows and a Node.js program whose array behind a closure grows. Three snapshots of each, then the
 * leak report on the files names the real leak first; and the errors a user meets, each one clear line with no file
 * left behind.
 */
class CaptureCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INSPECT_ANY_PORT = List.of("--inspect=127.0.0.1:0");

    @TempDir
    Path dir;

    @Test
    void listShowsTheJvmAndTheNodeInspectorWithTheirRuntimes() throws Exception {
        try (LiveTarget jvm = LiveTarget.jvm(List.of()); LiveTarget node = LiveTarget.node(INSPECT_ANY_PORT)) {
            String url = node.webSocketUrl();
            CliRunner.Run run = CliRunner.run("capture", "--list", "--json");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode targets = JSON.readTree(run.out()).get("targets");
            JsonNode java = target(targets, jvm.pid());
            assertEquals("jvm:" + jvm.pid(), java.get("id").asText());
            assertEquals("Java " + System.getProperty("java.version"), java.get("runtime").asText());
            assertEquals(heapscope.app.capture.programs.GrowingSessionsService.class.getName(),
                    java.get("name").asText());
            assertTrue(java.get("problem").isNull());
            JsonNode v8 = target(targets, node.pid());
            assertEquals("node:127.0.0.1:" + node.inspectorPort(), v8.get("id").asText());
            assertEquals(url, v8.get("webSocketUrl").asText());
            assertEquals("node.js/" + nodeVersion(), v8.get("runtime").asText());
            assertEquals("growing-closure.js", v8.get("name").asText());
            assertTrue(targets.findValuesAsText("id").stream().noneMatch(id -> id.equals("jvm:" + ProcessHandle
                    .current().pid())), "Heapscope's own JVM is not listed");

            // The same in columns: each as wide as its widest cell, the program last; then how to take snapshots.
            CliRunner.Run text = CliRunner.run("capture", "--list");
            assertEquals(0, text.exitCode(), text.err());
            List<String> lines = text.lines();
            String header = lines.get(0);
            assertTrue(header.startsWith("TARGET "), text.out());
            for (JsonNode t : List.of(java, v8)) {
                String row = lines.stream().filter(l -> l.startsWith(t.get("id").asText() + " ")).findFirst()
                        .orElseThrow(() -> new AssertionError(text.out()));
                assertEquals(List.of(t.get("id").asText(), t.get("pid").asText(), t.get("user").asText(),
                        t.get("runtime").asText(), t.get("name").asText()), List.of(row.split(" {2,}")), row);
                for (String column : List.of("PID", "USER", "RUNTIME", "PROGRAM")) {
                    int at = header.indexOf(column);
                    assertTrue(at > 0 && row.charAt(at - 1) == ' ' && row.charAt(at) != ' ', column + " in " + row);
                }
            }
            assertEquals("", lines.get(lines.size() - 2));
            assertEquals("Take snapshots: heapscope capture TARGET [--count N] [--interval 30s] [-o DIR]",
                    lines.get(lines.size() - 1));
        }
    }

    @Test
    void threeSnapshotsOfAJavaProgramTakenOnEnterPutTheStaticMapFirst() throws Exception {
        try (LiveTarget jvm = LiveTarget.jvm(List.of("-Xmx256m"))) {
            jvm.grow(200);
            List<Path> files = new ArrayList<>();
            try (HeapscopeProcess capture = HeapscopeProcess.start("capture", "jvm:" + jvm.pid(), "--count", "3",
                    "-o", dir.toString(), "--gzip")) {
                for (int i = 1; i <= 3; i++) {
                    String line = capture.nextLine();
                    assertNotNull(line, "snapshot " + i + " was not printed");
                    files.add(Path.of(line));
                    if (i < 3) {
                        jvm.grow(500); // the user's action between two snapshots
                        capture.enter();
                    }
                }
                HeapscopeProcess.Result end = capture.finish();
                assertEquals(0, end.exitCode(), end.err());
            }
            assertInOrder(files, "jvm-" + jvm.pid() + "-GrowingSessionsService-", ".hprof.gz");
            JsonNode first = firstLeak(files);
            assertEquals("GrowingSessionsService.SESSIONS", first.get("name").asText());
            assertEquals(LiveTarget.LEAKY_JAVA_CLASS, first.at("/held/0/className").asText());
            JsonNode counts = first.at("/held/0/countBySnapshot");
            assertEquals(500, counts.get(1).asLong() - counts.get(0).asLong());
            assertEquals(500, counts.get(2).asLong() - counts.get(1).asLong());
        }
    }

    @Test
    void threeSnapshotsOfANodeProgramAtAnIntervalPutTheClosureArrayFirst() throws Exception {
        try (LiveTarget node = LiveTarget.node(INSPECT_ANY_PORT, "--every", "100")) {
            CliRunner.Run run = CliRunner.run("capture", "node:127.0.0.1:" + node.inspectorPort(),
                    "--count", "3", "--interval", "1500ms", "-o", dir.toString(), "--json");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode doc = JSON.readTree(run.out());
            assertEquals(node.pid(), doc.at("/target/pid").asLong());
            assertTrue(doc.get("error").isNull());
            List<Path> files = new ArrayList<>();
            for (JsonNode file : doc.get("files")) {
                files.add(Path.of(file.get("file").asText()));
                assertEquals("v8-heapsnapshot", file.get("format").asText());
                assertEquals(Files.size(files.get(files.size() - 1)), file.get("bytes").asLong());
            }
            assertEquals(3, files.size());
            assertInOrder(files, "node-" + node.pid() + "-growing-closure.js-", ".heapsnapshot");
            JsonNode first = firstLeak(files);
            assertTrue(first.get("name").asText().startsWith("history"), first.toString());
            assertEquals(LiveTarget.LEAKY_NODE_CLASS, first.at("/held/0/className").asText());
            assertTrue(first.get("grewEveryStep").asBoolean());
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aNodeProcessWithoutAnInspectorIsAskedToOpenOneWithSigusr1() throws Exception {
        // --inspect-port only says where the inspector opens when asked; 0 lets the system pick a free port.
        try (LiveTarget node = LiveTarget.node(List.of("--inspect-port=127.0.0.1:0"))) {
            node.grow(123);
            CliRunner.Run run = CliRunner.run("capture", Long.toString(node.pid()), "-o", dir.toString());
            assertEquals(0, run.exitCode(), run.err());
            Path file = Path.of(run.out().trim());
            assertTrue(Files.size(file) > 100_000, file + " is a whole snapshot");
            assertTrue(node.stderr().contains("Debugger listening on ws://127.0.0.1:"), node.stderr());
            CliRunner.Run summary = CliRunner.run("summary", file.toString(), "--json", "--no-progress");
            assertEquals(0, summary.exitCode(), summary.err());
            JsonNode classes = JSON.readTree(summary.out()).get("classes");
            for (JsonNode row : classes) {
                if (row.get("name").asText().equals(LiveTarget.LEAKY_NODE_CLASS)) {
                    assertEquals(123, row.get("count").asLong());
                    return;
                }
            }
            throw new AssertionError("no " + LiveTarget.LEAKY_NODE_CLASS + " in " + file);
        }
    }

    @Test
    void aJvmThatDisablesAttachGetsOneClearLine() throws Exception {
        try (LiveTarget jvm = LiveTarget.jvm(List.of("-XX:+DisableAttachMechanism"))) {
            CliRunner.Run run = CliRunner.run("capture", Long.toString(jvm.pid()), "-o", dir.toString());
            assertEquals(1, run.exitCode());
            assertOneLine(run.err(), "-XX:+DisableAttachMechanism");
            assertEquals("", run.out());
            assertNoFiles();
        }
    }

    @Test
    void inspectorsOffLoopbackAreRefused() throws Exception {
        // 192.0.2.0/24 is reserved for documentation: nothing there could answer, and nothing is asked.
        for (String target : List.of("node:192.0.2.7:9229", "ws://192.0.2.7:9229/0f2c", "node:example.com:9229")) {
            CliRunner.Run run = CliRunner.run("capture", target, "-o", dir.toString());
            assertEquals(1, run.exitCode(), target);
            assertOneLine(run.err(), "only connects to 127.0.0.1, ::1 or localhost");
        }
        assertNoFiles();
    }

    @Test
    void aNodeInspectorBoundToAnotherAddressIsNamed() throws Exception {
        Optional<String> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
        try (LiveTarget node = LiveTarget.node(List.of("--inspect=" + address.get() + ":0"))) {
            node.webSocketUrl();
            CliRunner.Run run = CliRunner.run("capture", Long.toString(node.pid()), "-o", dir.toString());
            assertEquals(1, run.exitCode(), run.out());
            assertOneLine(run.err(), "its inspector listens on " + address.get() + ":" + node.inspectorPort()
                    + ", not on loopback");
            assertNoFiles();
        }
    }

    @Test
    void aNodeProgramThatExitsDuringItsSnapshotLeavesNoFile() throws Exception {
        try (LiveTarget node = LiveTarget.node(INSPECT_ANY_PORT, "--ballast", "150000")) {
            try (HeapscopeProcess capture = HeapscopeProcess.start("capture", node.webSocketUrl(), "-o",
                    dir.toString())) {
                killOnceWriting(node);
                HeapscopeProcess.Result run = capture.finish();
                assertEquals(1, run.exitCode(), run.out());
                assertOneLine(run.err(),
                        "exited while its heap snapshot was being taken; the partial file was removed");
            }
            assertNoFiles();
        }
    }

    @Test
    void aJvmThatExitsDuringItsDumpLeavesNoFile() throws Exception {
        try (LiveTarget jvm = LiveTarget.jvm(List.of("-Xmx1g"), "--ballast", "4000000")) {
            try (HeapscopeProcess capture = HeapscopeProcess.start("capture", "jvm:" + jvm.pid(), "-o",
                    dir.toString())) {
                killOnceWriting(jvm);
                HeapscopeProcess.Result run = capture.finish();
                assertEquals(1, run.exitCode(), run.out());
                assertOneLine(run.err(), "exited while its heap was being dumped; the partial file was removed");
            }
            assertNoFiles();
        }
    }

    @Test
    void aFullDiskIsNamedAndLeavesNoFile() throws Exception {
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        assumeTrue(mount(small), "mounting a 3 MB tmpfs needs root on Linux");
        try (LiveTarget jvm = LiveTarget.jvm(List.of()); LiveTarget node = LiveTarget.node(INSPECT_ANY_PORT)) {
            for (String target : List.of("jvm:" + jvm.pid(), node.webSocketUrl())) {
                CliRunner.Run run = CliRunner.run("capture", target, "-o", small.toString());
                assertEquals(1, run.exitCode(), target + ": " + run.out());
                assertOneLine(run.err(), "the disk holding " + small + " is full");
                assertTrue(run.err().contains("the partial file was removed"), run.err());
                try (Stream<Path> left = Files.list(small)) {
                    assertEquals(List.of(), left.toList(), target);
                }
            }
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void intervalsAreWrittenAsPeopleWriteThem() {
        CaptureCommand.DurationConverter durations = new CaptureCommand.DurationConverter();
        assertEquals(java.time.Duration.ofMillis(500), durations.convert("500ms"));
        assertEquals(java.time.Duration.ofSeconds(30), durations.convert("30s"));
        assertEquals(java.time.Duration.ofSeconds(30), durations.convert("30"));
        assertEquals(java.time.Duration.ofSeconds(90), durations.convert("1.5m"));
        assertEquals(java.time.Duration.ofHours(2), durations.convert("2h"));
        assertEquals(java.time.Duration.ofSeconds(45), durations.convert("PT45S"));
        CliRunner.Run wrong = CliRunner.run("capture", "1", "--interval", "soon");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("not a duration: soon"), wrong.err());
    }

    /** Kills the target as soon as its snapshot file has bytes in it. */
    private void killOnceWriting(LiveTarget target) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    if (Files.size(file) > 0) {
                        target.kill();
                        return;
                    }
                }
            } catch (IOException e) {
                // The file went between listing and sizing it: look again.
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no snapshot file appeared in " + dir);
    }

    private static boolean mount(Path dir) throws Exception {
        if (!System.getProperty("os.name").equals("Linux")) {
            return false;
        }
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        mount.getInputStream().readAllBytes();
        return mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
    }

    /** The leak report over the files, through the CLI: its first suspect. */
    private static JsonNode firstLeak(List<Path> files) throws IOException {
        List<String> args = new ArrayList<>(List.of("leaks", "--json", "--no-progress"));
        files.forEach(f -> args.add(f.toString()));
        CliRunner.Run leaks = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, leaks.exitCode(), leaks.err());
        JsonNode report = JSON.readTree(leaks.out());
        assertTrue(report.get("suspects").size() > 0, leaks.out());
        return report.get("suspects").get(0);
    }

    /** Named TARGET-TIME-NN.EXT, numbered 01..03, sorting in the order they were taken. */
    private void assertInOrder(List<Path> files, String prefix, String extension) {
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            assertEquals(dir.toAbsolutePath(), files.get(i).getParent(), name);
            assertTrue(name.startsWith(prefix) && name.endsWith(String.format("-%02d%s", i + 1, extension)), name);
            assertTrue(Files.isRegularFile(files.get(i)), name);
        }
        assertEquals(files, files.stream().sorted().toList());
    }

    private void assertNoFiles() throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList());
        }
    }

    private static void assertOneLine(String stderr, String expected) {
        assertTrue(stderr.startsWith("heapscope: ") && stderr.strip().lines().count() == 1, stderr);
        assertTrue(stderr.contains(expected), stderr);
        assertFalse(stderr.contains("Exception"), stderr);
    }

    private static JsonNode target(JsonNode targets, long pid) {
        for (JsonNode target : targets) {
            if (target.path("pid").asLong() == pid) {
                return target;
            }
        }
        throw new AssertionError("pid " + pid + " is not listed: " + targets);
    }

    private static String nodeVersion() throws Exception {
        Process node = new ProcessBuilder("node", "--version").start();
        String version = new String(node.getInputStream().readAllBytes()).trim();
        node.waitFor(30, TimeUnit.SECONDS);
        return version;
    }

    private static Optional<String> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(n -> {
            try {
                return n.isUp() && !n.isLoopback();
            } catch (java.net.SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address)
                .map(InetAddress::getHostAddress).findFirst();
    }
}
