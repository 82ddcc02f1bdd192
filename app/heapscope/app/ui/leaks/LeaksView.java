package heapscope.app.ui.leaks;

import heapscope.app.ui.common.Job;
import heapscope.app.ui.common.Sizes;
import heapscope.app.ui.main.HeapView;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.progress.CanceledException;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;

/**
 * Code-behind of LeaksView.fxml: the leak report of the series. Each leak is one row, named by what holds it; selecting
 * it lists what it holds per snapshot and opens its example object in Retainers. Runtime growth sits collapsed below.
 */
public final class LeaksView extends HeapView {
    private final LeaksViewModel viewModel;
    @FXML
    private Label summary;
    @FXML
    private Label warnings;
    @FXML
    private Label placeholder;
    @FXML
    private TableView<LeakSuspect> table;
    @FXML
    private TableColumn<LeakSuspect, Number> rankColumn;
    @FXML
    private TableColumn<LeakSuspect, String> nameColumn;
    @FXML
    private TableColumn<LeakSuspect, String> containerColumn;
    @FXML
    private TableColumn<LeakSuspect, String> sizesColumn;
    @FXML
    private TableColumn<LeakSuspect, String> growthColumn;
    @FXML
    private Label path;
    @FXML
    private TableView<ClassGrowth> held;
    @FXML
    private TableColumn<ClassGrowth, String> heldClassColumn;
    @FXML
    private TableColumn<ClassGrowth, String> heldCountsColumn;
    @FXML
    private TableColumn<ClassGrowth, String> heldAddedColumn;
    @FXML
    private TableColumn<ClassGrowth, String> heldBytesColumn;
    @FXML
    private TitledPane runtimePane;
    @FXML
    private TableView<LeakSuspect> runtimeTable;
    @FXML
    private TableColumn<LeakSuspect, String> runtimeNameColumn;
    @FXML
    private TableColumn<LeakSuspect, String> runtimeContainerColumn;
    @FXML
    private TableColumn<LeakSuspect, String> runtimeGrowthColumn;
    private List<Snapshot> reported = List.of();
    private Job job;

    public LeaksView(LeaksViewModel viewModel) {
        super(viewModel.main(), "LeaksView");
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        rankColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(table.getItems().indexOf(c.getValue()) + 1));
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(LeaksViewModel.title(c.getValue())));
        containerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(container(c.getValue())));
        sizesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(LeaksViewModel.sizes(
                c.getValue().retainedSizes(), Sizes::human)));
        growthColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(growth(c.getValue())));
        runtimeNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        runtimeContainerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(container(c.getValue())));
        runtimeGrowthColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(growth(c.getValue())));
        heldClassColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().className()));
        heldCountsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(LeaksViewModel.counts(c.getValue())));
        heldAddedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Sizes.signed(c.getValue().added(), false)));
        heldBytesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Sizes.human(c.getValue().addedBytes())));
        for (TableColumn<LeakSuspect, String> column : List.of(nameColumn, containerColumn, runtimeNameColumn)) {
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(String text, boolean empty) {
                    super.updateItem(text, empty);
                    setText(empty ? null : text);
                    setTooltip(empty || text == null ? null : new Tooltip(text));
                }
            });
        }
        for (TableView<?> view : List.of(table, held, runtimeTable)) {
            view.getColumns().forEach(column -> column.setSortable(false));
        }
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> select(is));
        runtimeTable.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> select(is));
    }

    private void select(LeakSuspect suspect) {
        if (suspect == null) {
            return;
        }
        path.setText(suspect.path());
        held.getItems().setAll(suspect.held().stream().filter(c -> c.added() > 0).toList());
        if (!reported.isEmpty() && reported.stream().allMatch(Snapshot::isReady)) {
            main.selectionProperty().set(LeaksViewModel.example(reported, suspect));
        }
    }

    private static String container(LeakSuspect suspect) {
        return suspect.containerClass() + (suspect.instances() > 1 ? " \u00d7" + suspect.instances() : "");
    }

    private static String growth(LeakSuspect suspect) {
        return Sizes.signed(suspect.growth(), true) + (suspect.grewEveryStep() ? "" : " (not every step)");
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
        runtimeTable.getItems().clear();
        held.getItems().clear();
        path.setText("");
        warnings.setText("");
        runtimePane.setText("Runtime growth");
        if (series.size() < 2) {
            summary.setText("The leak report needs two or more loaded snapshots of one program, taken while it"
                    + " repeats an action (three or more work best).");
            placeholder.setText("No suspects.");
            return;
        }
        summary.setText("Following the objects of " + series.size() + " snapshots\u2026");
        placeholder.setText("Computing the leak report\u2026");
        job = main.background().query("Finding leaks\u2026", j -> LeaksViewModel.report(series, j), report -> {
            job = null;
            show(series, report);
        }, error -> {
            job = null;
            placeholder.setText("No suspects.");
            if (!(error instanceof CanceledException)) {
                summary.setText("The leak report failed: " + error.getMessage());
            }
        });
    }

    private void show(List<Snapshot> series, LeakReport report) {
        placeholder.setText("No suspects.");
        table.getItems().setAll(report.suspects());
        runtimeTable.getItems().setAll(report.runtimeGrowth());
        runtimePane.setText("Runtime growth (" + report.runtimeGrowth().size() + ", not leaks: the runtime's own"
                + " tables)");
        Snapshot first = series.get(0);
        Snapshot last = series.get(series.size() - 1);
        String followed = report.matching().equals("v8-object-id") ? "by object id" : "by matching their objects";
        summary.setText(report.suspects().isEmpty()
                ? "Nothing kept growing across " + first.title() + " \u2026 " + last.title() + " (objects followed "
                        + followed + ")."
                : report.suspects().size() + " leak" + (report.suspects().size() == 1 ? "" : "s") + ": containers"
                        + " whose retained size kept growing from " + first.title() + " to " + last.title()
                        + " (objects followed " + followed + "), each with everything it holds. Select one to see"
                        + " what it holds and the path to one of its objects below.");
        warnings.setText(String.join("\n", report.warnings()));
        if (!report.suspects().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    /** For export: the leaks shown. */
    public List<LeakSuspect> shownSuspects() {
        return List.copyOf(table.getItems());
    }
}
