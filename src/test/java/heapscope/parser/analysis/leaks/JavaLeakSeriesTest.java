package heapscope.parser.analysis.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.FileSeries;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.model.LeakReport;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak report on three real HPROF dumps of a program whose static map grows (src/test/resources/programs/
 * GrowingStaticMap.java, run in a child JVM during the test). Addresses differ between the dumps, so its objects are
 * followed by the object matching.
 */
class JavaLeakSeriesTest {
    @TempDir
    static Path dumps;
    @TempDir
    static Path otherRun;
    private static LeakReport report;

    @BeforeAll
    static void dumpThreeRounds() throws Exception {
        run(dumps);
        report = find(dumps.resolve("round-1.hprof"), dumps.resolve("round-2.hprof"), dumps.resolve("round-3.hprof"));
    }

    private static void run(Path out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m",
                Path.of("src/test/resources/programs/GrowingStaticMap.java").toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), output);
    }

    private static LeakReport find(Path... files) throws Exception {
        return LeakFinder.find(new FileSeries(List.of(files), ProgressListener.NO_OP, CancelSignal.NEVER),
                ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    @Test
    void dumpsGivenNewestFirstAreFlaggedByTheirHeaders() throws Exception {
        LeakReport reversed = find(dumps.resolve("round-3.hprof"), dumps.resolve("round-2.hprof"),
                dumps.resolve("round-1.hprof"));
        assertEquals(2, reversed.warnings().stream().filter(w -> w.contains("not in the order they were taken"))
                .count(), reversed.warnings().toString());
        assertTrue(report.warnings().stream().noneMatch(w -> w.contains("order") || w.contains("process")),
                report.warnings().toString());
    }

    @Test
    void dumpsOfAnotherRunAreFlaggedByTheirThreads() throws Exception {
        run(otherRun);
        LeakReport mixed = find(dumps.resolve("round-1.hprof"), otherRun.resolve("round-2.hprof"));
        assertTrue(mixed.warnings().stream().anyMatch(w -> w.contains("different processes")),
                mixed.warnings().toString());
    }

    @Test
    void theStaticMapIsTheOneLeakNamedByItsField() {
        assertEquals("structural", report.matching());
        assertEquals(1, report.suspects().size(), report.suspects().toString());
        LeakSuspect leak = report.suspects().get(0);
        assertEquals("GrowingStaticMap.SESSIONS", leak.name());
        assertEquals("java.util.HashMap", leak.containerClass());
        assertTrue(leak.grewEveryStep());
        ClassGrowth sessions = leak.held().get(0);
        assertEquals("GrowingStaticMap$Session", sessions.className());
        assertArrayEquals(new long[] {3000, 6000, 9000}, sessions.countBySnapshot());
    }

    @Test
    void theCacheWarmedOnceIsNotReported() {
        for (LeakSuspect suspect : report.suspects()) {
            assertTrue(!suspect.path().contains("COUNTRY_CODES"), suspect.path());
        }
        for (LeakSuspect suspect : report.runtimeGrowth()) {
            assertTrue(!suspect.path().contains("COUNTRY_CODES"), suspect.path());
        }
    }
}
