package heapscope.app.ui.capture;

import heapscope.app.capture.CaptureTarget;
import heapscope.app.capture.InspectorTarget;
import heapscope.app.ui.common.Fxml;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Code-behind of CaptureDialog.fxml, File ▸ Take snapshot…: the running JVMs and Node.js processes in a table, the
 * folder, the buttons (Take snapshot, 3-snapshot method and its "Take snapshot 2/3", Close), the progress with Cancel.
 * A window of its own beside the main window (not modal: the snapshots taken load and show meanwhile). It only binds
 * controls to {@link CaptureViewModel}.
 */
public final class CaptureView {
    private final CaptureViewModel viewModel;
    private Stage stage;
    @FXML
    private TableView<CaptureTarget> targetTable;
    @FXML
    private TableColumn<CaptureTarget, String> kindColumn;
    @FXML
    private TableColumn<CaptureTarget, Long> pidColumn;
    @FXML
    private TableColumn<CaptureTarget, String> programColumn;
    @FXML
    private TableColumn<CaptureTarget, String> runtimeColumn;
    @FXML
    private TableColumn<CaptureTarget, String> statusColumn;
    @FXML
    private Label placeholder;
    @FXML
    private Button refreshButton;
    @FXML
    private TextField folderField;
    @FXML
    private CheckBox gzipBox;
    @FXML
    private Label instructions;
    @FXML
    private HBox progressBox;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label statusLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private Button takeButton;
    @FXML
    private Button methodButton;
    @FXML
    private Button continueButton;

    public CaptureView(CaptureViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Shows the dialog (made once, then shown again) beside {@code owner} and looks for targets. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Take heap snapshot");
            Scene scene = new Scene(Fxml.load("CaptureDialog", this));
            scene.getStylesheets().add(Fxml.stylesheet());
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
        viewModel.refresh();
    }

    public CaptureViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        kindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(kind(c.getValue())));
        pidColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pid() > 0 ? c.getValue().pid()
                : null));
        programColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().shortName()));
        programColumn.setCellFactory(column -> new TipCell(CaptureTarget::name));
        runtimeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().runtime()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(status(c.getValue())));
        statusColumn.setCellFactory(column -> new TipCell(CaptureView::status));
        targetTable.setItems(viewModel.targets());
        targetTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(CaptureTarget target, boolean empty) {
                super.updateItem(target, empty);
                getStyleClass().remove("capture-unavailable");
                if (!empty && target != null && target.problem() != null) {
                    getStyleClass().add("capture-unavailable");
                }
            }
        });
        targetTable.getSelectionModel().selectedItemProperty().addListener((obs, was, is) ->
                viewModel.selectedProperty().set(is));
        viewModel.selectedProperty().addListener((obs, was, is) -> {
            if (targetTable.getSelectionModel().getSelectedItem() != is) {
                targetTable.getSelectionModel().select(is);
            }
        });
        targetTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                viewModel.takeSnapshot();
            }
        });
        placeholder.textProperty().bind(Bindings.when(viewModel.listingProperty())
                .then("Looking for JVMs and Node.js processes\u2026")
                .otherwise("No JVM or Node.js process found. Start Node.js with --inspect, or press Refresh."));
        refreshButton.disableProperty().bind(viewModel.listingProperty());
        folderField.textProperty().bindBidirectional(viewModel.folderProperty());
        gzipBox.selectedProperty().bindBidirectional(viewModel.gzipProperty());
        folderField.disableProperty().bind(viewModel.capturingProperty().or(viewModel.awaitingActionProperty()));
        gzipBox.disableProperty().bind(folderField.disableProperty());

        instructions.textProperty().bind(viewModel.instructionsProperty());
        instructions.visibleProperty().bind(viewModel.instructionsProperty().isNotEmpty());
        instructions.managedProperty().bind(instructions.visibleProperty());
        progressBar.progressProperty().bind(Bindings.when(viewModel.progressProperty().lessThan(0))
                .then(ProgressBar.INDETERMINATE_PROGRESS).otherwise(viewModel.progressProperty()));
        progressBar.visibleProperty().bind(viewModel.capturingProperty());
        progressBox.visibleProperty().bind(viewModel.capturingProperty().or(viewModel.statusProperty().isNotEmpty())
                .or(viewModel.awaitingActionProperty()));
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        viewModel.statusIsErrorProperty().addListener((obs, was, is) -> {
            statusLabel.getStyleClass().remove("capture-error");
            if (is) {
                statusLabel.getStyleClass().add("capture-error");
            }
        });
        cancelButton.visibleProperty().bind(viewModel.capturingProperty().or(viewModel.awaitingActionProperty()));
        takeButton.disableProperty().bind(viewModel.canStartBinding().not());
        methodButton.disableProperty().bind(viewModel.canStartBinding().not());
        continueButton.textProperty().bind(viewModel.continueTextProperty());
        continueButton.visibleProperty().bind(viewModel.awaitingActionProperty());
        continueButton.managedProperty().bind(continueButton.visibleProperty());
    }

    /** A cell whose tooltip holds the whole text (a long main class, a problem's sentence). */
    private static final class TipCell extends TableCell<CaptureTarget, String> {
        private final Function<CaptureTarget, String> tip;

        TipCell(Function<CaptureTarget, String> tip) {
            this.tip = tip;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            CaptureTarget target = empty ? null : getTableRow().getItem();
            setText(empty ? null : text);
            setTooltip(target == null ? null : new Tooltip(tip.apply(target)));
        }
    }

    private static String kind(CaptureTarget target) {
        return switch (target.kind()) {
            case "jvm" -> "JVM";
            case "node" -> "Node.js";
            default -> "Chrome " + target.kind();
        };
    }

    private static String status(CaptureTarget target) {
        if (target.problem() != null) {
            return target.problem();
        }
        if (target instanceof InspectorTarget inspector) {
            return inspector.isOpen() ? "inspector at " + inspector.host() + ":" + inspector.port()
                    : "inspector closed: opened with SIGUSR1 when you take a snapshot";
        }
        return "ready";
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the snapshots");
        File current = Path.of(viewModel.folderProperty().get()).toFile();
        if (current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            viewModel.folderProperty().set(chosen.getPath());
        }
    }

    @FXML
    private void takeSnapshot() {
        viewModel.takeSnapshot();
    }

    @FXML
    private void startThreeSnapshotMethod() {
        viewModel.startThreeSnapshotMethod();
    }

    @FXML
    private void continueMethod() {
        viewModel.continueMethod();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void close() {
        stage.hide();
    }
}
