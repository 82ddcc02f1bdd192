package heapscope.app.ui.search;

import heapscope.app.ui.common.Fxml;
import heapscope.app.ui.common.Sizes;
import heapscope.app.ui.main.NodeSelection;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.progress.CanceledException;
import heapscope.parser.view.NodeRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Code-behind of SearchView.fxml: the search results; selecting one shows its retainers. */
public final class SearchView {
    private final SearchViewModel viewModel;
    private Parent root;
    private Snapshot searched;
    private Runnable onShowRetainers = () -> {
    };
    @FXML
    private Label title;
    @FXML
    private TableView<NodeRow> table;
    @FXML
    private TableColumn<NodeRow, String> objectColumn;
    @FXML
    private TableColumn<NodeRow, String> classColumn;
    @FXML
    private TableColumn<NodeRow, String> distanceColumn;
    @FXML
    private TableColumn<NodeRow, String> shallowColumn;
    @FXML
    private TableColumn<NodeRow, String> retainedColumn;

    public SearchView(SearchViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent root() {
        if (root == null) {
            root = Fxml.load("SearchView", this);
        }
        return root;
    }

    @FXML
    private void initialize() {
        objectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        classColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().className()));
        distanceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Sizes.distance(c.getValue().distance())));
        shallowColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Sizes.human(c.getValue().shallowSize())));
        retainedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Sizes.human(c.getValue().retainedSize())));
        for (TableColumn<NodeRow, ?> column : table.getColumns()) {
            column.setSortable(false);
        }
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null && searched != null && searched.isReady()) {
                viewModel.main().selectionProperty().set(new NodeSelection(searched, is));
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                onShowRetainers.run();
            }
        });
    }

    /** Called on a double-click: the window switches to the Retainers tab. */
    public void setOnShowRetainers(Runnable action) {
        this.onShowRetainers = action;
    }

    /** Searches the shown snapshot; an id that is found is selected at once. */
    public void search(String query) {
        Snapshot snapshot = viewModel.main().selected();
        if (query == null || query.isBlank() || snapshot == null || !snapshot.isReady()) {
            return;
        }
        title.setText("Searching " + snapshot.title() + " for \u201c" + query.strip() + "\u201d\u2026");
        viewModel.main().background().query("Searching\u2026", job -> SearchViewModel.search(snapshot, query, job),
                found -> show(found), error -> {
                    if (!(error instanceof CanceledException)) {
                        title.setText("Search failed: " + error.getMessage());
                    }
                });
    }

    private void show(SearchViewModel.Found found) {
        searched = found.snapshot();
        table.getItems().setAll(found.rows());
        String more = found.total() > found.rows().size() ? " (first " + found.rows().size() + " listed)" : "";
        title.setText(Sizes.count(found.total()) + " object" + (found.total() == 1 ? "" : "s") + " in "
                + found.snapshot().title() + " match \u201c" + found.query().strip() + "\u201d" + more);
        if (found.rows().size() == 1) {
            table.getSelectionModel().select(0);
            onShowRetainers.run();
        }
    }
}
