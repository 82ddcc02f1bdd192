package heapscope.app.ui.main;

import heapscope.app.ui.snapshot.Snapshot;
import javafx.scene.control.ListCell;

/** A view's name in the toolbar's selector, as the shown snapshot's world names it (Histogram for a Java dump). */
final class ViewKindCell extends ListCell<ViewKind> {
    private final MainWindowViewModel viewModel;

    ViewKindCell(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    protected void updateItem(ViewKind kind, boolean empty) {
        super.updateItem(kind, empty);
        Snapshot shown = viewModel.selected();
        setText(empty || kind == null ? null : kind.title(shown == null ? null : shown.format()));
    }
}
