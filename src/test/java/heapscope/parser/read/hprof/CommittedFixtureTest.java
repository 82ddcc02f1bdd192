package heapscope.parser.read.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.HeapAnalyzer;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.objects.HprofObjectReader;
import heapscope.parser.view.NodeRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the committed gzip dump written by JDK 25 ({@code src/test/resources/fixtures/hprof}, see its README) and
 * compares it with the class histogram that JVM printed right before the dump. Needs no JDK 25 to run.
 */
class CommittedFixtureTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/hprof");

    @Test
    void theJdk25FixtureHasTheJvmsCountsAndBytesForEveryClass() throws Exception {
        HprofHeap heap = HprofReader.read(FIXTURES.resolve("jdk25-small.hprof.gz"), ProgressListener.NO_OP,
                CancelSignal.NEVER);
        ClassHistogram jvm = ClassHistogram.parse(Files.readString(FIXTURES.resolve("jdk25-small.histogram.txt")));
        ClassHistogram.Comparison comparison = ClassHistogram.of(heap.graph()).compareWith(jvm);
        assertEquals(List.of(), comparison.countMismatches());
        assertEquals(List.of(), comparison.byteMismatches());
        assertEquals(List.of(), heap.warnings());
        assertEquals("JAVA PROFILE 1.0.2", heap.header().version());
        assertEquals(12, heap.layout().headerSize());
        assertEquals(4, heap.layout().referenceSize());
        assertEquals(120, heap.layout().classMirrorBaseSize());
    }

    @Test
    void theFixtureCutShortOpensWithWhatWasReadAndTheAnalysesRunOnIt(@TempDir Path dir) throws Exception {
        byte[] whole = uncompressedFixture();
        int cut = whole.length / 10 * 9; // the symbol table fills the first half of this small dump
        Path file = dir.resolve("cut.hprof");
        Files.write(file, java.util.Arrays.copyOf(whole, cut));
        HprofHeap heap = HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
        assertTrue(heap.truncated());
        assertTrue(heap.warnings().get(0).startsWith("the file was cut short: it ends at byte " + cut + " inside a"
                + " HEAP DUMP SEGMENT record"), heap.warnings().get(0));
        assertEquals(heap.warnings(), heap.graph().fileNotes().warnings());
        long all = ClassHistogram.parse(Files.readString(FIXTURES.resolve("jdk25-small.histogram.txt")))
                .countAndBytesByClass().values().stream().mapToLong(v -> v[0]).sum();
        long read = heap.statistics().objects();
        assertTrue(read > all / 4 && read < all, read + " of " + all);
        heapscope.parser.analysis.AnalyzedHeap analyzed = heapscope.parser.analysis.HeapAnalyzer.analyze(
                heap.graph(), ProgressListener.NO_OP, CancelSignal.NEVER);
        assertTrue(analyzed.totalSize() > 0);
    }

    @Test
    void theFixturesKnownObjectsAreThere() throws Exception {
        HprofHeap heap = HprofReader.read(FIXTURES.resolve("jdk25-small.hprof.gz"), ProgressListener.NO_OP,
                CancelSignal.NEVER);
        HeapGraph g = heap.graph();
        ClassHistogram histogram = ClassHistogram.of(g);
        // Square: Shape's int at 12 and double at 16..24; Square's char at 24, reference at 28..32: 32 bytes.
        assertEquals(300, histogram.count("SmallFixture$Square"));
        assertEquals(300 * 32, histogram.bytes("SmallFixture$Square"));
        int fixtureClass = -1;
        for (int i = 0; i < g.nodeCount(); i++) {
            if ("SmallFixture".equals(heap.classNameOf(i))) {
                fixtureClass = i;
            }
        }
        assertTrue(fixtureClass > 0);
        // The grids name a class object by the class it stands for; the Summary counts it as a java.lang.Class.
        AnalyzedHeap analyzed = HeapAnalyzer.analyze(g, ProgressListener.NO_OP, CancelSignal.NEVER);
        assertEquals("class SmallFixture", new NodeRows(analyzed).displayName(fixtureClass));
        assertEquals("java.lang.Class", analyzed.classes().name(analyzed.classes().classByNode().get(fixtureClass)));
        int text = -1;
        for (int e = g.firstEdgeIndex().get(fixtureClass); e < g.firstEdgeIndex().get(fixtureClass + 1); e++) {
            if (g.edgeName(e).equals("static TEXT")) {
                text = g.edgeTarget(e);
            }
        }
        try (HprofObjectReader reader = heap.openObjectReader()) {
            assertEquals("Heapscope fixture: grüße, 日本語", reader.stringValue(text, 100));
        }
        // The grids read a String's text from the file (this jcmd -gz dump is made of 1 MiB gzip members).
        assertEquals("java.lang.String \"Heapscope fixture: grüße, 日本語\"",
                new NodeRows(analyzed).displayName(text));
    }

    @Test
    void aDumpGzippedAsOneStreamShowsStringsWithoutTheirText(@TempDir Path dir) throws Exception {
        byte[] whole = uncompressedFixture();
        Path file = dir.resolve("one-member.hprof.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(whole);
        }
        HprofHeap heap = HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
        HeapGraph g = heap.graph();
        int strings = 0;
        for (int node = 0; node < g.nodeCount(); node++) {
            if ("java.lang.String".equals(g.nodeName(node))) {
                strings++;
                // Reading one would mean inflating the file from its start each time.
                assertEquals(null, g.objectText(node, 100));
                assertEquals(List.of(), g.objectFields(node));
            }
        }
        assertTrue(strings > 1000, strings + " strings");
        assertTrue(g.objectFieldsUnavailable().startsWith("This dump is a single gzip stream"));
    }

    /** Reads from the kept gzip members, across member ends, give what the same dump uncompressed gives. */
    @Test
    void everyObjectReadsTheSameFromTheGzipMembersAsFromThePlainDump(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("app.hprof");
        Files.write(plain, uncompressedFixture());
        HeapGraph fromPlain = HprofReader.read(plain, ProgressListener.NO_OP, CancelSignal.NEVER).graph();
        HeapGraph fromGzip = HprofReader.read(FIXTURES.resolve("jdk25-small.hprof.gz"), ProgressListener.NO_OP,
                CancelSignal.NEVER).graph();
        int withFields = 0;
        int texts = 0;
        for (int node = 0; node < fromPlain.nodeCount(); node++) {
            List<heapscope.parser.graph.FieldValue> fields = fromPlain.objectFields(node);
            assertEquals(fields, fromGzip.objectFields(node), "node " + node);
            String text = fromPlain.objectText(node, 100);
            assertEquals(text, fromGzip.objectText(node, 100), "node " + node);
            withFields += fields.isEmpty() ? 0 : 1;
            texts += text == null ? 0 : 1;
        }
        assertTrue(withFields > 10_000 && texts > 2_000, withFields + " with fields, " + texts + " texts");
    }

    @Test
    void aDumpChangedAfterOpeningShowsItsObjectsWithoutTextOrFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.hprof");
        Files.write(file, uncompressedFixture());
        HprofHeap heap = HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
        HeapGraph g = heap.graph();
        int string = -1;
        int square = -1;
        for (int node = 0; node < g.nodeCount(); node++) {
            string = string < 0 && "java.lang.String".equals(g.nodeName(node)) ? node : string;
            square = square < 0 && "SmallFixture$Square".equals(g.nodeName(node)) ? node : square;
        }
        assertTrue(g.objectText(string, 100) != null && !g.objectFields(square).isEmpty(), "readable at first");
        // Another dump written over it, then one cut short: the views must go on, only without the values.
        byte[] other = new byte[(int) Files.size(file)];
        java.util.Arrays.fill(other, (byte) 0x7f);
        Files.write(file, other);
        assertEquals(null, g.objectText(string, 100));
        assertEquals(List.of(), g.objectFields(square));
        Files.write(file, new byte[100]);
        assertEquals(null, g.objectText(string, 100));
        assertEquals(List.of(), g.objectFields(square));
    }

    /** The committed dump's bytes, inflated (it is stored as jcmd wrote it: gzip members of 1 MiB). */
    private static byte[] uncompressedFixture() throws java.io.IOException {
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
                Files.newInputStream(FIXTURES.resolve("jdk25-small.hprof.gz")))) {
            return in.readAllBytes();
        }
    }
}
