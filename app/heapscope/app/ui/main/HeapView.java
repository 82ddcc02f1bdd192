package heapscope.app.ui.main;

import heapscope.app.ui.common.ExportTable;
import heapscope.app.ui.common.Fxml;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapGrid;
import heapscope.app.ui.snapshot.Snapshot;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Label;

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

    /** Selecting an object row of the grid shows its retainers in the Retainers pane. */
    protected void selectNodesOf(HeapGrid grid) {
        grid.table().getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null && is.getValue() instanceof GridRow.NodeItem item && shown != null && shown.isReady()) {
                main.selectionProperty().set(new NodeSelection(shown, item.node()));
            }
        });
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
