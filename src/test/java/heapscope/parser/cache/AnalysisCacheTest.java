package heapscope.parser.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.PhaseTimer;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.store.CacheFolder;
import heapscope.testing.Fixtures;
import heapscope.testing.SameHeap;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis cache in a folder of its own: hits, misses, what makes an entry unusable, and the size budget. */
class AnalysisCacheTest {
    private static final Path LEAK = Fixtures.V8.resolve("leak4");

    @TempDir
    Path temp;
    private Path dumps;
    private Path folder;
    private final List<String> notes = new ArrayList<>();
    private AnalysisCache cache;

    @BeforeEach
    void setUp() throws IOException {
        dumps = Files.createDirectory(temp.resolve("dumps"));
        folder = temp.resolve("cache");
        cache = AnalysisCache.at(folder, notes::add);
        for (int i = 1; i <= 3; i++) {
            Files.copy(LEAK.resolve("leak-" + i + ".heapsnapshot.gz"), dumps.resolve("leak-" + i + ".heapsnapshot.gz"));
        }
    }

    @Test
    void theSecondOpenReadsTheStoredAnalysisAndNothingIsWrittenBesideTheDump() throws Exception {
        Path dump = dumps.resolve("leak-1.heapsnapshot.gz");
        PhaseTimer first = new PhaseTimer(ProgressListener.NO_OP);
        AnalyzedHeap analysed = open(dump, first);
        assertTrue(first.finish().stream().anyMatch(t -> t.phase() == Phase.BUILDING_DOMINATOR_TREE));
        PhaseTimer second = new PhaseTimer(ProgressListener.NO_OP);
        AnalyzedHeap stored = open(dump, second);
        assertEquals(List.of(Phase.READING_STORED_ANALYSIS),
                second.finish().stream().map(PhaseTimer.PhaseTime::phase).toList());
        SameHeap.assertSame(analysed, stored);
        assertEquals(List.of(), notes);
        try (Stream<Path> files = Files.list(dumps)) {
            assertEquals(3, files.count(), "only the three dumps beside each other");
        }
        assertEquals(1, cache.entries().size());
        assertEquals(AnalysisCache.DumpState.UNCHANGED, cache.entries().get(0).dumpState());
    }

    @Test
    void aChangedFileIsAnalysedAgainWithANote() throws Exception {
        Path dump = dumps.resolve("leak-1.heapsnapshot.gz");
        open(dump, ProgressListener.NO_OP);
        Files.copy(dumps.resolve("leak-2.heapsnapshot.gz"), dump, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AnalyzedHeap reopened = open(dump, ProgressListener.NO_OP);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("leak-1.heapsnapshot.gz changed since its analysis was cached"));
        SameHeap.assertSame(HeapLoader.load(dumps.resolve("leak-2.heapsnapshot.gz"), ProgressListener.NO_OP,
                CancelSignal.NEVER), reopened);
        assertNotNull(cache.lookup(dump, ProgressListener.NO_OP).heap(), "the new analysis was cached");
    }

    @Test
    void aFileTouchedButNotChangedIsAnalysedAgainToo() throws Exception {
        Path dump = dumps.resolve("leak-1.heapsnapshot.gz");
        open(dump, ProgressListener.NO_OP);
        Files.setLastModifiedTime(dump, FileTime.fromMillis(Files.getLastModifiedTime(dump).toMillis() + 60_000));
        assertNull(cache.lookup(dump, ProgressListener.NO_OP).heap());
        assertEquals(1, notes.size(), notes.toString());
    }

    @Test
    void aCutOrDamagedEntryIsRebuiltWithANoteNeverTrusted() throws Exception {
        Path dump = dumps.resolve("leak-1.heapsnapshot.gz");
        AnalyzedHeap analysed = open(dump, ProgressListener.NO_OP);
        Path entry = onlyEntry();
        long size = Files.size(entry);
        try (RandomAccessFile raw = new RandomAccessFile(entry.toFile(), "rw")) {
            raw.setLength(size / 2);
        }
        SameHeap.assertSame(analysed, open(dump, ProgressListener.NO_OP));
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("cut short"), notes.get(0));

