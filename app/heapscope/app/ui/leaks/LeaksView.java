package heapscope.app.ui.leaks;

import heapscope.app.ui.common.ExportTable;
import heapscope.app.ui.common.Job;
import heapscope.app.ui.common.TableCells;
import heapscope.parser.view.Units;
import heapscope.app.ui.main.HeapView;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.model.LeakGroup;
import heapscope.parser.model.LeakReport;
import heapscope.parser.progress.CanceledException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** Code-behind of LeaksView.fxml: the leak report of the series; a group's example opens in Retainers. */
public final class LeaksView extends HeapView {
    private final LeaksViewModel viewModel;
    @FXML
    private Label summary;
    @FXML
    private Label warnings;
    @FXML
    private TableView<LeakGroup> table;
    @FXML
    private TableColumn<LeakGroup, Number> rankColumn;
    @FXML
    private TableColumn<LeakGroup, String> classColumn;
    @FXML
    private TableColumn<LeakGroup, String> pathColumn;
    @FXML
    private TableColumn<LeakGroup, String> countsColumn;
    @FXML
    private TableColumn<LeakGroup, String> growthColumn;
    @FXML
    private TableColumn<LeakGroup, String> retainedColumn;
    private List<Snapshot> reported = List.of();
    private Job job;

    public LeaksView(LeaksViewModel viewModel) {
        super(viewModel.main(), "LeaksView");
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        rankColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(table.getItems().indexOf(c.getValue()) + 1));
        classColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().className()));
        pathColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().pathSignature()));
        countsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(LeaksViewModel.counts(c.getValue())));
        growthColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Units.signedCount(c.getValue().growth())
                + (c.getValue().grewEveryStep() ? "" : " (not every step)")));
        retainedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Units.bytes(c.getValue().retainedSize())));
        retainedColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                LeakGroup group = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(group == null ? null : new Tooltip(Units.exactBytes(group.retainedSize())));
            }
        });
        classColumn.setCellFactory(TableCells.withTooltip());
        pathColumn.setCellFactory(TableCells.withTooltip());
        for (TableColumn<LeakGroup, ?> column : table.getColumns()) {
            column.setSortable(false);
        }
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null && !reported.isEmpty() && reported.stream().allMatch(Snapshot::isReady)) {
                main.selectionProperty().set(LeaksViewModel.example(reported, is));
            }
        });
    }

    @Override
    protected void rebuild(Snapshot snapshot) {
        run();
    }

    @Override
    protected void seriesChanged() {
        if (active() && !viewModel.series().equals(reported)) {
            run();
        }
    }

    private void run() {
        if (job != null) {
            job.cancel();
        }
        List<Snapshot> series = viewModel.series();
        reported = series;
        table.getItems().clear();
        warnings.setText("");
        if (series.size() < 2) {
            table.setPlaceholder(new Label(""));
            summary.setText("The leak report needs two or more loaded snapshots of one program, taken while it"
                    + " repeats an action (three or more work best). For a single Java dump, Leak Suspects (Ctrl+7)"
                    + " reads it as Eclipse MAT does.");
            return;
        }
        summary.setText("Looking for objects that kept growing over " + series.size() + " snapshots\u2026");
        table.setPlaceholder(new Label("Computing the leak report\u2026"));
        job = main.background().query("Finding leaks\u2026", j -> LeaksViewModel.report(series, j), report -> {
            job = null;
            show(series, report);
        }, error -> {
            job = null;
            table.setPlaceholder(new Label(""));
            if (!(error instanceof CanceledException)) {
                summary.setText("The leak report failed: " + error.getMessage());
            } else {
                summary.setText("The leak report was canceled.");
            }
        });
    }

    private void show(List<Snapshot> series, LeakReport report) {
        table.setPlaceholder(new Label("No suspects."));
        table.getItems().setAll(report.groups());
        Snapshot first = series.get(0);
        Snapshot last = series.get(series.size() - 1);
        String method = report.matching().equals("v8-object-id")
                ? "objects of " + last.title() + " allocated between " + first.title() + " and "
                        + series.get(Math.max(0, series.size() - 2)).title()
                : "objects of " + last.title() + " whose class grew since " + first.title();
        summary.setText(report.groups().isEmpty()
                ? "No group of objects grew across " + first.title() + " \u2026 " + last.title() + "."
                : report.groups().size() + " suspect" + (report.groups().size() == 1 ? "" : "s") + ": " + method
                        + ", grouped by class and retainer path, that kept growing. Select one to see its retainer"
                        + " path below.");
        List<String> lines = new ArrayList<>(report.warnings());
        warnings.setText(String.join("\n", lines));
        if (!report.groups().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    @Override
    public ExportTable exportTable(String title) {
        List<List<String>> rows = new ArrayList<>();
        for (LeakGroup g : table.getItems()) {
            rows.add(List.of(g.className(), g.pathSignature(), java.util.Arrays.toString(g.counts()),
                    Long.toString(g.growth()), Boolean.toString(g.grewEveryStep()), Long.toString(g.retainedSize())));
        }
        return new ExportTable(title, List.of("class", "path", "counts", "growth", "grewEveryStep", "retainedSize"),
                rows);
    }
}
