package heapscope.app.ui.main;

import heapscope.app.ui.common.Background;
import heapscope.app.ui.common.DialogService;
import heapscope.app.ui.common.Sizes;
import heapscope.app.ui.snapshot.LoadErrors;
import heapscope.app.ui.snapshot.RecentFiles;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.app.ui.snapshot.SnapshotSeries;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CanceledException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The main window's state and commands: the series of snapshots, the selected one, the current view, the class and
 * object filters, the selected object (for the Retainers pane) and the status bar. No controls. Use on the JavaFX
 * thread.
 */
public final class MainWindowViewModel {
    private final Background background;
    private final RecentFiles recentFiles;
    private DialogService dialogs;
    private final SnapshotSeries series;
    private final ObjectProperty<Snapshot> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ViewKind> view = new SimpleObjectProperty<>(ViewKind.SUMMARY);
    private final StringProperty classFilter = new SimpleStringProperty("");
    private final ObservableList<ObjectFilterOption> filterOptions = FXCollections.observableArrayList(
            ObjectFilterOption.ALL);
    private final ObjectProperty<ObjectFilterOption> filterOption = new SimpleObjectProperty<>(
            ObjectFilterOption.ALL);
    /** The engine filter the Summary applies, recomputed when the option or the series changes. */
    private final ObjectProperty<NodeFilter> filter = new SimpleObjectProperty<>(NodeFilter.ALL);
    private final ObjectProperty<NodeSelection> selection = new SimpleObjectProperty<>();
    private final StringProperty heapStatus = new SimpleStringProperty("");
    private final StringProperty memoryStatus = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final BooleanProperty empty = new SimpleBooleanProperty(true);

    public MainWindowViewModel(Background background, RecentFiles recentFiles) {
        this.background = background;
        this.recentFiles = recentFiles;
        this.series = new SnapshotSeries(background, this::loaded, this::failed);
        series.snapshots().addListener((ListChangeListener<Snapshot>) c -> seriesChanged());
        javafx.beans.InvalidationListener phaseChanged = o -> updateStatus();
        selected.addListener((obs, was, is) -> {
            if (was != null) {
                was.phaseProperty().removeListener(phaseChanged);
            }
            if (is != null) {
                is.phaseProperty().addListener(phaseChanged);
            }
            updateStatus();
            if (selection.get() != null && selection.get().snapshot() != is) {
                selection.set(null);
            }
            if (methodShown != null && is != methodShown) {
                methodShown = null;
                hint.set("");
            }
        });
        filterOption.addListener((obs, was, is) -> {
            if (is == null) {
                // A combo box clears its value while its items are replaced.
                filterOption.set(filterOptions.contains(was) ? was : ObjectFilterOption.ALL);
                return;
            }
            updateFilter();
        });
    }