        entry = onlyEntry();
        try (RandomAccessFile raw = new RandomAccessFile(entry.toFile(), "rw")) {
            raw.seek(size / 2);
            int b = raw.read();
            raw.seek(size / 2);
            raw.write(b ^ 0x10);
        }
        SameHeap.assertSame(analysed, open(dump, ProgressListener.NO_OP));
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(1).contains("does not match its checksum"), notes.get(1));
        assertNotNull(cache.lookup(dump, ProgressListener.NO_OP).heap(), "rebuilt");
    }

    @Test
    void anEntryOfAnotherBuildIsReplacedWithoutANote() throws Exception {
        Path dump = dumps.resolve("leak-1.heapsnapshot.gz");
        AnalyzedHeap analysed = open(dump, ProgressListener.NO_OP);
        Path entry = onlyEntry();
        IndexMeta meta = IndexMeta.of(analysed, DumpIdentity.of(dump), false);
        Files.delete(entry);
        try (IndexWriter out = new IndexWriter(entry, IndexFormat.Codec.RAW)) {
            StoredHeap.write(analysed, new IndexMeta(false, "heapscope 0.0.1 (built long ago)", meta.dump(),
                    meta.format(), meta.nodeCount(), meta.edgeCount(), meta.totalSize(), 0), out, CancelSignal.NEVER);
        }
        assertNull(cache.lookup(dump, ProgressListener.NO_OP).heap());
        assertEquals(List.of(), notes);
    }

    @Test
    void theLeastRecentlyUsedEntriesGoWhenTheBudgetIsPassed() throws Exception {
        open(dumps.resolve("leak-1.heapsnapshot.gz"), ProgressListener.NO_OP);
        long entryBytes = Files.size(onlyEntry());
        cache.setBudget(entryBytes * 5 / 2);
        assertFalse(cache.budgetIsDefault());
        open(dumps.resolve("leak-2.heapsnapshot.gz"), ProgressListener.NO_OP);
        age(folder, 60_000);
        // leak-1 was used last, so leak-2's entry is the one to go when leak-3's comes.
        assertNotNull(cache.lookup(dumps.resolve("leak-1.heapsnapshot.gz"), ProgressListener.NO_OP).heap());
        open(dumps.resolve("leak-3.heapsnapshot.gz"), ProgressListener.NO_OP);
        List<String> cached = cache.entries().stream().map(e -> Path.of(e.dumpPath()).getFileName().toString())
                .toList();
        assertEquals(List.of("leak-3.heapsnapshot.gz", "leak-1.heapsnapshot.gz"), cached);
        assertTrue(cache.usedBytes() <= cache.budgetBytes());
        cache.setBudget(null);
        assertTrue(cache.budgetIsDefault());
    }

    @Test
    void entriesOfFilesThatAreGoneGoFirst() throws Exception {
        open(dumps.resolve("leak-1.heapsnapshot.gz"), ProgressListener.NO_OP);
        Files.delete(dumps.resolve("leak-1.heapsnapshot.gz"));
        assertEquals(AnalysisCache.DumpState.MISSING, cache.entries().get(0).dumpState());
        open(dumps.resolve("leak-2.heapsnapshot.gz"), ProgressListener.NO_OP);
        assertEquals(1, cache.entries().size());
        assertTrue(cache.entries().get(0).dumpPath().endsWith("leak-2.heapsnapshot.gz"));
    }

    @Test
    void anAnalysisLargerThanTheBudgetIsNotCachedAndSaysSo() throws Exception {
        cache.setBudget(1000L);
        open(dumps.resolve("leak-1.heapsnapshot.gz"), ProgressListener.NO_OP);
        assertEquals(0, cache.entries().size());
        assertTrue(notes.get(0).contains("is not cached: it needs about"), notes.toString());
    }

    @Test
    void clearRemovesEveryEntry() throws Exception {
        open(dumps.resolve("leak-1.heapsnapshot.gz"), ProgressListener.NO_OP);
        open(dumps.resolve("leak-2.heapsnapshot.gz"), ProgressListener.NO_OP);
        assertEquals(2, cache.clear());
        assertEquals(List.of(), cache.entries());
        assertEquals(0, cache.usedBytes());
    }

    /** The entry is begun while the analysis runs; an analysis canceled half-way leaves nothing behind. */
    @Test
    void aCanceledAnalysisLeavesNoEntryAndNoTemporaryFile() throws Exception {
        boolean[] cancel = {false};
        ProgressListener cancelAtRetainers = new ProgressListener() {
            @Override
            public void phaseStarted(Phase phase) {
                cancel[0] |= phase == Phase.BUILDING_RETAINERS;
            }

            @Override
            public void progress(long done, long total) {
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(heapscope.parser.progress.CanceledException.class,
                () -> HeapLoader.load(dumps.resolve("leak-1.heapsnapshot.gz"), cache, cancelAtRetainers,
                        () -> cancel[0]));
        AnalysisCache.finishWrites();
        try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            assertEquals(List.of(), files.toList());
        }
        assertEquals(List.of(), notes);
    }

    @Test
    void aDisabledCacheNeitherReadsNorWrites() throws Exception {
        AnalysisCache off = AnalysisCache.disabled();
        AnalyzedHeap heap = HeapLoader.load(dumps.resolve("leak-1.heapsnapshot.gz"), off, ProgressListener.NO_OP,
                CancelSignal.NEVER);
        AnalysisCache.finishWrites();
        assertNotNull(heap);
        assertFalse(off.enabled());
        assertFalse(Files.exists(folder));
    }

    @Test
    void theFolderFollowsThePlatform() {
        java.util.Properties linux = properties("Linux", "/home/ada");
        assertEquals(Path.of("/home/ada/.cache/heapscope"), CacheFolder.resolve(linux, java.util.Map.of()));
        assertEquals(Path.of("/xdg/heapscope"), CacheFolder.resolve(linux, java.util.Map.of("XDG_CACHE_HOME", "/xdg")));
        assertEquals(Path.of("/home/ada/.cache/heapscope"),
                CacheFolder.resolve(linux, java.util.Map.of("XDG_CACHE_HOME", "relative")), "XDG ignores relative");
        assertEquals(Path.of("/Users/ada/Library/Caches/Heapscope"),
                CacheFolder.resolve(properties("Mac OS X", "/Users/ada"), java.util.Map.of()));
        assertEquals(Path.of("/lad/Heapscope/Cache"), CacheFolder.resolve(properties("Windows 11", "/users/ada"),
                java.util.Map.of("LOCALAPPDATA", "/lad")));
        assertEquals(Path.of("/elsewhere"), CacheFolder.resolve(linux, java.util.Map.of("HEAPSCOPE_CACHE_DIR",
                "/elsewhere")));
        linux.setProperty("heapscope.cache.dir", "/property");
        assertEquals(Path.of("/property"), CacheFolder.resolve(linux, java.util.Map.of("HEAPSCOPE_CACHE_DIR",
                "/elsewhere")), "the system property first");
    }

    private static java.util.Properties properties(String os, String home) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("os.name", os);
        properties.setProperty("user.home", home);
        return properties;
    }

    private AnalyzedHeap open(Path dump, ProgressListener listener) throws Exception {
        AnalyzedHeap heap = HeapLoader.load(dump, cache, listener, CancelSignal.NEVER);
        AnalysisCache.finishWrites();
        return heap;
    }

    private Path onlyEntry() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> entries = files.filter(p -> p.toString().endsWith(AnalysisCache.ENTRY_SUFFIX)).toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.get(0);
        }
    }

    /** Moves the entries' last use back in time, so that the next use is clearly later. */
    private static void age(Path folder, long millis) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis()
                        - millis));
            }
        }
    }
}
