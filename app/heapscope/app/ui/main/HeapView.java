package heapscope.app.ui.main;

import heapscope.app.ui.common.ExportTable;
import heapscope.app.ui.common.Fxml;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapGrid;
import heapscope.app.ui.common.Job;
import heapscope.app.ui.common.RowPath;
import heapscope.app.ui.common.Vocabulary;
import heapscope.app.ui.snapshot.Snapshot;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.input.ContextMenuEvent;

/**
 * What every view of the main window shares: its FXML (loaded on first use), the snapshot it shows (the selected
 * one), and rebuilding only while it is the visible view (a hidden view just notes that it is out of date).
 */
public abstract class HeapView {
    protected final MainWindowViewModel main;
    private final String fxmlName;
    private Parent root;
    protected HeapGrid heapGrid;
    private boolean active;
    private boolean dirty = true;
    private Snapshot shown;
    private Snapshot.State shownState;

    protected HeapView(MainWindowViewModel main, String fxmlName) {
        this.main = main;
        this.fxmlName = fxmlName;
    }

    public Parent root() {
        if (root == null) {
            root = Fxml.load(fxmlName, this);
            main.selectedProperty().addListener((obs, was, is) -> refresh());
            main.snapshots().addListener((ListChangeListener<Snapshot>) c -> {
                if (!active && closedAny(c)) {
                    release();
                }
                Snapshot s = main.selected();
                if (s != shown || (s != null && s.state() != shownState)) {
                    refresh();
                } else {
                    seriesChanged();
                }
            });
        }
        return root;
    }

    private static boolean closedAny(ListChangeListener.Change<? extends Snapshot> c) {
        boolean closed = false;
        while (c.next()) {
            if (c.wasRemoved()) {
                closed |= c.getRemoved().stream().anyMatch(s -> s.state() == Snapshot.State.CLOSED);
            }
        }
        c.reset();
        return closed;
    }

    /**
     * Lets go of everything shown (a snapshot was closed while this view was hidden: its rows would keep the heap
     * alive); the view rebuilds when shown again.
     */
    protected void release() {
        if (heapGrid != null) {
            heapGrid.clear();
        }
        shown = null;
        shownState = null;
        dirty = true;
    }

    /** Called when the series changed but the shown snapshot did not (e.g. another snapshot finished loading). */
    protected void seriesChanged() {
    }

    public void setActive(boolean active) {
        this.active = active;
        if (active && dirty) {
            refresh();
        }
    }

    public boolean active() {
        return active;
    }

    /** Rebuilds now if visible, else when next shown. */
    protected void refresh() {
        dirty = true;
        if (!active || root == null) {
            return;
        }
        dirty = false;
        shown = main.selected();
        shownState = shown == null ? null : shown.state();
        if (heapGrid != null) {
            if (shown != null && shown.isReady()) {
                heapGrid.setVocabulary(Vocabulary.of(shown.format()));
            }
            heapGrid.setTotal(this::total);
            heapGrid.table().setPlaceholder(new Label(placeholder(shown)));
        }
        rebuild(shown != null && shown.isReady() ? shown : null);
    }

    private static String placeholder(Snapshot s) {
        if (s == null) {
            return "No snapshot selected.";
        }
        return switch (s.state()) {
            case LOADING -> s.title() + " is loading\u2026";
            case FAILED, CLOSED -> s.title() + " could not be opened.";
            case READY -> "";
        };
    }

    /** Shows the snapshot; null when none is selected or it is not loaded yet. */
    protected abstract void rebuild(Snapshot snapshot);

    /** The snapshot being shown. */
    protected Snapshot shown() {
        return shown;
    }

    /** The heap total of the shown snapshot (what percentages refer to). */
    protected long total() {
        return shown != null && shown.isReady() ? shown.heap().totalSize() : 0;
    }

    /**
     * Selecting an object row of the grid selects the object everywhere (Retainers, Fields); with
     * {@code revealInSummary}, its context menu offers "Reveal in Summary view".
     */
    protected void selectNodesOf(HeapGrid grid, boolean revealInSummary) {
        grid.table().getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            NodeSelection selection = selectionOf(is);
            if (selection != null) {
                main.selectionProperty().set(selection);
            }
        });
        if (revealInSummary) {
            MenuItem reveal = new MenuItem("Reveal in Summary view");
            reveal.setOnAction(e -> {
                NodeSelection selection = selectionOf(grid.selectedItem());
                if (selection != null) {
                    main.reveal(selection, false);
                }
            });
            grid.addMenuItems(reveal);
            grid.table().addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    e -> reveal.setDisable(selectionOf(grid.selectedItem()) == null));
        }
    }

    /** The object a row stands for, in the snapshot it belongs to; null for class and message rows. */
    protected NodeSelection selectionOf(TreeItem<GridRow> item) {
        if (item != null && item.getValue() instanceof GridRow.NodeItem node && shown != null && shown.isReady()) {
            return new NodeSelection(shown, node.node());
        }
        return null;
    }

    /** Whether this view can open its rows down to an object (Summary, Containment, Dominators). */
    public boolean canReveal() {
        return false;
    }

    /**
     * Opens the rows down to the request's object or class and selects it; {@code done} hears whether it was found.
     * Views that cannot reveal say no.
     */
    public void reveal(MainWindowViewModel.Reveal request, Consumer<Boolean> done) {
        done.accept(false);
    }

    /**
     * Reveals along a path the view model works out in the background: opens the grid's rows down to the object and
     * selects it, or writes in {@code status} why it cannot ({@code shownStatus} when it could).
     */
    protected void revealAlong(Function<Job, RowPath> pathTo, Label status, String shownStatus,
            Consumer<Boolean> done) {
        main.background().query("Revealing\u2026", pathTo::apply, path -> {
            if (path.missing() != null) {
                status.setText(path.missing());
                done.accept(false);
                return;
            }
            heapGrid.reveal(path.keys(), found -> {
                status.setText(found ? shownStatus : "Could not open the rows down to it.");
                done.accept(found);
            });
        }, error -> done.accept(false));
    }

    /** The rows shown, as text for File ▸ Export; null when the view shows nothing to export. */
    public ExportTable exportTable(String title) {
        return heapGrid == null || heapGrid.root() == null ? null : ExportTable.of(title, heapGrid);
    }

    /** The grid of this view, or null for views without one (Statistics). */
    public HeapGrid grid() {
        return heapGrid;
    }
}
