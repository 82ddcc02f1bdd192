package heapscope.app.ui.dominators;

import heapscope.app.ui.common.ColumnKind;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapGrid;
import heapscope.app.ui.main.HeapView;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.view.Sort;
import javafx.fxml.FXML;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/** Code-behind of DominatorsView.fxml: binds the grid to {@link DominatorsViewModel}. */
public final class DominatorsView extends HeapView {
    private final DominatorsViewModel viewModel;
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

    public DominatorsView(DominatorsViewModel viewModel) {
        super(viewModel.main(), "DominatorsView");
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
