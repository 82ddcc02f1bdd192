package heapscope.app.ui.common;

import java.util.function.Function;
import javafx.scene.control.TreeTableCell;

/** A right-aligned number cell (distance, count). */
final class TextCell extends TreeTableCell<GridRow, GridRow> {
    private final Function<GridRow, String> text;

    TextCell(Function<GridRow, String> text) {
        this.text = text;
        getStyleClass().add("number-cell");
    }

    @Override
    protected void updateItem(GridRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(empty || row == null ? null : text.apply(row));
    }
}
