package heapscope.app.ui.summary;

import heapscope.app.ui.common.ColumnKind;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapGrid;
import heapscope.app.ui.main.HeapView;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.ObjectFilterOption;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.view.Sort;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/** Code-behind of SummaryView.fxml: binds the grid to {@link SummaryViewModel}; rebuilds when its inputs change. */
public final class SummaryView extends HeapView {
    private final SummaryViewModel viewModel;
    @FXML
    private TreeTableView<GridRow> grid;
    @FXML
    private TreeTableColumn<GridRow, GridRow> constructorColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> countColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> distanceColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> shallowColumn;
    @FXML
    private TreeTableColumn<GridRow, GridRow> retainedColumn;
    @FXML
    private Label status;

    public SummaryView(SummaryViewModel viewModel) {
        super(viewModel.main(), "SummaryView");
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        heapGrid = new HeapGrid(grid, main.background(), Sort.RETAINED_SIZE_DESCENDING)
                .column(constructorColumn, ColumnKind.CONSTRUCTOR).column(countColumn, ColumnKind.COUNT)
                .column(distanceColumn, ColumnKind.DISTANCE)
                .column(shallowColumn, ColumnKind.SHALLOW).column(retainedColumn, ColumnKind.RETAINED);
        selectNodesOf(heapGrid, false);
        main.filterProperty().addListener((obs, was, is) -> refresh());
        main.classFilterProperty().addListener((obs, was, is) -> {
            if (active() && heapGrid.root() != null) {
                heapGrid.show(viewModel.classes(main.selected()));
            }
        });
    }

    @Override
    protected void rebuild(Snapshot snapshot) {
        status.setText(statusText(snapshot));
        status.setTooltip(new javafx.scene.control.Tooltip(status.getText()));
        heapGrid.show(viewModel.classes(snapshot));
    }

    @Override
    public boolean canReveal() {
        return true;
    }

    @Override
    public void reveal(MainWindowViewModel.Reveal request, Consumer<Boolean> done) {
        Snapshot snapshot = request.snapshot();
        if (snapshot == null || !snapshot.isReady()) {
            done.accept(false);
            return;
        }
        int ordinal = request.node() == null ? -1 : request.node().ordinal();
        revealAlong(job -> viewModel.pathTo(snapshot, ordinal, request.classId(), job), status, statusText(snapshot),
                done);
    }

    private String statusText(Snapshot snapshot) {
        if (snapshot == null) {
            return "";
        }
        ObjectFilterOption option = main.filterOptionProperty().get();
        String filter = option == null ? ObjectFilterOption.ALL.label() : option.label();
        return snapshot.title() + " \u2014 " + filter;
    }

    /** For tests: the grid. */
    public HeapGrid heapGrid() {
        return heapGrid;
    }
}
