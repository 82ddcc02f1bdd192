package heapscope.leaks.programs.uniquekey;

import heapscope.leaks.programs.common.PhaseDumps;
import java.nio.file.Path;

/**
 * Leak program {@code java-unique-key-cache}: a cache whose key never repeats. Each phase renders
 * {@value #REPORTS_PER_PHASE} reports; {@link ReportService} caches each under "name#requestId@millis", so the
 * cache of {@code RenderedReport}s grows by that many per phase and never hits. Its templates, cached by report
 * name (40 names, all seen in the first phase), do not grow. The truth is in
 * src/test/resources/programs/leaks/java-unique-key-cache.truth.json.
 *
 * <p>Run: {@code java -cp test-classes heapscope.leaks.programs.uniquekey.UniqueKeyCacheLeak OUT_DIR}; writes
 * {@code OUT_DIR/java-unique-key-cache-{1..4}.hprof}.
 */
public final class UniqueKeyCacheLeak {
    static final int REPORTS_PER_PHASE = 350;

    private UniqueKeyCacheLeak() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        ReportService reports = new ReportService();
        long requestId = 50_000;
        long bytes = 0;
        for (int phase = 1; phase <= PhaseDumps.PHASES; phase++) {
            for (int i = 0; i < REPORTS_PER_PHASE; i++) {
                String name = ReportService.REPORT_NAMES[(i * 7 + phase) % ReportService.REPORT_NAMES.length];
                bytes += reports.render(name, requestId++).body.length;
            }
            PhaseDumps.dump(out, "java-unique-key-cache", phase, reports.sizes() + " bytes=" + bytes);
        }
    }
}
