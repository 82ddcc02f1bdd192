package heapscope.app.ui.statistics;

import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.HeapStatistics;
import heapscope.parser.view.Units;
import java.util.List;

/**
 * Statistics: where the heap's bytes go, in the engine's categories for the file's world ({@link HeapStatistics}):
 * DevTools' pie for a V8 snapshot, Java's (Strings, arrays, classes, instances) for a dump. Sizes in the legend as
 * DevTools writes them (whole kilobytes), or for Java in the unit that fits.
 */
public final class StatisticsViewModel {
    private final MainWindowViewModel main;

    public StatisticsViewModel(MainWindowViewModel main) {
        this.main = main;
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** The slices of a ready snapshot; empty otherwise. */
    public List<HeapStatistics.Category> slices(Snapshot snapshot) {
        return snapshot == null || !snapshot.isReady() ? List.of() : snapshot.heap().statistics().categories();
    }

    /** A slice's size in the legend. */
    public static String size(Snapshot snapshot, long bytes) {
        return snapshot.format() == HeapFormat.HPROF ? Units.bytes(bytes) : Units.wholeKilobytes(bytes);
    }

    /** What the pie adds up to, in a line. */
    public static String totalLine(Snapshot snapshot) {
        long total = snapshot.heap().totalSize();
        String what = snapshot.format() == HeapFormat.HPROF ? "objects a GC root reaches" : "total";
        return snapshot.title() + " \u2014 " + what + " " + Units.bytes(total);
    }
}
