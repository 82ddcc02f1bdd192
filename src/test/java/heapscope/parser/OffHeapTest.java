package heapscope.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.cache.AnalysisCache;
import heapscope.parser.cache.DumpIdentity;
import heapscope.parser.cache.PortableIndex;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.PhaseTimer;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.MemoryEstimate;
import heapscope.parser.read.hprof.index.ObjectIdIndex;
import heapscope.parser.read.hprof.index.PagedLongArray;
import heapscope.parser.read.hprof.index.RecordOffsets;
import heapscope.parser.store.CacheFolder;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import heapscope.testing.Fixtures;
import heapscope.testing.SameHeap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real dumps analysed with the big arrays forced off the Java heap ({@code -Dheapscope.offheap=on}) give every result
 * the heap run gives, and so does the analysis cache when it maps the stored arrays instead of reading them; the
 * mapped files do not stay in the cache folder.
 */
class OffHeapTest {
    private static final Path HPROF = Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz");
    private static final Path V8 = Fixtures.V8.resolve("leak4").resolve("leak-1.heapsnapshot.gz");

    @TempDir
    Path temp;

    @Test
    void aJavaDumpAnalysedOffTheHeapEqualsTheHeapRun() throws Exception {
        AnalyzedHeap offHeap = assertOffHeapRunEqualsHeapRun(HPROF);
        assertTrue(offHeap.graph().objectContents().offHeapBytes() > 0, "the record offsets are mapped");
    }

    @Test
    void aV8SnapshotAnalysedOffTheHeapEqualsTheHeapRun() throws Exception {
        assertOffHeapRunEqualsHeapRun(V8);
    }

    @Test
    void anAnalysisCachedOffTheHeapReopensMappedWithTheSameResults() throws Exception {
        AnalyzedHeap onHeap = load(HPROF, "off");
        AnalysisCache cache = AnalysisCache.at(temp.resolve("cache"), note -> { });
        AnalyzedHeap first = withOffHeap("on", () -> {
            AnalyzedHeap heap = HeapLoader.load(HPROF, cache, ProgressListener.NO_OP, CancelSignal.NEVER);
            AnalysisCache.finishWrites();
            return heap;
        });
        PhaseTimer reopen = new PhaseTimer(ProgressListener.NO_OP);
        AnalyzedHeap stored = withOffHeap("on", () -> HeapLoader.load(HPROF, cache, reopen, CancelSignal.NEVER));
        assertEquals(List.of(Phase.READING_STORED_ANALYSIS),
                reopen.finish().stream().map(PhaseTimer.PhaseTime::phase).toList());
        assertTrue(first.graph().columns().offHeap());
        assertTrue(stored.graph().columns().offHeap());
        assertFalse(stored.retainers().retainerSources().onHeap(), "the retainers are mapped from the entry");
        assertFalse(stored.distances().onHeap(), "the distances are mapped from the entry");
        assertFalse(stored.dominators().onHeap(), "the dominators are mapped from the entry");
        assertFalse(stored.graph().firstEdgeIndex().onHeap(), "the first edges are mapped from the entry");
        assertFalse(stored.graph().nodeNames().onHeap(), "the names are mapped from the entry");
        assertFalse(stored.graph().contentHashes().onHeap(), "the content hashes are mapped from the entry");
        assertFalse(stored.classes().classByNode().onHeap(), "the classes are mapped from the entry");
        assertFalse(stored.graph().nodeTypes().onHeap(), "the node types are mapped from the entry");
        assertFalse(stored.domStates().onHeap(), "the DOM states are mapped from the entry");
        assertTrue(stored.graph().nodeSelfSizes().offHeapBytes() > 0, "the self sizes are mapped from the entry");
        assertTrue(stored.retainedSizes().offHeapBytes() > 0, "the retained sizes are mapped from the entry");
        SameHeap.assertSame(onHeap, stored);
        // And a heap restored onto the Java heap from that entry is the same again.
        SameHeap.assertSame(onHeap, withOffHeap("off", () -> HeapLoader.load(HPROF, cache, ProgressListener.NO_OP,
                CancelSignal.NEVER)));
    }

