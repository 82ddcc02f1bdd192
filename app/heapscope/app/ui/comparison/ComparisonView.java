package heapscope.app.ui.comparison;

import heapscope.app.ui.common.ColumnKind;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapGrid;
import heapscope.app.ui.main.HeapView;
import heapscope.app.ui.main.NodeSelection;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.view.Sort;
import heapscope.parser.view.SortColumn;
import java.util.List;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/** Code-behind of ComparisonView.fxml: the base chooser and the grid of {@link ComparisonViewModel}. */
public final class ComparisonView extends HeapView {
    private final ComparisonViewModel viewModel;
    @FXML
    private ComboBox<Snapshot> baseChooser;
    @FXML
    private Label targetLabel;
    @FXML
    private TreeTableView<GridRow> grid;
    @FXML
    private TreeTableColumn<GridRow, GridRow> constructorColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> newColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> deletedColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> deltaColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> allocColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> freedColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> sizeDeltaColumn;
    private boolean updatingBases;

    public ComparisonView(ComparisonViewModel viewModel) {
        super(viewModel.main(), "ComparisonView");
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        heapGrid = new HeapGrid(grid, main.background(), new Sort(SortColumn.ALLOC_SIZE, true))
                .column(constructorColumn, ColumnKind.CONSTRUCTOR).column(newColumn, ColumnKind.NEW_COUNT)
                .column(deletedColumn, ColumnKind.DELETED_COUNT).column(deltaColumn, ColumnKind.COUNT_DELTA)
                .column(allocColumn, ColumnKind.ALLOC_SIZE).column(freedColumn, ColumnKind.FREED_SIZE)
                .column(sizeDeltaColumn, ColumnKind.SIZE_DELTA);
        baseChooser.valueProperty().addListener((obs, was, is) -> {
            if (!updatingBases && is != was) {
                showGrid();
            }
        });
        selectNodesOf(heapGrid, true);
        main.classFilterProperty().addListener((obs, was, is) -> {
            if (active()) {
                showGrid();
            }
        });
    }

    /** New instances live in the shown snapshot, deleted ones in the base; a reference in its instance's. */
    @Override
    protected NodeSelection selectionOf(TreeItem<GridRow> item) {
        if (item == null) {
            return null;
        }
        Snapshot target = shown();
        Snapshot base = baseChooser.getValue();
        if (item.getValue() instanceof GridRow.DiffInstance instance) {
            return new NodeSelection(instance.added() ? target : base, instance.node());
        }
        if (item.getValue() instanceof GridRow.NodeItem node) {
            TreeItem<GridRow> at = item;
            while (at != null && !(at.getValue() instanceof GridRow.DiffInstance)) {
                at = at.getParent();
            }
            boolean inTarget = at == null || ((GridRow.DiffInstance) at.getValue()).added();
            return new NodeSelection(inTarget ? target : base, node.node());
        }
        return null;
    }

    @Override
    protected void rebuild(Snapshot snapshot) {
        updateBases(snapshot);
        showGrid();
    }

    @Override
    protected void seriesChanged() {
        if (active()) {
            Snapshot before = baseChooser.getValue();
            updateBases(shown());
            if (!Objects.equals(before, baseChooser.getValue())) {
                showGrid();
            }
        }
    }

    private void updateBases(Snapshot target) {
        updatingBases = true;
        try {
            List<Snapshot> bases = viewModel.bases(target);
            Snapshot current = baseChooser.getValue();
            baseChooser.getItems().setAll(bases);
            baseChooser.setValue(current != null && bases.contains(current) ? current : target == null ? null
                    : viewModel.defaultBase(target));
            String matching = ComparisonViewModel.matching(target);
            targetLabel.setText(target == null ? "" : "compared with " + target.title() + " (" + target.fileName()
                    + ")" + (matching.isEmpty() ? "" : " \u2014 " + matching));
            targetLabel.setTooltip(target == null ? null : new javafx.scene.control.Tooltip(targetLabel.getText()));
        } finally {
            updatingBases = false;
        }
    }

    private void showGrid() {
        Snapshot target = shown();
        Snapshot base = baseChooser.getValue();
        if (target != null && target.isReady() && base == null) {
            grid.setPlaceholder(new Label("Comparison needs a second loaded snapshot of the same program (and format)."));
        }
        heapGrid.setTotal(() -> 0);
        heapGrid.show(viewModel.classes(base, target != null && target.isReady() ? target : null));
    }
}
