package heapscope.app.ui.containment;

import heapscope.app.ui.common.ColumnKind;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapGrid;
import heapscope.app.ui.main.HeapView;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.view.Sort;
import javafx.fxml.FXML;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/** Code-behind of ContainmentView.fxml: binds the grid to {@link ContainmentViewModel}. */
public final class ContainmentView extends HeapView {
    private final ContainmentViewModel viewModel;
    @FXML
    private TreeTableView<GridRow> grid;
    @FXML
    private TreeTableColumn<GridRow, GridRow> objectColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> distanceColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> shallowColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> retainedColumn;

    public ContainmentView(ContainmentViewModel viewModel) {
        super(viewModel.main(), "ContainmentView");
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        heapGrid = new HeapGrid(grid, main.background(), Sort.RETAINED_SIZE_DESCENDING)
                .column(objectColumn, ColumnKind.OBJECT).column(distanceColumn, ColumnKind.DISTANCE)
                .column(shallowColumn, ColumnKind.SHALLOW).column(retainedColumn, ColumnKind.RETAINED);
        selectNodesOf(heapGrid);
    }

    @Override
    protected void rebuild(Snapshot snapshot) {
        heapGrid.show(viewModel.top(snapshot));
    }
}
