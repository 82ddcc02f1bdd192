package heapscope.app.ui.search;

import heapscope.app.ui.common.Fxml;
import heapscope.app.ui.common.TableCells;
import heapscope.app.ui.common.Vocabulary;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.NodeSelection;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.progress.CanceledException;
import heapscope.parser.view.NodeRow;
import heapscope.parser.view.NodeSearch;
import heapscope.parser.view.Units;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Code-behind of SearchView.fxml, the Find results: the classes and objects that match. Selecting an object selects
 * it everywhere (Retainers, Fields) and reveals it in the view on screen; selecting a class reveals its row in the
 * Summary. An id that is found is selected at once.
 */
public final class SearchView {
    private final SearchViewModel viewModel;
    private Parent root;
    private Snapshot searched;
    @FXML
    private Label title;
    @FXML
    private TableView<Result> table;
    @FXML
    private TableColumn<Result, String> objectColumn;
    @FXML
    private TableColumn<Result, String> classColumn;
    @FXML
    private TableColumn<Result, String> distanceColumn;
    @FXML
    private TableColumn<Result, String> shallowColumn;
    @FXML
    private TableColumn<Result, String> retainedColumn;
    private Vocabulary vocabulary = Vocabulary.DEVTOOLS;

    /** One row of the results: a matching class, or a matching object. */
    public record Result(NodeSearch.ClassMatch match, NodeRow node) {
        String object() {
            return node != null ? node.label() : match.name() + " (class, " + Units.count(match.count())
                    + " objects)";
        }
    }

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
        objectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().object()));
        classColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().node() == null ? ""
                : c.getValue().node().className()));
        distanceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().node() == null ? ""
                : Units.distance(c.getValue().node().distance())));
        shallowColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().node() == null ? ""
                : vocabulary.size(c.getValue().node().shallowSize())));
        retainedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().node() == null ? ""
                : vocabulary.size(c.getValue().node().retainedSize())));
        objectColumn.setCellFactory(TableCells.withTooltip());
        classColumn.setCellFactory(TableCells.withTooltip());
        for (TableColumn<Result, ?> column : table.getColumns()) {
            column.setSortable(false);
        }
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> open(is));
        table.setOnMouseClicked(e -> {
            Result result = table.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && result != null && result.node() != null) {
                viewModel.main().paneProperty().set(MainWindowViewModel.Pane.RETAINERS);
            }
        });
        MenuItem reveal = new MenuItem("Reveal in Summary view");
        reveal.setOnAction(e -> selected().ifPresent(s -> viewModel.main().reveal(s, false)));
        MenuItem retainers = new MenuItem("Show retainers");
        retainers.setOnAction(e -> viewModel.main().paneProperty().set(MainWindowViewModel.Pane.RETAINERS));
        MenuItem fields = new MenuItem("Show fields");
        fields.setOnAction(e -> viewModel.main().paneProperty().set(MainWindowViewModel.Pane.FIELDS));
        ContextMenu menu = new ContextMenu(reveal, retainers, fields);
        menu.setOnShowing(e -> {
            boolean object = selected().isPresent();
            reveal.setDisable(!object);
            retainers.setDisable(!object);
            fields.setDisable(!object);
        });
        table.setContextMenu(menu);
    }

    private java.util.Optional<NodeSelection> selected() {
        Result result = table.getSelectionModel().getSelectedItem();
        return result == null || result.node() == null || searched == null || !searched.isReady()
                ? java.util.Optional.empty() : java.util.Optional.of(new NodeSelection(searched, result.node()));
    }

    /** A chosen result: an object is selected and revealed in the view on screen; a class is revealed in Summary. */
    private void open(Result result) {
        if (result == null || searched == null || !searched.isReady()) {
            return;
        }
        if (result.node() != null) {
            NodeSelection selection = new NodeSelection(searched, result.node());
            viewModel.main().selectionProperty().set(selection);
            viewModel.main().reveal(selection, true);
        } else {
            viewModel.main().revealClass(searched, result.match().classId());
        }
    }

    /** Searches the shown snapshot; an id that is found is selected at once and its retainers shown. */
    public void search(String query) {
        Snapshot snapshot = viewModel.main().selected();
        if (query == null || query.isBlank() || snapshot == null || !snapshot.isReady()) {
            return;
        }
        title.setText("Searching " + snapshot.title() + " for \u201c" + query.strip() + "\u201d\u2026");
        // Cleared first, so that finding the same object again selects (and reveals) it again.
        table.getSelectionModel().clearSelection();
        table.getItems().clear();
        table.setPlaceholder(new Label("Searching\u2026"));
        viewModel.main().background().query("Searching\u2026", job -> SearchViewModel.search(snapshot, query, job),
                this::show, error -> {
                    table.setPlaceholder(new Label(""));
                    if (!(error instanceof CanceledException)) {
                        title.setText("Search failed: " + error.getMessage());
                    } else {
                        title.setText("Search canceled.");
                    }
                });
    }

    private void show(SearchViewModel.Found found) {
        table.setPlaceholder(new Label("No results."));
        searched = found.snapshot();
        vocabulary = Vocabulary.of(found.snapshot().format());
        shallowColumn.setText(vocabulary == Vocabulary.JAVA ? "Shallow Heap" : "Shallow Size");
        retainedColumn.setText(vocabulary == Vocabulary.JAVA ? "Retained Heap" : "Retained Size");
        List<Result> results = new ArrayList<>();
        found.classes().forEach(c -> results.add(new Result(c, null)));
        found.rows().forEach(r -> results.add(new Result(null, r)));
        table.getItems().setAll(results);
        title.setText(summary(found));
        title.setTooltip(new javafx.scene.control.Tooltip(title.getText()));
        if (found.byId() && found.rows().size() == 1) {
            table.getSelectionModel().select(0);
            viewModel.main().paneProperty().set(MainWindowViewModel.Pane.RETAINERS);
        }
    }

    private static String summary(SearchViewModel.Found found) {
        String where = " in " + found.snapshot().title() + " match \u201c" + found.query() + "\u201d";
        if (found.byId()) {
            return found.rows().isEmpty() ? "No object " + found.query() + " in " + found.snapshot().title() + "."
                    : found.rows().get(0).label() + " in " + found.snapshot().title();
        }
        String objects = Units.count(found.total()) + " object" + (found.total() == 1 ? "" : "s");
        String classes = found.classes().isEmpty() ? "" : Units.count(found.classes().size()) + " class"
                + (found.classes().size() == 1 ? "" : "es") + " and ";
        String more = found.total() > found.rows().size() ? " (the " + found.rows().size()
                + " largest listed)" : "";
        return classes + objects + where + more;
    }
}
