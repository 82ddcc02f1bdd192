package heapscope.app.ui.common;

import java.util.function.Function;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.Tooltip;

/** A right-aligned number cell (distance, counts, deltas), with an optional tooltip (exact bytes). */
final class TextCell extends TreeTableCell<GridRow, GridRow> {
    private final Function<GridRow, String> text;
    private final Function<GridRow, String> tooltip;

    TextCell(Function<GridRow, String> text, Function<GridRow, String> tooltip) {
        this.text = text;
        this.tooltip = tooltip;
        getStyleClass().add("number-cell");
    }

    @Override
    protected void updateItem(GridRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(empty || row == null ? null : text.apply(row));
        String tip = empty || row == null ? null : tooltip.apply(row);
        setTooltip(tip == null ? null : new Tooltip(tip));
    }
}
