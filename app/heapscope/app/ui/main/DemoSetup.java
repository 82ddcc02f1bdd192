package heapscope.app.ui.main;

import heapscope.app.ui.snapshot.Snapshot;
import heapscope.app.ui.snapshot.SnapshotSeries;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The bundled demo: opens its three snapshots and, once all three are loaded, sets up the 3-snapshot method (Snapshot
 * 3 shown with "Objects allocated between Snapshot 1 and Snapshot 2") with a hint that says what to look at. The hint
 * goes when the user moves on: another snapshot shown, or another filter chosen. Use on the JavaFX thread.
 */
final class DemoSetup {
    private final MainWindowViewModel main;
    /** Series number of the demo's first snapshot while it loads, else 0. */
    private int first;
    /** The snapshot the hint talks about. */
    private Snapshot shown;
    /** The demo's snapshots: temporary files, never remembered as recent. */
    private final Set<Snapshot> snapshots = Collections.newSetFromMap(new WeakHashMap<>());

    DemoSetup(MainWindowViewModel main) {
        this.main = main;
        main.selectedProperty().addListener((obs, was, is) -> {
            if (shown != null && is != shown) {
                dismiss();
            }
        });
        main.filterOptionProperty().addListener((obs, was, is) -> {
            if (shown != null && (is == null || is.last() != is.first() + 1 || is.first() != first())) {
                dismiss();
            }
        });
    }

    /** Opens the demo series; the 3-snapshot method is set up once all three are loaded. */
    void open() throws IOException {
        List<java.nio.file.Path> files = SnapshotSeries.extractDemo();
        int before = main.snapshots().size();
        List<Snapshot> added = main.series().openInOrder(files, SnapshotSeries.DEMO);
        snapshots.addAll(added);
        main.selectedProperty().set(added.get(added.size() - 1));
        main.viewProperty().set(ViewKind.SUMMARY);
        first = before + 1;
        shown = null;
        main.hintProperty().set("Demo: three snapshots of a Node program that leaks. Loading\u2026");
    }

    boolean isDemo(Snapshot snapshot) {
        return snapshots.contains(snapshot);
    }

    /** Called when a snapshot finished loading: once the demo's three are ready, shows the method. */
    void loaded() {
        if (first == 0) {
            return;
        }
        List<Snapshot> all = main.snapshots();
        boolean allReady = all.size() >= first + 2 && all.subList(first - 1, first + 2).stream()
                .allMatch(Snapshot::isReady);
        if (!allReady) {
            return;
        }
        int from = first;
        Snapshot third = all.get(from + 1);
        main.selectedProperty().set(third);
        main.filterOptions().stream().filter(o -> o.first() == from && o.last() == from + 1).findFirst()
                .ifPresent(main.filterOptionProperty()::set);
        shown = third;
        main.hintProperty().set("The 3-snapshot method: " + third.title() + " is shown with \u201cObjects allocated"
                + " between Snapshot " + from + " and Snapshot " + (from + 1) + "\u201d \u2014 objects created in that"
                + " interval and still alive. The class at the top is the leak: expand it and select an instance to"
                + " see what holds it in Retainers below.");
        first = 0;
    }

    /** Called when a snapshot could not be opened: the demo is not set up. */
    void failed() {
        if (first > 0) {
            first = 0;
            main.hintProperty().set("");
        }
    }

    private int first() {
        return shown == null ? 0 : main.snapshots().indexOf(shown) - 1;
    }

    private void dismiss() {
        shown = null;
        main.hintProperty().set("");
    }
}
