package heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heapscope.parser.progress.Phase;
import heapscope.testing.Fixtures;
import heapscope.testing.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's text output (what a person reads in a terminal) carries the same numbers as the oracle, formatted as
 * documented: thousands separators, signed deltas, shares of the heap total, "−" for system distances. Also the
 * messages of wrong usage and of files that cannot be compared, progress and warnings on stderr.
 */
class CliTextTest {
    private static final Path LEAK = Fixtures.V8.resolve("leak4");
    private static final String HPROF = "src/test/resources/fixtures/hprof/jdk25-small.hprof.gz";

    private static String file(String name) {
        return LEAK.resolve(name + ".heapsnapshot.gz").toString();
    }

    private static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String signed(long n) {
        return n > 0 ? "+" + thousands(n) : n < 0 ? "\u2212" + thousands(-n) : "0";
    }

    private static String percent(long part, long total) {
        return Math.round(100.0 * part / total) + " %";
    }

    /** The cells of a table line: columns are separated by at least two spaces. */
    private static List<String> cells(String line) {
        return Arrays.asList(line.strip().split(" {2,}"));
    }

    @Test
    void summaryTableIsTheOraclesRowsWithSharesOfTheTotal() {
        CliRunner.Run run = CliRunner.run("summary", file("leak-4"), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode oracle = Oracle.read(LEAK.resolve("leak-4.summary.json"));
        long total = oracle.get("totalSize").asLong();
        List<String> lines = run.lines();
        assertEquals("v8-heapsnapshot, " + oracle.get("nodeCount") + " nodes, " + oracle.get("edgeCount")
                + " edges, total " + thousands(total), lines.get(0));
        assertEquals(List.of("Constructor", "Distance", "Count", "Shallow Size", "Retained Size"), cells(lines.get(1)));
        JsonNode classes = oracle.get("classes");
        assertEquals(classes.size() + 2, lines.size());
        for (int i = 0; i < classes.size(); i++) {
            JsonNode row = classes.get(i);
            int distance = row.get("distance").asInt();
            String name = row.get("name").asText();
            List<String> expected = List.of(name.length() <= 80 ? name : name.substring(0, 79) + "\u2026",
                    distance >= 0 && distance < 100_000_000 ? Integer.toString(distance) : "\u2212",
                    row.get("count").asText(), thousands(row.get("shallowSize").asLong()),
                    percent(row.get("shallowSize").asLong(), total), thousands(row.get("retainedSize").asLong()),
                    percent(row.get("retainedSize").asLong(), total));
            assertEquals(expected, cells(lines.get(i + 2)), "row " + i);
        }
        assertTrue(lines.subList(2, lines.size()).stream().anyMatch(l -> cells(l).get(1).equals("\u2212")),
                "system distances show as −");
    }

    @Test
    void diffTableIsTheOraclesComparisonWithSignedDeltas() {
        CliRunner.Run run = CliRunner.run("diff", file("leak-3"), file("leak-4"), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode classes = Oracle.read(LEAK.resolve("leak-3__leak-4.diff.json")).get("classes");
        List<String> lines = run.lines();
        assertEquals(List.of("Constructor", "# New", "# Deleted", "# Delta", "Alloc. Size", "Freed Size",
                "Size Delta"), cells(lines.get(0)));
        assertEquals(classes.size() + 1, lines.size());
        for (int i = 0; i < classes.size(); i++) {
            JsonNode row = classes.get(i);
            assertEquals(List.of(row.get("name").asText(), row.get("newCount").asText(),
                    row.get("deletedCount").asText(), signed(row.get("countDelta").asLong()),
                    thousands(row.get("allocSize").asLong()), thousands(row.get("freedSize").asLong()),
                    signed(row.get("sizeDelta").asLong())), cells(lines.get(i + 1)), "row " + i);
        }
    }

    @Test
    void infoTextHasTheCountsAndEveryPhase() {
        CliRunner.Run run = CliRunner.run("info", file("leak-4"), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode oracle = Oracle.read(LEAK.resolve("leak-4.summary.json"));
        List<String> lines = run.lines();
        assertTrue(lines.get(0).startsWith("File:          " + Path.of(file("leak-4")).toAbsolutePath().normalize()
                + " ("), lines.get(0));
        assertTrue(lines.get(0).endsWith(" bytes, v8-heapsnapshot)"), lines.get(0));
        assertEquals("Nodes:         " + thousands(oracle.get("nodeCount").asLong()), lines.get(1));
        assertEquals("Edges:         " + thousands(oracle.get("edgeCount").asLong()), lines.get(2));
        assertTrue(lines.get(3).startsWith("Strings:       "), lines.get(3));
        assertEquals("Total size:    " + thousands(oracle.get("totalSize").asLong()) + " bytes", lines.get(4));
        assertEquals(List.of("Phase", "ms"), cells(lines.get(5)));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(Phase.BUILDING_DOMINATOR_TREE.label() + " ")));
        assertTrue(lines.stream().anyMatch(l -> l.matches("Total +\\d+")));
        assertTrue(lines.stream().anyMatch(l -> l.matches("Peak heap: +[\\d,]+ bytes")));
        assertTrue(lines.stream().anyMatch(l -> l.matches("Peak RSS: +[\\d,]+ bytes")));
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "Engine memory: [\\d,]+ bytes \\(\\d+\\.\\d bytes/node \\+ 12\\.0 bytes/edge \\+ strings\\)")),
                run.out());
        // A snapshot this small never needs mapped files, whatever the test JVM's heap.
        assertTrue(lines.contains("Off the heap:  nothing (every array on the Java heap)"), run.out());
    }

    @Test
    void infoTextOfADumpTellsItsLayoutAndUnreachableObjects() {
        CliRunner.Run run = CliRunner.run("info", HPROF, "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lines().stream().anyMatch(l -> l.matches(
                "Unreachable: +[\\d,]+ objects, [\\d,]+ bytes, left out \\(--include-unreachable counts them\\)")),
                run.out());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("object layout: ")), run.out());
    }

    @Test
    void progressListsEachPhaseOnStderrWhenAsked() {
        CliRunner.Run quiet = CliRunner.run("summary", file("leak-1"), "--json");
        assertEquals("", quiet.err(), "no terminal, no progress by default");
        CliRunner.Run shown = CliRunner.run("summary", file("leak-1"), "--json", "--progress");
        List<String> labels = shown.err().lines().toList();
        assertEquals(Phase.READING_FILE.label(), labels.get(0));
        assertTrue(labels.contains(Phase.BUILDING_DOMINATOR_TREE.label()), labels.toString());
        assertTrue(labels.stream().allMatch(l -> Arrays.stream(Phase.values()).anyMatch(p -> p.label().equals(l))),
                labels.toString());
        assertEquals(quiet.out(), shown.out());
    }

    @Test
    void aDumpCutShortOpensWithAWarningOnStderr(@TempDir Path dir) throws IOException {
        byte[] dump;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(HPROF)))) {
            dump = in.readAllBytes();
        }
        Path cut = Files.write(dir.resolve("cut.hprof"), Arrays.copyOf(dump, dump.length * 3 / 4));
        CliRunner.Run run = CliRunner.run("summary", cut.toString(), "--no-progress", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode info = CliRunner.json("info", cut.toString(), "--no-progress", "--json");
        List<String> warnings = new ArrayList<>();
        info.get("warnings").forEach(w -> warnings.add("heapscope: warning: cut.hprof: " + w.asText()));
        assertTrue(warnings.size() >= 1);
        assertEquals(warnings, run.err().lines().toList());
        List<String> summaryWarnings = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).get("warnings").forEach(w -> summaryWarnings.add(w.asText()));
        List<String> infoWarnings = new ArrayList<>();
        info.get("warnings").forEach(w -> infoWarnings.add(w.asText()));
        assertEquals(infoWarnings, summaryWarnings, "summary --json lists the warnings info lists");
    }

    @Test
    void wrongUsageExitsWithTwoAndSaysWhy() {
        CliRunner.Run both = CliRunner.run("summary", file("leak-4"), "--allocated-between", file("leak-1"), file("leak-2"),
                "--filter", "detached-dom");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--allocated-between and --filter cannot be combined"), both.err());
        CliRunner.Run badId = CliRunner.run("retainers", file("leak-4"), "@xyz");
        assertEquals(2, badId.exitCode());
        assertTrue(badId.err().contains("not an object id: @xyz"), badId.err());
        assertEquals(2, CliRunner.run("summary", file("leak-4"), "--filter", "nonsense").exitCode());
    }

    @Test
    void inputThatCannotBeAnsweredExitsWithOneAndOneLine() {
        CliRunner.Run absent = CliRunner.run("retainers", file("leak-4"), "@2");
        assertEquals(HeapscopeCommand.EXIT_BAD_INPUT, absent.exitCode());
        assertEquals("heapscope: leak-4.heapsnapshot.gz: there is no object @2 in this heap", absent.err().strip());
        CliRunner.Run mixed = CliRunner.run("diff", file("leak-4"), HPROF);
        assertEquals(HeapscopeCommand.EXIT_BAD_INPUT, mixed.exitCode());
        assertEquals("heapscope: jdk25-small.hprof.gz: is a hprof file but leak-4.heapsnapshot.gz is a "
                + "v8-heapsnapshot file: they cannot be compared", mixed.err().strip());
        CliRunner.Run filtered = CliRunner.run("summary", HPROF, "--filter", "duplicated-strings");
        assertEquals(HeapscopeCommand.EXIT_BAD_INPUT, filtered.exitCode());
        assertTrue(filtered.err().startsWith("heapscope: jdk25-small.hprof.gz: "), filtered.err());
        assertEquals("", mixed.out() + absent.out() + filtered.out());
    }

    /** A Java dump's summary ends with its unreachable objects, as {@code --json} counts them, in or left out. */
    @Test
    void summaryTextOfADumpEndsWithItsUnreachableObjects() {
        for (boolean included : new boolean[] {false, true}) {
            List<String> args = new ArrayList<>(List.of("summary", HPROF, "--no-progress"));
            if (included) {
                args.add("--include-unreachable");
            }
            CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            args.add("--json");
            JsonNode unreachable = CliRunner.json(args.toArray(String[]::new)).get("unreachable");
            assertTrue(unreachable.get("count").asLong() > 0, "the JDK 25 dump has unreachable objects");
            assertEquals("Unreachable:   " + thousands(unreachable.get("count").asLong()) + " objects, "
                    + thousands(unreachable.get("shallowSize").asLong()) + " bytes, "
                    + (included ? "counted in the classes above" : "left out (--include-unreachable counts them)"),
                    run.lines().get(run.lines().size() - 1));
        }
    }

    @Test
    void aFolderIsNotAHeapDump(@TempDir Path dir) {
        CliRunner.Run run = CliRunner.run("summary", dir.toString());
        assertEquals(HeapscopeCommand.EXIT_BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("heapscope: "), run.err());
    }

    @Test
    void theCommandLineIsToldFromAnAppLaunch() {
        assertEquals(false, HeapscopeCommand.isCommandLine(new String[0]));
        assertEquals(true, HeapscopeCommand.isCommandLine(new String[] {"--help"}));
        assertEquals(true, HeapscopeCommand.isCommandLine(new String[] {"diff", "a", "b"}));
        assertEquals(false, HeapscopeCommand.isCommandLine(new String[] {"a.heapsnapshot"}));
    }

    /** The snapshots of the Node leak series, oldest first, followed by {@code options}. */
    private static String[] leaks(String... options) {
        List<String> args = new ArrayList<>(List.of("leaks"));
        for (int i = 1; i <= 4; i++) {
            args.add(file("leak-" + i));
        }
        args.addAll(List.of(options));
        args.add("--no-progress");
        return args.toArray(String[]::new);
    }

    /**
     * Each entry of the report in words, as the README shows them: rank, name, container (times alike containers),
     * retained size per snapshot ("?" where not followed), growth, "every step"; the path; the first four classes it
     * gained. The seed program's entry is the JSON's (which CliTest checks against the program), in the same order.
     */
    @Test
    void leaksTextIsEachEntryWithItsSizesPathAndWhatItGained() throws IOException {
        CliRunner.Run run = CliRunner.run(leaks());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(leaksText(CliRunner.json(leaks("--json"))), run.lines());
        assertTrue(run.lines().get(0).startsWith("1. leakyData (closure variable)  (Array)  retained "), run.out());
        assertTrue(run.lines().get(2).startsWith("   holds +1,190 LeakyItem"), run.out());
    }

    /**
     * The same on the three committed dumps of the Java program EightLeaks: eight entries ranked 1 to 8, held classes
     * that gained nothing left out, and the line that sums the JDK's own growth (its system properties).
     */
    @Test
    void leaksTextOfEightJavaLeaksRanksThemAndSumsTheRuntimeGrowth() throws IOException {
        List<String> args = new ArrayList<>(List.of("leaks"));
        for (int k = 1; k <= 3; k++) {
            args.add("src/test/resources/fixtures/hprof/eight-leaks/eight-leaks-" + k + ".hprof.gz");
        }
        args.add("--no-progress");
        CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        args.add("--json");
        JsonNode doc = CliRunner.json(args.toArray(String[]::new));
        assertEquals(8, doc.get("suspects").size(), "EightLeaks' eight");
        assertTrue(doc.get("runtimeGrowth").size() > 0, "the JDK's system properties");
        assertEquals(leaksText(doc), run.lines());
        assertTrue(run.lines().stream().anyMatch(line -> line.startsWith("8. ")), run.out());
    }

    /** What {@code leaks} prints for the report that {@code leaks --json} printed as {@code doc}. */
    private static List<String> leaksText(JsonNode doc) {
        List<String> expected = new ArrayList<>();
        int rank = 1;
        for (JsonNode suspect : doc.get("suspects")) {
            List<String> sizes = new ArrayList<>();
            suspect.get("retainedSizes").forEach(size -> sizes.add(size.asLong() < 0 ? "?" : thousands(size.asLong())));
            int instances = suspect.get("instances").asInt();
            expected.add(rank++ + ". " + suspect.get("name").asText() + "  (" + suspect.get("containerClass").asText()
                    + (instances > 1 ? " \u00d7" + instances : "") + ")  retained " + String.join(" \u2192 ", sizes)
                    + "  (+" + thousands(suspect.get("growth").asLong())
                    + (suspect.get("grewEveryStep").asBoolean() ? ", every step)" : ")"));
            expected.add("   " + suspect.get("path").asText());
            List<String> held = new ArrayList<>();
            for (JsonNode h : suspect.get("held")) {
                if (h.get("added").asLong() > 0 && held.size() < 4) {
                    held.add("+" + thousands(h.get("added").asLong()) + " " + h.get("className").asText());
                }
            }
            if (!held.isEmpty()) {
                expected.add("   holds " + String.join(", ", held));
            }
        }
        int runtime = doc.get("runtimeGrowth").size();
        if (runtime > 0) {
            long together = 0;
            for (JsonNode entry : doc.get("runtimeGrowth")) {
                together += entry.get("growth").asLong();
            }
            expected.add("");
            expected.add("Runtime growth (the runtime's own tables, not leaks): " + runtime + " "
                    + (runtime == 1 ? "entry" : "entries") + ", together +" + thousands(together)
                    + " bytes; --json lists them.");
        }
        return expected;
    }

    @Test
    void leaksTopKeepsTheFirstEntriesAndASnapshotTwiceGrewNothing() {
        JsonNode all = CliRunner.json(leaks("--json"));
        assertEquals(all.get("suspects"), CliRunner.json(leaks("--json", "--top", "5")).get("suspects"));
        JsonNode none = CliRunner.json(leaks("--json", "--top", "0"));
        assertEquals(0, none.get("suspects").size());
        assertEquals(all.get("runtimeGrowth"), none.get("runtimeGrowth"), "--top counts the entries only");
        CliRunner.Run twice = CliRunner.run("leaks", file("leak-1"), file("leak-1"), "--no-progress");
        assertEquals(0, twice.exitCode(), twice.err());
        assertEquals(List.of("Nothing kept growing across these 2 snapshots."), twice.lines());
    }

    /** {@code index} tells the index's size against the dump's, both as the file system has them. */
    @Test
    void indexSaysWhatItWroteAndHowBigAgainstTheDump(@TempDir Path dir) throws IOException {
        for (String dump : List.of(file("leak-1"), HPROF)) {
            Path index = dir.resolve(Path.of(dump).getFileName() + ".hsindex");
            CliRunner.Run run = CliRunner.run("index", dump, "-o", index.toString(), "--no-progress");
            assertEquals(0, run.exitCode(), run.err());
            long indexBytes = Files.size(index);
            long dumpBytes = Files.size(Path.of(dump));
            java.util.regex.Matcher wrote = java.util.regex.Pattern.compile(
                    "Wrote (.+): ([\\d,.]+) MB, (\\d+)% of the dump's ([\\d,.]+) MB, in ([\\d.]+) s\\.")
                    .matcher(run.lines().get(0));
            assertTrue(wrote.matches(), run.out());
            assertEquals(index.toAbsolutePath().toString(), wrote.group(1));
            assertEquals(String.format(Locale.ROOT, "%,.1f", indexBytes / 1e6), wrote.group(2));
            assertEquals(Math.round(100.0 * indexBytes / dumpBytes), Long.parseLong(wrote.group(3)));
            assertEquals(String.format(Locale.ROOT, "%,.1f", dumpBytes / 1e6), wrote.group(4));
            assertTrue(Double.parseDouble(wrote.group(5)) < 600, "the time it took, in seconds: " + wrote.group(5));
            boolean java = dump.equals(HPROF);
            assertEquals("Open it with heapscope like the dump itself." + (java ? " Field values of objects are read"
                    + " from the dump: keep the dump beside the index to see them." : ""), run.lines().get(1));
        }
    }

    @Test
    void tablesAlignTheFirstColumnLeftAndTheOthersRight() {
        TextTable table = new TextTable("Name", "Count");
        table.row("a", "1,234");
        table.row("longer", "5");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        table.print(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("Name    Count", "a       1,234", "longer      5"),
                bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void peakMemoryIsMeasuredNotMadeUp() throws IOException {
        // The heap pools' peaks: some memory, and not more than every pool full at once.
        long heap = ProcessMemory.peakHeapBytes();
        assertTrue(heap > 0 && heap <= 4 * Runtime.getRuntime().maxMemory(), Long.toString(heap));
        // The resident set now, then its peak, which cannot be below it.
        long current = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                current = 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        long rss = ProcessMemory.peakRssBytes();
        assertTrue(rss >= current && current > 0, rss + " vs current " + current);
    }
}
