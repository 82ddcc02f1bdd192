package heapscope.app.ui.suspects;

import heapscope.app.ui.common.ExportTable;
import heapscope.app.ui.common.Job;
import heapscope.app.ui.common.TableCells;
import heapscope.app.ui.main.HeapView;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.NodeSelection;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.analysis.ProblemSuspects;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.ProblemSuspect;
import heapscope.parser.progress.CanceledException;
import heapscope.parser.view.Units;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * Code-behind of SuspectsView.fxml: the suspects of the shown Java dump, the chosen one described with its path from
 * a GC root; choosing one selects it (Retainers, Fields), and a button selects its accumulation point.
 */
public final class SuspectsView extends HeapView {
    private final SuspectsViewModel viewModel;
    @FXML
    private Label summary;
    @FXML
    private TableView<ProblemSuspect> table;
    @FXML
    private TableColumn<ProblemSuspect, Number> rankColumn;
    @FXML
    private TableColumn<ProblemSuspect, String> suspectColumn;
    @FXML
    private TableColumn<ProblemSuspect, String> retainedColumn;
    @FXML
    private TableColumn<ProblemSuspect, String> shareColumn;
    @FXML
    private TableColumn<ProblemSuspect, String> heldByColumn;
    @FXML
    private VBox details;
    @FXML
    private Label description;
    @FXML
    private ListView<String> path;
    @FXML
    private Button accumulationButton;
    @FXML
    private Label placeholder;
    private Job job;

    public SuspectsView(SuspectsViewModel viewModel) {
        super(viewModel.main(), "SuspectsView");
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        rankColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(table.getItems().indexOf(c.getValue()) + 1));
        suspectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(SuspectsViewModel.title(c.getValue())));
        retainedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Units.count(c.getValue().retainedSize())));
        shareColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Units.percent(c.getValue().retainedSize(),
                total())));
        heldByColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().heldBy()));
        suspectColumn.setCellFactory(TableCells.withTooltip());
        heldByColumn.setCellFactory(TableCells.withTooltip());
        for (TableColumn<ProblemSuspect, ?> column : table.getColumns()) {
            column.setSortable(false);
        }
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> showDetails(is));
        accumulationButton.setOnAction(e -> {
            ProblemSuspect suspect = table.getSelectionModel().getSelectedItem();
            if (suspect != null && suspect.accumulationPoint() >= 0 && shown() != null && shown().isReady()) {
                main.selectionProperty().set(new NodeSelection(shown(),
                        shown().rows().row(suspect.accumulationPoint())));
                main.paneProperty().set(MainWindowViewModel.Pane.RETAINERS);
            }
        });
        showDetails(null);
    }

    @Override
    protected void rebuild(Snapshot snapshot) {
        if (job != null) {
            job.cancel();
            job = null;
        }
        table.getItems().clear();
        showDetails(null);
        if (snapshot == null) {
            summary.setText("");
            placeholder.setText(main.selected() == null ? "No snapshot selected." : main.selected().title()
                    + " is loading\u2026");
            return;
        }
        if (snapshot.format() != HeapFormat.HPROF) {
            summary.setText("");
            placeholder.setText("Leak Suspects reads one Java heap dump as Eclipse MAT does. For a V8 snapshot, use"
                    + " the 3-snapshot method (Summary, \u201cObjects allocated between\u201d) or the Leaks view over"
                    + " a series.");
            return;
        }
        summary.setText("Looking for objects and classes that keep " + ProblemSuspects.THRESHOLD_PERCENT
                + " % of " + snapshot.title() + " alive\u2026");
        placeholder.setText("Computing the leak suspects\u2026");
        job = main.background().query("Finding leak suspects\u2026", j -> viewModel.suspects(snapshot, j),
                suspects -> {
                    job = null;
                    show(snapshot, suspects);
                }, error -> {
                    job = null;
                    if (!(error instanceof CanceledException)) {
                        placeholder.setText("The leak suspects could not be computed: " + error.getMessage());
                    }
                });
    }

    private void show(Snapshot snapshot, List<ProblemSuspect> suspects) {
        table.getItems().setAll(suspects);
        String rule = "objects or classes that alone keep " + ProblemSuspects.THRESHOLD_PERCENT + " % or more of the"
                + " heap (" + Units.bytes(snapshot.heap().totalSize()) + ") alive, by Eclipse MAT's rules";
        summary.setText(suspects.isEmpty() ? "No suspect in " + snapshot.title() + ": no " + rule + "."
                : suspects.size() + " suspect" + (suspects.size() == 1 ? "" : "s") + " in " + snapshot.title() + ": "
                        + rule + ". Choose one to see where its memory accumulates and what holds it.");
        placeholder.setText("No suspects: no object or class keeps a tenth of the heap alive.");
        if (!suspects.isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    private void showDetails(ProblemSuspect suspect) {
        Snapshot snapshot = shown();
        boolean visible = suspect != null && snapshot != null && snapshot.isReady();
        details.setVisible(visible);
        details.setManaged(visible);
        if (!visible) {
            path.getItems().clear();
            return;
        }
        description.setText(SuspectsViewModel.description(snapshot, suspect));
        path.getItems().setAll(SuspectsViewModel.pathFromRoot(snapshot, suspect));
        accumulationButton.setDisable(suspect.accumulationPoint() < 0);
        main.selectionProperty().set(new NodeSelection(snapshot, snapshot.rows().row(suspect.node())));
    }

    @Override
    public ExportTable exportTable(String title) {
        List<List<String>> rows = new ArrayList<>();
        for (ProblemSuspect s : table.getItems()) {
            rows.add(List.of(s.kind().name().toLowerCase(java.util.Locale.ROOT), SuspectsViewModel.title(s),
                    Long.toString(s.instances()), Long.toString(s.retainedSize()), s.heldBy(), s.accumulationVia()));
        }
        return new ExportTable(title, List.of("kind", "suspect", "objects", "retainedSize", "heldBy",
                "accumulationVia"), rows);
    }
}
