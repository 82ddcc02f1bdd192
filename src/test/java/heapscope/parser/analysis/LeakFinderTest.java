package heapscope.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.FileSeries;
import heapscope.parser.model.LeakGroup;
import heapscope.parser.model.LeakReport;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.FixtureSeries;
import heapscope.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leak report on real series of leaking Node programs (src/test/scripts/v8/*-program.js). The out-of-order case
 * goes through {@link FileSeries}, which the CLI uses; the others use the test-wide cache of loaded fixtures.
 */
class LeakFinderTest {

    private static LeakReport report(String folder, String name, int count) throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            files.add(Fixtures.V8.resolve(folder).resolve(name + "-" + i + ".heapsnapshot.gz"));
        }
        return LeakFinder.find(new FixtureSeries(files), CancelSignal.NEVER);
    }

    @Test
    void theSeedLeakComesFirstHeldByLeakyDataAndGrowingAtEveryStep() throws Exception {
        LeakReport report = report("leak4", "leak", 4);
        assertEquals("v8-object-id", report.matching());
        assertTrue(report.warnings().isEmpty(), report.warnings().toString());
        LeakGroup first = report.groups().get(0);
        assertEquals("LeakyItem", first.className());
        assertTrue(first.pathSignature().contains(".leakyData"), first.pathSignature());
        assertTrue(first.grewEveryStep());
        assertGrowsBy(400, first);
    }

    /** The programs make 400 units of work between two snapshots (src/test/scripts/v8/*-program.js). */
    private static void assertGrowsBy(long perStep, LeakGroup group) {
        long[] counts = group.counts();
        for (int k = 1; k < counts.length; k++) {
            assertEquals(perStep, counts[k] - counts[k - 1], java.util.Arrays.toString(counts));
        }
        assertEquals(counts[counts.length - 1] - counts[0], group.growth());
    }

    @Test
    void groupsThatDidNotGrowAreNotReported() throws Exception {
        for (LeakGroup group : report("leak4", "leak", 4).groups()) {
            long[] counts = group.counts();
            int rises = 0;
            for (int k = 1; k < counts.length; k++) {
                assertTrue(counts[k] >= counts[k - 1], group.pathSignature());
                rises += counts[k] > counts[k - 1] ? 1 : 0;
            }
            assertTrue(rises >= 2, group.pathSignature());
            assertTrue(!group.pathSignature().contains("nonLeakyData"), group.pathSignature());
        }
    }

    @Test
    void listenersKeptInARegistryMapComeFirst() throws Exception {
        LeakGroup first = report("listeners", "listeners", 3).groups().get(0);
        assertTrue(first.pathSignature().contains(".registry"), first.pathSignature());
        // The registry's Map holds a {event, fn} record per connection; its closure holds the connection's Session,
        // which is part of this group's leak and not listed apart.
        assertEquals("{event, fn}", first.className());
        assertTrue(first.grewEveryStep());
        assertGrowsBy(400, first);
    }

    @Test
    void entriesOfAnEverGrowingCacheComeFirst() throws Exception {
        LeakGroup first = report("buffer-cache", "buffer-cache", 3).groups().get(0);
        assertEquals("CacheEntry", first.className());
        assertTrue(first.pathSignature().contains(".responseCache"), first.pathSignature());
        assertGrowsBy(400, first);
    }

    @Test
    void snapshotsOutOfOrderAreFlagged() throws Exception {
        List<Path> files = List.of(Fixtures.V8.resolve("leak4/leak-3.heapsnapshot.gz"),
                Fixtures.V8.resolve("leak4/leak-1.heapsnapshot.gz"), Fixtures.V8.resolve("leak4/leak-4.heapsnapshot.gz"));
        LeakReport report = LeakFinder.find(new FileSeries(files, ProgressListener.NO_OP, CancelSignal.NEVER),
                CancelSignal.NEVER);
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("not in the order")), report.warnings().toString());
    }
}
