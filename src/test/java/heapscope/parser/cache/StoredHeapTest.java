package heapscope.parser.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.Fixtures;
import heapscope.testing.SameHeap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed dump, analysed, stored in an index file (raw as the cache writes it, packed as the portable index
 * does) and read back, is the same heap: every array, every grid row, and for the Java dump every String's text and
 * every object's field values.
 */
class StoredHeapTest {
    static final Path JAVA_DUMP = Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz");

    @TempDir
    Path temp;

    static Stream<Path> v8Snapshots() {
        return Fixtures.v8Snapshots().stream();
    }

    @ParameterizedTest
    @MethodSource("v8Snapshots")
    void aV8SnapshotComesBackTheSame(Path snapshot) throws Exception {
        AnalyzedHeap heap = load(snapshot);
        for (IndexFormat.Codec codec : IndexFormat.Codec.values()) {
            SameHeap.assertSame(heap, roundTrip(heap, snapshot, codec, snapshot));
        }
    }

    @Test
    void aJavaDumpComesBackTheSameWithItsStringsAndFields() throws Exception {
        Path plain = inflate(JAVA_DUMP);
        AnalyzedHeap heap = load(plain);
        HeapGraph graph = heap.graph();
        for (IndexFormat.Codec codec : IndexFormat.Codec.values()) {
            AnalyzedHeap restored = roundTrip(heap, plain, codec, plain);
            SameHeap.assertSame(heap, restored);
            int strings = 0;
            for (int node = 0; node < graph.nodeCount(); node++) {
                String text = graph.objectText(node, 200);
                strings += text != null ? 1 : 0;
                assertEquals(text, restored.graph().objectText(node, 200), "text of node " + node);
                assertEquals(graph.objectText(node, 3), restored.graph().objectText(node, 3), "cut text " + node);
                assertEquals(graph.objectFields(node), restored.graph().objectFields(node), "fields of " + node);
            }
            assertTrue(strings > 1000, "the fixture's Strings have text: " + strings);
        }
    }

    /** Without the dump, Strings still show their text; field values say where the dump must be. */
    @Test
    void withoutItsDumpAJavaHeapKeepsItsTextsAndSaysWhyFieldsAreMissing() throws Exception {
        Path plain = inflate(JAVA_DUMP);
        AnalyzedHeap heap = load(plain);
        AnalyzedHeap restored = roundTrip(heap, plain, IndexFormat.Codec.PACKED, null);
        SameHeap.assertSame(heap, restored);
        HeapGraph graph = restored.graph();
        assertNotNull(graph.objectFieldsUnavailable());
        assertTrue(graph.objectFieldsUnavailable().contains("beside"), graph.objectFieldsUnavailable());
        int node = firstWithFields(heap.graph());
        assertEquals(List.of(), graph.objectFields(node));
        assertEquals(heap.graph().objectText(node, 200), graph.objectText(node, 200));
    }

    /** A dump gzipped as one stream offers no texts or fields; the stored heap says the same, with the reason. */
    @Test
    void aSingleStreamGzipDumpKeepsItsReasonForNoFields() throws Exception {
        Path plain = inflate(JAVA_DUMP);
        Path oneStream = temp.resolve("one-stream.hprof.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(oneStream))) {
            Files.copy(plain, out);
        }
        AnalyzedHeap heap = load(oneStream);
        assertNotNull(heap.graph().objectFieldsUnavailable());
        AnalyzedHeap restored = roundTrip(heap, oneStream, IndexFormat.Codec.RAW, oneStream);
        SameHeap.assertSame(heap, restored);
        assertEquals(heap.graph().objectFieldsUnavailable(), restored.graph().objectFieldsUnavailable());
        assertNull(restored.graph().objectText(firstWithFields(load(plain).graph()), 200));
    }

    /** A jcmd -gz dump (1 MiB members) has its texts and fields read through its members, stored or not. */
    @Test
    void aMultiMemberGzipDumpComesBackWithItsStringsAndFields() throws Exception {
        AnalyzedHeap heap = load(JAVA_DUMP);
        AnalyzedHeap restored = roundTrip(heap, JAVA_DUMP, IndexFormat.Codec.RAW, JAVA_DUMP);
        SameHeap.assertSame(heap, restored);
        int node = firstWithFields(heap.graph());
        assertEquals(heap.graph().objectFields(node), restored.graph().objectFields(node));
    }

    private AnalyzedHeap roundTrip(AnalyzedHeap heap, Path dump, IndexFormat.Codec codec, Path dumpBeside)
            throws IOException {
        Path file = temp.resolve(codec + "-" + System.nanoTime() + ".hsindex");
        try (IndexWriter out = new IndexWriter(file, codec)) {
            StoredHeap.write(heap, IndexMeta.of(heap, DumpIdentity.of(dump), false), out, CancelSignal.NEVER);
        }
        try (IndexReader in = IndexReader.open(file, codec == IndexFormat.Codec.RAW)) {
            IndexMeta meta = StoredHeap.meta(in);
            assertEquals(heap.graph().nodeCount(), meta.nodeCount());
            AnalyzedHeap restored = StoredHeap.read(in, meta, dumpBeside,
                    dumpBeside == null ? "the dump is not beside the index" : null);
            assertStoredSummaryIsTheRestoredHeaps(in, restored);
            return restored;
        }
    }

    /**
     * The Summary rows stored with the heap are what its restored arrays add up to: the same rows as a filter that
     * is not stored but keeps every object (every id) makes.
     */
    private static void assertStoredSummaryIsTheRestoredHeaps(IndexReader in, AnalyzedHeap restored) {
        assertTrue(in.has("analysis.summary.all"));
        assertEquals(restored.uncountedNodes() != null, in.has("analysis.summary.unreachable"));
        assertEquals(ClassAggregator.aggregate(restored, new NodeFilter.AllocatedBetween(Long.MIN_VALUE,
                Long.MAX_VALUE)), ClassAggregator.aggregate(restored, NodeFilter.ALL));
    }

    private static int firstWithFields(HeapGraph graph) {
        for (int node = 0; node < graph.nodeCount(); node++) {
            if (graph.objectText(node, 200) != null && !graph.objectFields(node).isEmpty()) {
                return node;
            }
        }
        throw new AssertionError("no String with fields");
    }

    private static AnalyzedHeap load(Path file) throws Exception {
        return HeapLoader.load(file, ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    private Path inflate(Path gzipped) throws IOException {
        Path plain = temp.resolve(gzipped.getFileName().toString().replace(".gz", ""));
        if (!Files.exists(plain)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
                Files.copy(in, plain);
            }
        }
        return plain;
    }
}
