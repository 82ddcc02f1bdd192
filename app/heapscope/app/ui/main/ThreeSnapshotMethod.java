package heapscope.app.ui.main;

import heapscope.app.ui.snapshot.Snapshot;
import heapscope.app.ui.snapshot.OpenSnapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The 3-snapshot method, set up for the user on three snapshots of the series (the bundled demo's, or three just taken
 * with File ▸ Take snapshot): once the three are loaded, and for Java dumps matched, the third is shown in the Summary
 * with "Objects allocated between" the first and the second, and a hint says what to look at. The hint goes when the
 * user moves on: another snapshot shown, or another filter chosen. Use on the JavaFX thread.
 */
final class ThreeSnapshotMethod {
    private final MainWindowViewModel main;
    /** The three snapshots of a method that waits for them to load (and match), else null. */
    private List<Snapshot> pending;
    /** The snapshot the hint talks about, and the filter it set. */
    private Snapshot shown;
    private ObjectFilterOption shownFilter;
    /** The demo's snapshots: temporary files, never remembered as recent. */
    private final Set<Snapshot> demo = Collections.newSetFromMap(new WeakHashMap<>());

    ThreeSnapshotMethod(MainWindowViewModel main) {
        this.main = main;
        main.selectedProperty().addListener((obs, was, is) -> {
            if (shown != null && is != shown) {
                dismiss();
            }
        });
        main.filterOptionProperty().addListener((obs, was, is) -> {
            if (shown != null && is != null && !is.equals(shownFilter)) {
                dismiss();
            }
        });
    }

    /** Opens the bundled demo series and sets up the method on it. */
    void openDemo() throws IOException {
        List<Path> files = OpenSnapshots.extractDemo();
        List<Snapshot> added = main.series().openInOrder(files, OpenSnapshots.DEMO);
        demo.addAll(added);
        main.selectedProperty().set(added.get(added.size() - 1));
        start(added);
        main.hintProperty().set("Demo: three snapshots of a Node program that leaks. Loading\u2026");
    }

    boolean isDemo(Snapshot snapshot) {
        return demo.contains(snapshot);
    }

    /** Sets up the method on these three snapshots, as soon as they are loaded. */
    void start(List<Snapshot> three) {
        pending = List.copyOf(three);
        shown = null;
        main.viewProperty().set(ViewKind.SUMMARY);
        check();
    }

    /** Called when the series or the filter choices changed: shows the method once its snapshots allow it. */
    void check() {
        if (pending == null || !pending.stream().allMatch(Snapshot::isReady)) {
            return;
        }
        List<Snapshot> three = pending;
        int first = three.get(0).number();
        int second = three.get(1).number();
        ObjectFilterOption between = ObjectFilterOption.between(first, second);
        pending = null;
        main.selectedProperty().set(three.get(2));
        boolean offered = main.filterOptions().contains(between);
        if (!offered && main.rangesPending()) {
            pending = three; // the dumps are still being matched
            return;
        }
        if (offered) {
            main.filterOptionProperty().set(between);
        }
        shown = three.get(2);
        shownFilter = offered ? between : main.filterOptionProperty().get();
        main.hintProperty().set(offered ? "The 3-snapshot method: " + shown.title() + " is shown with \u201c"
                + between.label() + "\u201d \u2014 objects created in that interval and still alive. The class at"
                + " the top is the leak: expand it and select an instance to see what holds it in Retainers below."
                : "The 3-snapshot method: these snapshots cannot tell which objects were allocated between Snapshot "
                        + first + " and Snapshot " + second + "; the Leaks view ranks what grew.");
    }

    /** Called when a snapshot could not be opened: a method waiting for it is not set up. */
    void failed(Snapshot snapshot) {
        if (pending != null && pending.contains(snapshot)) {
            pending = null;
            main.hintProperty().set("");
        }
    }

    private void dismiss() {
        shown = null;
        shownFilter = null;
        main.hintProperty().set("");
    }
}
