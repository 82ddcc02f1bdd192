package heapscope.app.ui.tree;

import heapscope.app.ui.common.ColumnKind;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapGrid;
import heapscope.app.ui.main.HeapView;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.view.Sort;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/** Code-behind of RootTreeView.fxml, the Containment and the Dominators view: binds the grid to its view model. */
public final class RootTreeView extends HeapView {
    private final RootTreeViewModel viewModel;
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
    @FXML
    private Label status;

    public RootTreeView(RootTreeViewModel viewModel) {
        super(viewModel.main(), "RootTreeView");
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        grid.setId(viewModel.gridId());
        heapGrid = new HeapGrid(grid, main.background(), Sort.RETAINED_SIZE_DESCENDING)
                .column(objectColumn, ColumnKind.OBJECT).column(distanceColumn, ColumnKind.DISTANCE)
                .column(shallowColumn, ColumnKind.SHALLOW).column(retainedColumn, ColumnKind.RETAINED);
        selectNodesOf(heapGrid, true);
    }

    @Override
    protected void rebuild(Snapshot snapshot) {
        status.setText("");
        heapGrid.show(viewModel.top(snapshot));
    }

    @Override
    public boolean canReveal() {
        return true;
    }

    @Override
    public void reveal(MainWindowViewModel.Reveal request, Consumer<Boolean> done) {
        Snapshot snapshot = request.snapshot();
        if (request.node() == null || snapshot == null || !snapshot.isReady()) {
            done.accept(false);
            return;
        }
        revealAlong(job -> viewModel.pathTo(snapshot, request.node(), job), status, "", done);
    }
}
