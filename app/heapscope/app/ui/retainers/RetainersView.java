package heapscope.app.ui.retainers;

import heapscope.app.ui.common.ColumnKind;
import heapscope.app.ui.common.Fxml;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapGrid;
import heapscope.app.ui.common.PagedTreeItem;
import heapscope.app.ui.main.NodeSelection;
import heapscope.parser.view.Sort;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * Code-behind of RetainersView.fxml, the bottom pane: shows the retainers of the object selected in any view and
 * expands the closest chain as soon as each level arrives.
 */
public final class RetainersView {
    private final RetainersViewModel viewModel;
    private Parent root;
    private HeapGrid heapGrid;
    /** Items the pane expanded itself: the chain of closest retainers. */
    private final Set<TreeItem<GridRow>> autoChain = Collections.newSetFromMap(new IdentityHashMap<>());
    private NodeSelection shown;
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
    private Label title;

    public RetainersView(RetainersViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent root() {
        if (root == null) {
            root = Fxml.load("RetainersView", this);
        }
        return root;
    }

    @FXML
    private void initialize() {
        heapGrid = new HeapGrid(grid, viewModel.main().background(), Sort.DISTANCE_ASCENDING)
                .column(objectColumn, ColumnKind.OBJECT).column(distanceColumn, ColumnKind.DISTANCE)
                .column(shallowColumn, ColumnKind.SHALLOW).column(retainedColumn, ColumnKind.RETAINED);
        heapGrid.setTotal(() -> shown == null || !shown.snapshot().isReady() ? 0 : shown.snapshot().heap()
                .totalSize());
        heapGrid.setOnLoaded(this::autoExpand);
        grid.setPlaceholder(new Label("Select an object to see what retains it."));
        viewModel.main().selectionProperty().addListener((obs, was, is) -> show(is));
        show(viewModel.main().selectionProperty().get());
    }

    private void show(NodeSelection selection) {
        shown = selection;
        autoChain.clear();
        if (selection == null) {
            title.setText("Retainers");
            heapGrid.clear();
            return;
        }
        title.setText("Retainers of " + selection.node().label() + " in " + selection.snapshot().title());
        heapGrid.show(viewModel.retainers(selection));
        if (heapGrid.root() != null) {
            autoChain.add(heapGrid.root());
        }
    }

    /** Expands the first retainer of an item on the closest chain, DevTools' {@code expandRetainersChain}. */
    private void autoExpand(PagedTreeItem item) {
        if (!autoChain.contains(item) || autoChain.size() > RetainersViewModel.AUTO_EXPAND_LEVELS
                || item.getChildren().isEmpty()) {
            return;
        }
        TreeItem<GridRow> first = item.getChildren().get(0);
        if (first.getValue() instanceof GridRow.NodeItem node && !node.cycle() && !first.isLeaf()
                && RetainersViewModel.expandsPast(node.node().distance())) {
            autoChain.add(first);
            first.setExpanded(true);
        }
    }

    public HeapGrid grid() {
        return heapGrid;
    }
}