    public void setDialogs(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    public Background background() {
        return background;
    }

    public SnapshotSeries series() {
        return series;
    }

    public ObservableList<Snapshot> snapshots() {
        return series.snapshots();
    }

    public ObjectProperty<Snapshot> selectedProperty() {
        return selected;
    }

    public Snapshot selected() {
        return selected.get();
    }

    public ObjectProperty<ViewKind> viewProperty() {
        return view;
    }

    public StringProperty classFilterProperty() {
        return classFilter;
    }

    public ObservableList<ObjectFilterOption> filterOptions() {
        return filterOptions;
    }

    public ObjectProperty<ObjectFilterOption> filterOptionProperty() {
        return filterOption;
    }

    public ObjectProperty<NodeFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<NodeSelection> selectionProperty() {
        return selection;
    }

    public StringProperty heapStatusProperty() {
        return heapStatus;
    }

    public StringProperty memoryStatusProperty() {
        return memoryStatus;
    }

    /** A line that guides the user (e.g. what the demo shows); empty for none. */
    public StringProperty hintProperty() {
        return hint;
    }

    /** Whether no snapshot is open (the welcome page shows). */
    public BooleanProperty emptyProperty() {
        return empty;
    }

    /** Opens files chosen together: ordered by file time, appended to the series; the last one is shown. */
    public List<Snapshot> open(List<Path> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<Snapshot> added = series.open(files);
        selected.set(added.get(added.size() - 1));
        return added;
    }

    /** Opens files in the given order (command-line arguments). */
    public List<Snapshot> openInOrder(List<Path> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<Snapshot> added = series.openInOrder(files, files.stream().map(f -> f.getFileName().toString())
                .toList());
        selected.set(added.get(added.size() - 1));
        return added;
    }

    /**
     * Opens the bundled demo series and sets up the 3-snapshot method: Snapshot 3 shown with "Objects allocated between
     * Snapshot 1 and Snapshot 2" once all three are loaded.
     */
    public void openDemo() {
        List<Path> files;
        try {
            files = SnapshotSeries.extractDemo();
        } catch (IOException e) {
            showError("Cannot open the demo", "The demo snapshots could not be unpacked: " + e.getMessage(), e);
            return;
        }
        List<Snapshot> added = series.openInOrder(files, SnapshotSeries.DEMO);
        demoSnapshots.addAll(added);
        selected.set(added.get(added.size() - 1));
        showThreeSnapshotMethod(added);
        hint.set("Demo: three snapshots of a Node program that leaks. Loading\u2026");
    }

    /**
     * Sets up the 3-snapshot method on three snapshots of the series (the demo's, or three just taken): once all three
     * are loaded, the third is shown in Summary with "Objects allocated between" the first and the second, and a hint
     * says why.
     */
    public void showThreeSnapshotMethod(List<Snapshot> three) {
        methodSnapshots = List.copyOf(three);
        view.set(ViewKind.SUMMARY);
    }

    /** The three snapshots of a 3-snapshot method that waits for them to load, else null. */
    private List<Snapshot> methodSnapshots;
    /** The snapshot the method's hint talks about; the hint goes when another one is shown. */
    private Snapshot methodShown;
    /** The demo's snapshots (temporary files, not remembered as recent). */
    private final java.util.Set<Snapshot> demoSnapshots = java.util.Collections.newSetFromMap(
            new java.util.WeakHashMap<>());

    private void loaded(Snapshot snapshot) {
        if (!demoSnapshots.contains(snapshot)) {
            recentFiles.add(snapshot.file());
        }
        seriesChanged();
        if (methodSnapshots != null && methodSnapshots.stream().allMatch(Snapshot::isReady)) {
            int first = methodSnapshots.get(0).number();
            int second = methodSnapshots.get(1).number();
            Snapshot third = methodSnapshots.get(2);
            methodSnapshots = null;
            selected.set(third);
            methodShown = third;
            var between = filterOptions.stream().filter(o -> o.first() == first && o.last() == second).findFirst();
            between.ifPresent(filterOption::set);
            hint.set(between.isEmpty() ? "The 3-snapshot method: these dumps cannot tell which objects were allocated"
                    + " between Snapshot " + first + " and Snapshot " + second + "; the Leaks view ranks what grew."
                    : "The 3-snapshot method: " + third.title() + " is shown with \u201cObjects allocated between"
                    + " Snapshot " + first + " and Snapshot " + second + "\u201d \u2014 objects created in that"
                    + " interval and still alive. The class at the top is the leak: expand it and select an instance"
                    + " to see what holds it in Retainers below.");
        }
        if (snapshot == selected.get()) {
            updateStatus();
        }
    }

    private void failed(Snapshot snapshot, Throwable error) {
        if (error instanceof CanceledException) {
            series.close(snapshot);
        } else {
            showError("Cannot open " + snapshot.fileName(), LoadErrors.sentence(snapshot.file(), error), error);
            series.close(snapshot);
        }
        if (methodSnapshots != null && methodSnapshots.contains(snapshot)) {
            methodSnapshots = null;
            hint.set("");
        }
    }

    private void showError(String title, String sentence, Throwable details) {
        if (dialogs != null) {
            dialogs.showError(title, sentence, details);
        }
    }

    /** Closes a snapshot: cancels its load, drops its heap, shows a neighbour. */
    public void close(Snapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        int index = series.snapshots().indexOf(snapshot);
        series.close(snapshot);
        if (selection.get() != null && selection.get().snapshot() == snapshot) {
            selection.set(null);
        }
        if (selected.get() == snapshot) {
            List<Snapshot> rest = series.snapshots();
            selected.set(rest.isEmpty() ? null : rest.get(Math.min(index, rest.size() - 1)));
        }
        if (series.snapshots().isEmpty()) {
            hint.set("");
        }
    }

    public void move(Snapshot snapshot, int delta) {
        series.move(snapshot, delta);
    }

    private void seriesChanged() {
        empty.set(series.snapshots().isEmpty());
        List<ObjectFilterOption> options = ObjectFilterOption.forSeries(series.snapshots());
        ObjectFilterOption current = filterOption.get();
        if (!options.equals(filterOptions)) {
            filterOptions.setAll(options);
        }
        filterOption.set(options.contains(current) ? current : ObjectFilterOption.ALL);
        updateFilter();
        if (selected.get() != null && !series.snapshots().contains(selected.get())) {
            selected.set(series.snapshots().isEmpty() ? null : series.snapshots().get(0));
        }
        updateStatus();
    }

    private void updateFilter() {
        ObjectFilterOption option = filterOption.get();
        NodeFilter next = option == null ? NodeFilter.ALL : option.toFilter(series.snapshots());
        if (!Objects.equals(next, filter.get())) {
            filter.set(next);
        }
    }

    private void updateStatus() {
        Snapshot s = selected.get();
        if (s == null || !s.isReady()) {
            heapStatus.set(s == null ? "" : s.title() + ": " + s.phaseProperty().get());
            return;
        }
        heapStatus.set(s.title() + " \u2014 heap " + Sizes.human(s.heap().totalSize()) + ", "
                + Sizes.count(s.heap().graph().nodeCount()) + " nodes, " + Sizes.count(s.heap().graph().edgeCount())
                + " edges");
    }

    /** Refreshes the app's own memory use (called every few seconds). */
    public void updateMemory() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        memoryStatus.set("App memory " + Sizes.human(used) + " of " + Sizes.human(rt.maxMemory()));
    }

    public List<Path> recentFiles() {
        return recentFiles.list();
    }
}
