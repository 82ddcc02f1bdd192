package heapscope.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.FileSeries;
import heapscope.parser.model.LeakGroup;
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
 * GrowingStaticMap.java, run in a child JVM during the test). Addresses differ between the dumps, so groups are
 * matched by class and retainer path.
 */
class JavaLeakSeriesTest {
    @TempDir
    static Path dumps;
    private static LeakReport report;

    @BeforeAll
    static void dumpThreeRounds() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m",
                Path.of("src/test/resources/programs/GrowingStaticMap.java").toString(), dumps.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), output);
        List<Path> files = List.of(dumps.resolve("round-1.hprof"), dumps.resolve("round-2.hprof"),
                dumps.resolve("round-3.hprof"));
        report = LeakFinder.find(new FileSeries(files, ProgressListener.NO_OP, CancelSignal.NEVER), CancelSignal.NEVER);
    }

    @Test
    void theSessionsInTheStaticMapAreTheFirstGroup() {
        assertEquals("structural", report.matching());
        LeakGroup first = report.groups().get(0);
        assertEquals("GrowingStaticMap$Session", first.className());
        assertTrue(first.pathSignature().contains("static SESSIONS"), first.pathSignature());
        assertTrue(first.grewEveryStep());
        assertEquals(3000, first.counts()[1] - first.counts()[0]);
        assertEquals(3000, first.counts()[2] - first.counts()[1]);
    }

    @Test
    void theCacheWarmedOnceIsNotReported() {
        for (LeakGroup group : report.groups()) {
            assertTrue(!group.pathSignature().contains("COUNTRY_CODES"), group.pathSignature());
        }
    }
}
