package heapscope.app.ui.main;

import heapscope.app.ui.common.Background;
import heapscope.app.ui.common.DialogService;
import heapscope.parser.view.Units;
import heapscope.app.ui.snapshot.LoadErrors;
import heapscope.app.ui.snapshot.RecentFiles;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.app.ui.snapshot.OpenSnapshots;
import heapscope.parser.analysis.matching.ObjectMatching;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.view.NodeRow;
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
    private final OpenSnapshots series;
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
    private final ObjectProperty<Reveal> reveal = new SimpleObjectProperty<>();
    private final ObjectProperty<Pane> pane = new SimpleObjectProperty<>(Pane.RETAINERS);
    private final StringProperty heapStatus = new SimpleStringProperty("");
    private final StringProperty memoryStatus = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final BooleanProperty empty = new SimpleBooleanProperty(true);
    private final ThreeSnapshotMethod method;
    private final SeriesBirths births;
    /** The option the user chose last; shown whenever it applies to the shown snapshot. */
    private ObjectFilterOption requestedFilter = ObjectFilterOption.ALL;
    private boolean adjustingFilter;

    public MainWindowViewModel(Background background, RecentFiles recentFiles) {
        this.background = background;
        this.recentFiles = recentFiles;
        this.series = new OpenSnapshots(background, this::loaded, this::failed);
        this.method = new ThreeSnapshotMethod(this);
        this.births = new SeriesBirths(background, series.snapshots(), this::updateFilterOptions);
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
            updateFilterOptions();
        });
        filterOption.addListener((obs, was, is) -> {
            if (is == null) {
                // A combo box clears its value while its items are replaced.
                filterOption.set(filterOptions.contains(was) ? was : ObjectFilterOption.ALL);
                return;
            }
            if (!adjustingFilter) {
                requestedFilter = is;
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

    public OpenSnapshots series() {
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

    /**
     * A request to open a view's rows down to an object or a class ("Reveal in Summary view", a Find result); the
     * window routes it to a view and clears it.
     *
     * @param node the object, or null for a class
     * @param classId the class, when {@code node} is null
     * @param inCurrentView whether the view on screen should reveal it if it can (else the Summary does)
     */
    public record Reveal(Snapshot snapshot, NodeRow node, int classId, boolean inCurrentView) {
    }

    /** The panes below the views. */
    public enum Pane { RETAINERS, FIELDS, SEARCH }

    /** The pane shown below the views; panes switch to each other (a Find result's retainers, a field's target). */
    public ObjectProperty<Pane> paneProperty() {
        return pane;
    }

    public ObjectProperty<Reveal> revealProperty() {
        return reveal;
    }

    /** Reveals an object: in the view on screen if it can show it, else in the Summary. */
    public void reveal(NodeSelection object, boolean inCurrentView) {
        reveal.set(new Reveal(object.snapshot(), object.node(), -1, inCurrentView));
    }

    /** Reveals a class row in the Summary. */
    public void revealClass(Snapshot snapshot, int classId) {
        reveal.set(new Reveal(snapshot, null, classId, false));
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
        try {
            method.openDemo();
        } catch (IOException e) {
            showError("Cannot open the demo", "The demo snapshots could not be unpacked: " + e.getMessage(), e);
        }
    }

    /**
     * Sets up the 3-snapshot method on three snapshots of the series (the demo's, or three just taken): once all three
     * are loaded, the third is shown in Summary with "Objects allocated between" the first and the second, and a hint
     * says why.
     */
    public void showThreeSnapshotMethod(List<Snapshot> three) {
        method.start(three);
    }

    private void loaded(Snapshot snapshot) {
        if (!method.isDemo(snapshot)) {
            recentFiles.add(snapshot.file());
        }
        seriesChanged();
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
        method.failed(snapshot);
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
        if (selected.get() != null && !series.snapshots().contains(selected.get())) {
            selected.set(series.snapshots().isEmpty() ? null : series.snapshots().get(0));
        }
        births.update();
        updateFilterOptions();
        updateStatus();
    }

    /**
     * Offers the options that apply to the shown snapshot. The user's last choice comes back whenever it applies
     * again; while it does not (say, "between Snapshot 2 and Snapshot 3" on Snapshot 2), all objects are shown.
     */
    private void updateFilterOptions() {
        List<ObjectFilterOption> options = ObjectFilterOption.forSeries(series.snapshots(), selected.get(),
                ranges(selected.get()));
        adjustingFilter = true;
        try {
            if (!options.equals(filterOptions)) {
                filterOptions.setAll(options);
            }
            filterOption.set(options.contains(requestedFilter) ? requestedFilter : ObjectFilterOption.ALL);
        } finally {
            adjustingFilter = false;
        }
        updateFilter();
        method.check();
    }

    /**
     * For a Java dump, how its objects were matched to the snapshot before it (what "allocated between" rests on), in
     * a sentence; "" for V8 snapshots, the first snapshot, or before the matching is done.
     */
    public String matchingNote(Snapshot snapshot) {
        ObjectMatching.Summary summary = snapshot == null ? null : births.matching(series.snapshots(), snapshot);
        if (summary == null) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "%,d of %,d objects matched to the snapshot before, %,d new; %,d"
                + " decided by a tie-break", summary.matched(), summary.objects(), summary.objects()
                - summary.matched(), summary.tieBreaks());
    }

    /** Whether Java dumps of the series are still being matched (their allocation ranges are not offered yet). */
    boolean rangesPending() {
        return births.isMatching();
    }

    private void updateFilter() {
        ObjectFilterOption option = filterOption.get();
        NodeFilter next = option == null ? NodeFilter.ALL : option.toFilter(series.snapshots(), selected.get(),
                ranges(selected.get()));
        if (!Objects.equals(next, filter.get())) {
            filter.set(next);
        }
    }

    /** How the shown snapshot's format tells allocation ranges. */
    private AllocationRanges ranges(Snapshot viewed) {
        return viewed != null && viewed.format() == HeapFormat.HPROF ? AllocationRanges.javaBirths(births)
                : AllocationRanges.V8_IDS;
    }

    private void updateStatus() {
        Snapshot s = selected.get();
        if (s == null || !s.isReady()) {
            heapStatus.set(s == null ? "" : s.title() + ": " + s.phaseProperty().get());
            return;
        }
        heapStatus.set(s.title() + " \u2014 heap " + Units.bytes(s.heap().totalSize()) + ", "
                + Units.count(s.heap().graph().nodeCount()) + " nodes, " + Units.count(s.heap().graph().edgeCount())
                + " edges");
    }

    /** Refreshes the app's own memory use (called every few seconds). */
    public void updateMemory() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        memoryStatus.set("App memory " + Units.bytes(used) + " of " + Units.bytes(rt.maxMemory()));
    }

    public List<Path> recentFiles() {
        return recentFiles.list();
    }
}
