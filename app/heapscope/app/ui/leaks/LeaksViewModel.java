package heapscope.app.ui.leaks;

import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.NodeSelection;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.analysis.LeakFinder;
import heapscope.parser.model.LeakGroup;
import heapscope.parser.model.LeakReport;
import heapscope.parser.progress.CancelSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Leaks view: the engine's {@link LeakFinder} over the loaded snapshots in series order (objects allocated
 * between the first and the second-to-last snapshot that kept growing, grouped by class and retainer path). Selecting
 * a group shows its example object's retainer path in the Retainers pane.
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
            return LeakFinder.find(new OpenSeries(series), cancel);
        } catch (java.io.IOException | heapscope.parser.read.HeapFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The group's example object in the last snapshot, for the Retainers pane. */
    public static NodeSelection example(List<Snapshot> series, LeakGroup group) {
        Snapshot last = series.get(series.size() - 1);
        return new NodeSelection(last, last.rows().row(group.exampleNode()));
    }

    /** {@code 400 → 800 → 1,200}. */
    public static String counts(LeakGroup group) {
        List<String> parts = new ArrayList<>();
        for (long c : group.counts()) {
            parts.add(String.format(Locale.ROOT, "%,d", c));
        }
        return String.join(" \u2192 ", parts);
    }
}
