package heapscope.app.ui.leaks;

import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.NodeSelection;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.analysis.leaks.LeakFinder;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Leaks view: the engine's {@link LeakFinder} over the loaded snapshots in series order (containers whose retained
 * size kept growing, each with what it holds; runtime growth apart). Selecting a leak shows what it holds and its
 * example object's retainer path in the Retainers pane.
 */
public final class LeaksViewModel {
    private final MainWindowViewModel main;

    public LeaksViewModel(MainWindowViewModel main) {
        this.main = main;
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** The loaded snapshots the report runs over, in series order. */
    public List<Snapshot> series() {
        return main.series().ready();
    }

    /** Runs the engine's leak finder (in the background). */
    public static LeakReport report(List<Snapshot> series, CancelSignal cancel) {
        try {
            return LeakFinder.find(new OpenSeries(series), ProgressListener.NO_OP, cancel);
        } catch (java.io.IOException | heapscope.parser.read.HeapFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The suspect's example object in the last snapshot, for the Retainers pane. */
    public static NodeSelection example(List<Snapshot> series, LeakSuspect suspect) {
        Snapshot last = series.get(series.size() - 1);
        return new NodeSelection(last, last.rows().row(suspect.exampleNode()));
    }

    /** {@code 1,200 → 2,400 → 3,600}, {@code ?} where a size was not followed. */
    public static String sizes(long[] sizes, java.util.function.LongFunction<String> format) {
        List<String> parts = new ArrayList<>();
        for (long size : sizes) {
            parts.add(size < 0 ? "?" : format.apply(size));
        }
        return String.join(" \u2192 ", parts);
    }

    /** {@code 400 → 800 → 1,200} objects of a held class per snapshot (those still alive in the last). */
    public static String counts(ClassGrowth held) {
        return sizes(held.countBySnapshot(), c -> String.format(Locale.ROOT, "%,d", c));
    }

    /** The suspect's name, with the count of alike containers folded into it. */
    public static String title(LeakSuspect suspect) {
        return suspect.name();
    }
}
