package heapscope.app.ui.fields;

import heapscope.app.ui.common.Fxml;
import heapscope.app.ui.common.TableCells;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.NodeSelection;
import heapscope.parser.view.ArrayPreview;
import heapscope.parser.view.FieldRow;
import heapscope.parser.view.Units;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Code-behind of FieldsView.fxml, a bottom pane: the field values of the object selected in any view; references are
 * links (follow one to read the target's fields; the context menu also shows its retainers or reveals it in the
 * Summary), and a {@code byte[]}/{@code char[]} shows its text and hex dump above its elements.
 */
public final class FieldsView {
    private static final String NOTHING_SELECTED = "Select an object to see its field values.";
    private final FieldsViewModel viewModel;
    private Parent root;
    private NodeSelection shown;
    @FXML
    private Label title;
    @FXML
    private Button backButton;
    @FXML
    private Label placeholder;
    @FXML
    private VBox previewBox;
    @FXML
    private Label previewTitle;
    @FXML
    private TextArea previewText;
    @FXML
    private TextArea previewHex;
    @FXML
    private TableView<FieldRow> table;
    @FXML
    private TableColumn<FieldRow, String> nameColumn;
    @FXML
    private TableColumn<FieldRow, String> typeColumn;
    @FXML
    private TableColumn<FieldRow, FieldRow> valueColumn;
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
        valueColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        valueColumn.setCellFactory(c -> new ValueCell(this::follow));
        declaredColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().declaringClass()));
        nameColumn.setCellFactory(TableCells.withTooltip());
        declaredColumn.setCellFactory(TableCells.withTooltip());
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                follow(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setContextMenu(contextMenu());
        backButton.setOnAction(e -> viewModel.goBack());
        showPreview(null);
        viewModel.main().selectionProperty().addListener((obs, was, is) -> show(is));
        show(viewModel.main().selectionProperty().get());
    }

    private ContextMenu contextMenu() {
        MenuItem open = new MenuItem("Show the target's fields");
        open.setOnAction(e -> follow(table.getSelectionModel().getSelectedItem()));
        MenuItem retainers = new MenuItem("Show the target's retainers");
        retainers.setOnAction(e -> target().ifPresent(t -> {
            viewModel.main().selectionProperty().set(t);
            viewModel.main().paneProperty().set(MainWindowViewModel.Pane.RETAINERS);
        }));
        MenuItem reveal = new MenuItem("Reveal the target in Summary view");
        reveal.setOnAction(e -> target().ifPresent(t -> viewModel.main().reveal(t, false)));
        ContextMenu menu = new ContextMenu(open, retainers, reveal);
        menu.setOnShowing(e -> {
            boolean link = target().isPresent();
            open.setDisable(!link);
            retainers.setDisable(!link);
            reveal.setDisable(!link);
        });
        return menu;
    }

    private java.util.Optional<NodeSelection> target() {
        FieldRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || !row.isLink() || shown == null || !shown.snapshot().isReady()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new NodeSelection(shown.snapshot(), shown.snapshot().rows().row(row.target())));
    }

    private void follow(FieldRow row) {
        if (row != null && row.isLink() && shown != null && shown.snapshot().isReady()) {
            viewModel.follow(shown, row);
        }
    }

    private void show(NodeSelection selection) {
        shown = selection;
        table.getItems().clear();
        showPreview(null);
        backButton.setDisable(!viewModel.canGoBack());
        if (selection == null || !selection.snapshot().isReady()) {
            title.setText("Fields");
            placeholder.setText(NOTHING_SELECTED);
            return;
        }
        title.setText("Fields of " + selection.node().label() + " in " + selection.snapshot().title());
        title.setTooltip(new Tooltip(title.getText()));
        placeholder.setText("Reading\u2026");
        viewModel.main().background().query("Reading field values\u2026", job -> FieldsViewModel.fields(selection),
                fields -> {
                    if (shown == selection) {
                        table.getItems().setAll(fields.rows());
                        showPreview(fields.preview());
                        placeholder.setText(fields.message() != null ? fields.message() : "");
                    }
                }, error -> {
                    if (shown == selection) {
                        placeholder.setText("Could not read the fields: " + error.getMessage());
                    }
                });
    }

    private void showPreview(ArrayPreview preview) {
        previewBox.setVisible(preview != null);
        previewBox.setManaged(preview != null);
        if (preview == null) {
            previewText.clear();
            previewHex.clear();
            return;
        }
        String unit = preview.elementType().equals("byte") ? "bytes" : "characters";
        previewTitle.setText(preview.elementType() + "[" + Units.count(preview.length()) + "]"
                + (preview.shown() < preview.length() ? ", the first " + Units.count(preview.shown()) + " " + unit
                        : "") + (preview.elementType().equals("byte") ? " \u2014 as UTF-8 text, and in hex" : ""));
        previewText.setText(preview.text());
        previewHex.setText(preview.hex());
    }

    /** The Value cell: a reference is a link to its target; any other value is text. */
    private static final class ValueCell extends TableCell<FieldRow, FieldRow> {
        private final Consumer<FieldRow> follow;
        private final Hyperlink link = new Hyperlink();
        private final Tooltip tip = new Tooltip();

        ValueCell(Consumer<FieldRow> follow) {
            this.follow = follow;
            link.setOnAction(e -> follow.accept(getItem()));
            link.getStyleClass().add("field-link");
            link.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(FieldRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            tip.setText(row.value());
            setTooltip(tip);
            if (row.isLink()) {
                link.setText(row.value());
                setText(null);
                setGraphic(link);
            } else {
                setText(row.value());
                setGraphic(null);
            }
        }
    }
}
