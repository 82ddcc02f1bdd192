package heapscope.app.ui.main;

import heapscope.app.ui.snapshot.Snapshot;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;

/**
 * The sidebar's list of snapshots, in series order: its cells, its selection kept in step with the view model's, the
 * context menu (move up, move down, close; a move that cannot happen is disabled) and the keys (Delete closes,
 * Alt+↑/↓ move). Use on the JavaFX thread.
 */
final class SnapshotSidebar {
    private final ListView<Snapshot> list;
    private final MainWindowViewModel viewModel;
    private final MenuItem up = new MenuItem("Move up (earlier in the series)");
    private final MenuItem down = new MenuItem("Move down (later in the series)");
    private final MenuItem close = new MenuItem("Close");

    SnapshotSidebar(ListView<Snapshot> list, MainWindowViewModel viewModel) {
        this.list = list;
        this.viewModel = viewModel;
        list.setItems(viewModel.snapshots());
        list.setCellFactory(l -> new SnapshotCell(viewModel::close));
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                viewModel.selectedProperty().set(is);
            }
        });
        viewModel.selectedProperty().addListener((obs, was, is) -> showSelected());
        viewModel.snapshots().addListener((ListChangeListener<Snapshot>) c -> showSelected());
        up.setId("move-up");
        up.setOnAction(e -> moveSelected(-1));
        down.setId("move-down");
        down.setOnAction(e -> moveSelected(1));
        close.setOnAction(e -> viewModel.close(selected()));
        ContextMenu menu = new ContextMenu(up, down, close);
        menu.setOnShowing(e -> updateMenu());
        list.setContextMenu(menu);
        list.setOnKeyPressed(e -> {
            if (selected() == null) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE) {
                viewModel.close(selected());
            } else if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                moveSelected(e.getCode() == KeyCode.UP ? -1 : 1);
                e.consume();
            }
        });
    }

    private Snapshot selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    private void showSelected() {
        Snapshot selected = viewModel.selected();
        if (selected != null && selected() != selected) {
            list.getSelectionModel().select(selected);
        }
    }

    /** Snapshot 1 cannot move up, the last one cannot move down. */
    void updateMenu() {
        int index = viewModel.snapshots().indexOf(selected());
        up.setDisable(index <= 0);
        down.setDisable(index < 0 || index >= viewModel.snapshots().size() - 1);
        close.setDisable(index < 0);
    }

    private void moveSelected(int delta) {
        Snapshot s = selected();
        if (s != null) {
            viewModel.move(s, delta);
            list.getSelectionModel().select(s);
        }
    }
}
