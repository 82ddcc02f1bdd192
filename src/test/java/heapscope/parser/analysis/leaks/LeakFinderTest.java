package heapscope.parser.analysis.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.FileSeries;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The leak report on real series of leaking Node programs (src/test/scripts/v8/*-program.js, described in
 * src/test/resources/fixtures/v8/README.md): each program has one leak, which must be the one entry, named by the
 * closure variable that holds it, with what it holds counted exactly. The out-of-order case goes through
 * {@link FileSeries}, which the CLI uses; the others use heaps loaded once per test JVM.
 */
class LeakFinderTest {
    /**
     * The fixtures, loaded once per test JVM even in the mutation run: the leak report does not change how a heap is
     * read and analysed, so a heap loaded before a mutant of the report was swapped in hides nothing.
     */
    private static final Map<Path, AnalyzedHeap> HEAPS = new ConcurrentHashMap<>();

    private static LeakReport report(String folder, String name, int count) throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            files.add(Fixtures.V8.resolve(folder).resolve(name + "-" + i + ".heapsnapshot.gz"));
        }
        return LeakFinder.find(new HeapSeries(files.stream().map(f -> f.getFileName().toString()).toList(),
                k -> HEAPS.computeIfAbsent(files.get(k), Fixtures::load)), ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    private static ClassGrowth held(LeakSuspect suspect, String className) {
        return suspect.held().stream().filter(c -> c.className().equals(className)).findFirst().orElseThrow(
                () -> new AssertionError(className + " not in " + suspect.held()));
    }

    @Test
    void theSeedLeakIsOneEntryNamedByItsVariable() throws Exception {
        LeakReport report = report("leak4", "leak", 4);
        assertEquals("v8-object-id", report.matching());
        assertTrue(report.warnings().isEmpty(), report.warnings().toString());
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect leak = report.suspects().get(0);
        assertEquals("leakyData (closure variable)", leak.name());
        assertEquals("Array", leak.containerClass());
        assertTrue(leak.grewEveryStep());
        // 400 LeakyItems a snapshot, never removed; the newest 10 are also in nonLeakyData, so the array does not
        // dominate them.
        ClassGrowth items = leak.held().get(0);
        assertEquals("LeakyItem", items.className());
        assertArrayEquals(new long[] {400, 800, 1200, 1590}, items.countBySnapshot());
        assertEquals(3 * 400 - 10, items.added());
    }

    @Test
    void listenersKeptInARegistryMapAreOneEntryWithWhatTheyHold() throws Exception {
        LeakReport report = report("listeners", "listeners", 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect leak = report.suspects().get(0);
        assertEquals("registry (closure variable)", leak.name());
        assertEquals("Map", leak.containerClass());
        assertTrue(leak.path().contains("EventRegistry.listeners"), leak.path());
        assertEquals("{event, fn}", leak.held().get(0).className());
        for (String held : List.of("{event, fn}", "onTick()", "Session")) {
            assertEquals(800, held(leak, held).added(), held);
        }
    }

    @Test
    void anEverGrowingCacheIsOneEntryHeadedByItsEntries() throws Exception {
        LeakReport report = report("buffer-cache", "buffer-cache", 3);
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect leak = report.suspects().get(0);
        assertEquals("responseCache (closure variable)", leak.name());
        assertEquals("CacheEntry", leak.held().get(0).className());
        assertArrayEquals(new long[] {400, 800, 1200}, leak.held().get(0).countBySnapshot());
        assertEquals(800, held(leak, "Buffer").added());
    }

    @Test
    void snapshotsOutOfOrderAreFlagged() throws Exception {
        List<Path> files = List.of(Fixtures.V8.resolve("leak4/leak-3.heapsnapshot.gz"),
                Fixtures.V8.resolve("leak4/leak-1.heapsnapshot.gz"), Fixtures.V8.resolve("leak4/leak-4.heapsnapshot.gz"));
        LeakReport report = LeakFinder.find(new FileSeries(files, ProgressListener.NO_OP, CancelSignal.NEVER),
                ProgressListener.NO_OP, CancelSignal.NEVER);
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("not in the order")), report.warnings().toString());
    }
}
