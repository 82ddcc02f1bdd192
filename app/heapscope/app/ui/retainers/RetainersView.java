package heapscope.app.ui.retainers;

import heapscope.app.ui.common.ColumnKind;
import heapscope.app.ui.common.Fxml;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapGrid;
import heapscope.app.ui.common.PagedTreeItem;
import heapscope.app.ui.common.Vocabulary;
import heapscope.app.ui.main.NodeSelection;
import heapscope.parser.view.Sort;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * Code-behind of RetainersView.fxml, the bottom pane: shows the retainers of the object selected in any view, expands
 * the engine's shortest path to a root level by level as each arrives, and offers "Ignore this retainer".
 */
public final class RetainersView {
    private final RetainersViewModel viewModel;
    private Parent root;
    private HeapGrid heapGrid;
    /** Items on the auto-expanded path, with their depth (the root is 0). */
    private final Map<TreeItem<GridRow>, Integer> pathDepth = new IdentityHashMap<>();
    private List<Integer> pathEdges = List.of();
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
    @FXML
    private Button restoreButton;
    @FXML
    private Label ignoredNote;

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
        heapGrid.setOnLoaded(this::expandPath);
        grid.setPlaceholder(new Label("Select an object to see what retains it."));
        MenuItem ignore = new MenuItem("Ignore this retainer");
        ignore.setId("ignore-retainer");
        ignore.setOnAction(e -> setIgnored(true));
        MenuItem stopIgnoring = new MenuItem("Stop ignoring this retainer");
        stopIgnoring.setOnAction(e -> setIgnored(false));
        MenuItem reveal = new MenuItem("Reveal in Summary view");
        reveal.setOnAction(e -> {
            GridRow.NodeItem item = selectedNode();
            if (item != null && shown != null) {
                viewModel.main().reveal(new NodeSelection(shown.snapshot(), item.node()), false);
            }
        });
        heapGrid.addMenuItems(reveal, new SeparatorMenuItem(), ignore, stopIgnoring);
        grid.setOnContextMenuRequested(e -> {
            GridRow.NodeItem item = selectedNode();
            reveal.setDisable(item == null);
            ignore.setDisable(item == null || item.ignored());
            stopIgnoring.setDisable(item == null || !item.ignored());
        });
        restoreButton.setOnAction(e -> restoreAll());
        restoreButton.setDisable(true);
        viewModel.main().selectionProperty().addListener((obs, was, is) -> show(is));
        viewModel.main().selectedProperty().addListener((obs, was, is) -> speakTheShownFilesLanguage());
        viewModel.main().snapshots().addListener(
                (javafx.collections.ListChangeListener<heapscope.app.ui.snapshot.Snapshot>) c ->
                        speakTheShownFilesLanguage());
        show(viewModel.main().selectionProperty().get());
    }

    /** The grid's words follow the shown snapshot, before an object is selected in it. */
    private void speakTheShownFilesLanguage() {
        heapscope.app.ui.snapshot.Snapshot shown = viewModel.main().selected();
        if (shown != null && shown.isReady()) {
            heapGrid.setVocabulary(Vocabulary.of(shown.format()));
        }
    }

    private GridRow.NodeItem selectedNode() {
        TreeItem<GridRow> item = heapGrid.selectedItem();
        return item != null && item.getValue() instanceof GridRow.NodeItem node ? node : null;
    }

    private void show(NodeSelection selection) {
        shown = selection;
        pathDepth.clear();
        pathEdges = List.of();
        if (selection == null || !selection.snapshot().isReady()) {
            viewModel.purge();
            title.setText("Retainers");
            restoreButton.setDisable(true);
            showIgnoredNote(0);
            heapGrid.clear();
            return;
        }
        title.setText("Retainers of " + selection.node().label() + " in " + selection.snapshot().title());
        title.setTooltip(new Tooltip(title.getText()));
        heapGrid.setVocabulary(Vocabulary.of(selection.snapshot().format()));
        int ignored = viewModel.ignoredCount(selection);
        restoreButton.setDisable(ignored == 0);
        showIgnoredNote(ignored);
        viewModel.main().background().query("Finding the shortest retainer path\u2026",
                job -> viewModel.autoExpandedEdges(selection), edges -> {
                    if (shown == selection) {
                        pathEdges = edges;
                        if (heapGrid.root() != null && !heapGrid.root().isLoading()) {
                            expandPath(heapGrid.root());
                        }
                    }
                }, error -> {
                });
        heapGrid.show(viewModel.retainers(selection));
        if (heapGrid.root() != null) {
            pathDepth.put(heapGrid.root(), 0);
        }
    }

    /** Expands the child of a path item that the engine's shortest path goes through next. */
    private void expandPath(PagedTreeItem item) {
        Integer depth = pathDepth.get(item);
        if (depth == null || depth >= pathEdges.size()) {
            return;
        }
        int edge = pathEdges.get(depth);
        for (TreeItem<GridRow> child : item.getChildren()) {
            if (child.getValue() instanceof GridRow.NodeItem node && node.edge() != null
                    && node.edge().edgeIndex() == edge && !child.isLeaf()) {
                pathDepth.put(child, depth + 1);
                if (child.isExpanded() && child instanceof PagedTreeItem paged && !paged.isLoading()) {
                    expandPath(paged);
                } else {
                    child.setExpanded(true);
                }
                return;
            }
        }
    }

    /** Says what ignoring changes: this pane's distances and order, not the views above. */
    private void showIgnoredNote(int ignored) {
        ignoredNote.setVisible(ignored > 0);
        ignoredNote.setManaged(ignored > 0);
        ignoredNote.setText(ignored == 0 ? "" : "Ignoring " + ignored + " retainer" + (ignored == 1 ? "" : "s")
                + ": distances in this pane are counted without " + (ignored == 1 ? "it" : "them")
                + "; the views above keep the snapshot's distances.");
        ignoredNote.setTooltip(ignored == 0 ? null : new Tooltip(ignoredNote.getText()));
    }

    private void setIgnored(boolean ignored) {
        GridRow.NodeItem item = selectedNode();
        NodeSelection selection = shown;
        if (item == null || selection == null) {
            return;
        }
        viewModel.main().background().query(ignored ? "Ignoring retainer\u2026" : "Restoring retainer\u2026", job -> {
            viewModel.setIgnored(selection, item.node().ordinal(), ignored, job);
            return true;
        }, done -> show(selection), error -> {
        });
    }

    private void restoreAll() {
        if (shown != null) {
            viewModel.restoreAll(shown);
            show(shown);
        }
    }

    public HeapGrid grid() {
        return heapGrid;
    }
}