    @Test
    void aPortableIndexWrittenFromAnOffHeapAnalysisOpensWithTheSameResults() throws Exception {
        AnalyzedHeap onHeap = load(HPROF, "off");
        AnalyzedHeap offHeap = load(HPROF, "on");
        Path index = temp.resolve("small.hprof.hsindex");
        withOffHeap("on", () -> PortableIndex.write(offHeap, DumpIdentity.of(HPROF), index, CancelSignal.NEVER));
        SameHeap.assertSame(onHeap, PortableIndex.open(index, ProgressListener.NO_OP));
        AnalyzedHeap decodedOffHeap = withOffHeap("on", () -> PortableIndex.open(index, ProgressListener.NO_OP));
        assertFalse(decodedOffHeap.retainers().retainerSources().onHeap(), "packed arrays are decoded off the heap");
        SameHeap.assertSame(onHeap, decodedOffHeap);
    }

    @Test
    void noRoomForTheMappedFilesIsOneSentenceNamingTheDumpAndTheFolder() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("not-a-folder"), "a file where the cache folder should be");
        String before = System.getProperty("heapscope.cache.dir");
        System.setProperty("heapscope.cache.dir", notAFolder.toString());
        try {
            HeapFileException e = assertThrows(HeapFileException.class, () -> load(HPROF, "on"));
            assertTrue(e.getMessage().startsWith("jdk25-small.hprof.gz: does not fit in the Java heap, and its largest"
                    + " arrays cannot go off it: no file can be made in " + notAFolder.resolve("off-heap")),
                    e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("heapscope.cache.dir");
            } else {
                System.setProperty("heapscope.cache.dir", before);
            }
        }
    }

    @Test
    void aMappedColumnReadsAndWritesAcrossItsMappings() throws Exception {
        int chunk = 1 << 28; // ints per mapping; the file is sparse, so only the pages touched take space
        IntColumn column = Columns.offHeap(temp).ints(chunk + 10);
        assertFalse(column.onHeap());
        for (int i = chunk - 5; i < chunk + 10; i++) {
            assertEquals(0, column.get(i));
            column.set(i, i * 7);
        }
        for (int i = chunk - 5; i < chunk + 10; i++) {
            assertEquals(i * 7, column.get(i));
        }
        int[] copied = new int[15];
        column.copyTo(chunk - 5, copied, 0, 15);
        for (int i = 0; i < 15; i++) {
            assertEquals((chunk - 5 + i) * 7, copied[i]);
        }
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList(), "the mapped file is deleted once mapped");
        }
    }

    @Test
    void theReadersIdIndexAndRecordOffsetsMappedAnswerAsOnTheHeap() {
        // As HotSpot writes ids: scattered class mirrors, then ascending runs (merged), with a repeated id; and ids
        // in one ascending run (no sort at all).
        Random random = new Random(14);
        PagedLongArray runs = new PagedLongArray();
        PagedLongArray ascending = new PagedLongArray();
        for (int i = 0; i < 500; i++) {
            runs.add(0x7_0000_0000L + 8L * random.nextInt(1 << 24));
        }
        for (int run = 0; run < 3; run++) {
            for (int i = 0; i < 6000; i++) {
                runs.add(0x7_0800_0000L + (2L - run) * (1 << 20) * 8 + 24L * i);
                ascending.add(0x7_0800_0000L + 24L * (run * 6000 + i));
            }
        }
        runs.add(runs.get(7));
        Columns mapped = Columns.offHeap(temp);
        for (PagedLongArray ids : List.of(runs, ascending)) {
            ObjectIdIndex onHeap = ObjectIdIndex.build(ids, Columns.ON_HEAP, CancelSignal.NEVER);
            ObjectIdIndex offHeap = ObjectIdIndex.build(ids, mapped, CancelSignal.NEVER);
            assertEquals(onHeap.duplicateCount(), offHeap.duplicateCount());
            for (long i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                assertEquals(onHeap.fileIndexOf(id), offHeap.fileIndexOf(id), "id " + id);
                assertEquals(onHeap.fileIndexOf(id + 4), offHeap.fileIndexOf(id + 4));
                assertEquals(onHeap.nextIdAfter(id), offHeap.nextIdAfter(id));
            }
        }
        assertEquals(1, ObjectIdIndex.build(runs, mapped, CancelSignal.NEVER).duplicateCount());

        RecordOffsets onHeap = new RecordOffsets();
        RecordOffsets offHeap = new RecordOffsets();
        long offset = 0;
        for (int i = 0; i < (1 << 20) + 100; i++) { // two pages, crossing 4 GiB
            offset += 1 + random.nextInt(16_384);
            onHeap.add(offset);
            offHeap.add(offset);
        }
        onHeap.finish(Columns.ON_HEAP);
        offHeap.finish(mapped);
        assertTrue(offHeap.heapBytes() < 1024, "the pages are mapped");
        // A full page of 2^20 offsets and a last page of only the 100 it holds (not a second 4 MiB page), on the heap
        // or mapped; plus the few high words.
        long offsets = 4L * ((1 << 20) + 100);
        assertEquals(onHeap.retainedBytes(), offHeap.retainedBytes());
        assertTrue(onHeap.retainedBytes() >= offsets && onHeap.retainedBytes() < offsets + 1024,
                onHeap.retainedBytes() + " bytes");
        assertTrue(offset > 1L << 32);
        for (int i = 0; i < onHeap.size(); i++) {
            assertEquals(onHeap.get(i), offHeap.get(i), "offset " + i);
        }
    }

    @Test
    void theEstimateChoosesTheHeapWhenItFitsAndRefusesWhenNothingDoes() {
        MemoryEstimate small = MemoryEstimate.forGraph(heapscope.parser.graph.HeapFormat.HPROF, 1000, 4000);
        assertFalse(withOffHeapUnchecked("auto", () -> small.columns(0)).offHeap());
        assertTrue(withOffHeapUnchecked("on", () -> small.columns(0)).offHeap());
        MemoryEstimate big = MemoryEstimate.forGraph(heapscope.parser.graph.HeapFormat.HPROF,
                Runtime.getRuntime().maxMemory() / 200, Runtime.getRuntime().maxMemory() / 20);
        assertTrue(big.offHeap().peakBytes() < big.peakBytes());
        assertTrue(big.offHeap().peakBytes() < Runtime.getRuntime().maxMemory(), "fits off the heap");
        assertTrue(big.peakBytes() > Runtime.getRuntime().maxMemory(), "does not fit on it");
        assertTrue(withOffHeapUnchecked("auto", () -> big.columns(0)).offHeap());
        MemoryEstimate huge = MemoryEstimate.forGraph(heapscope.parser.graph.HeapFormat.HPROF,
                Runtime.getRuntime().maxMemory() / 8, Runtime.getRuntime().maxMemory() / 8);
        assertThrowsTooLarge(() -> withOffHeapUnchecked("auto", () -> huge.columns(0)));
    }

    /** Returns the heap analysed off the heap. */
    private AnalyzedHeap assertOffHeapRunEqualsHeapRun(Path file) throws Exception {
        AnalyzedHeap onHeap = load(file, "off");
        AnalyzedHeap offHeap = load(file, "on");
        assertFalse(onHeap.graph().columns().offHeap());
        assertTrue(offHeap.graph().columns().offHeap());
        assertFalse(offHeap.retainers().retainerSources().onHeap(), "the retainers are mapped");
        assertFalse(offHeap.distances().onHeap(), "the distances are mapped");
        assertFalse(offHeap.dominators().onHeap(), "the dominators are mapped");
        SameHeap.assertSame(onHeap, offHeap);
        assertNoMappedFilesLeft();
        return offHeap;
    }

    private static void assertNoMappedFilesLeft() throws Exception {
        Path folder = CacheFolder.resolve().resolve("off-heap");
        List<Path> left = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(left::add);
            }
        }
        assertEquals(List.of(), left, "mapped files are deleted once mapped");
    }

    private static AnalyzedHeap load(Path file, String offHeap) throws Exception {
        return withOffHeap(offHeap, () -> HeapLoader.load(file, ProgressListener.NO_OP, CancelSignal.NEVER));
    }

    private interface Open<T> {
        T run() throws Exception;
    }

    private static <T> T withOffHeap(String mode, Open<T> open) throws Exception {
        String before = System.getProperty(MemoryEstimate.OFF_HEAP_PROPERTY);
        System.setProperty(MemoryEstimate.OFF_HEAP_PROPERTY, mode);
        try {
            return open.run();
        } finally {
            if (before == null) {
                System.clearProperty(MemoryEstimate.OFF_HEAP_PROPERTY);
            } else {
                System.setProperty(MemoryEstimate.OFF_HEAP_PROPERTY, before);
            }
        }
    }

    private static <T> T withOffHeapUnchecked(String mode, Open<T> open) {
        try {
            return withOffHeap(mode, open);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertThrowsTooLarge(Runnable run) {
        try {
            run.run();
        } catch (MemoryEstimate.TooLarge expected) {
            return;
        }
        throw new AssertionError("expected the estimate to refuse");
    }
}
