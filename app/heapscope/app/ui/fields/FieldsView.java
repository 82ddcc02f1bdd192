package heapscope.app.ui.fields;

import heapscope.app.ui.common.Fxml;
import heapscope.app.ui.main.NodeSelection;
import heapscope.parser.view.FieldRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Code-behind of FieldsView.fxml, a bottom pane: the field values of the object selected in any view. */
public final class FieldsView {
    private static final String NOTHING_SELECTED = "Select an object to see its field values.";
    private final FieldsViewModel viewModel;
    private Parent root;
    private NodeSelection shown;
    @FXML
    private Label title;
    @FXML
    private Label placeholder;
    @FXML
    private TableView<FieldRow> table;
    @FXML
    private TableColumn<FieldRow, String> nameColumn;
    @FXML
    private TableColumn<FieldRow, String> typeColumn;
    @FXML
    private TableColumn<FieldRow, String> valueColumn;
    @FXML
    private TableColumn<FieldRow, String> declaredColumn;

    public FieldsView(FieldsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent root() {
        if (root == null) {
            root = Fxml.load("FieldsView", this);
        }
        return root;
    }

    @FXML
    private void initialize() {
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        valueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        declaredColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().declaringClass()));
        viewModel.main().selectionProperty().addListener((obs, was, is) -> show(is));
        show(viewModel.main().selectionProperty().get());
    }

    private void show(NodeSelection selection) {
        shown = selection;
        table.getItems().clear();
        if (selection == null || !selection.snapshot().isReady()) {
            title.setText("Fields");
            placeholder.setText(NOTHING_SELECTED);
            return;
        }
        title.setText("Fields of " + selection.node().label() + " in " + selection.snapshot().title());
        placeholder.setText("Reading\u2026");
        viewModel.main().background().query("Reading field values\u2026", job -> FieldsViewModel.fields(selection),
                fields -> {
                    if (shown == selection) {
                        table.getItems().setAll(fields.rows());
                        placeholder.setText(fields.message() != null ? fields.message() : "");
                    }
                }, error -> {
                    if (shown == selection) {
                        placeholder.setText("Could not read the fields: " + error.getMessage());
                    }
                });
    }
}
