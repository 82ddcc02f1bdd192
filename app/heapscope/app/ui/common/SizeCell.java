package heapscope.app.ui.common;

import heapscope.parser.view.Units;
import java.util.function.ToLongFunction;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A size cell as DevTools draws one: the size in the grid's unit and the share of the heap total beside it, the size
 * in the unit that fits and the exact bytes in the tooltip.
 */
final class SizeCell extends TreeTableCell<GridRow, GridRow> {
    private final HeapGrid grid;
    private final ToLongFunction<GridRow> value;
    private final Label size = new Label();
    private final Label share = new Label();
    private final HBox box;
    private final Tooltip tip = new Tooltip();

    /** {@code value} returns -1 for rows without this column. */
    SizeCell(HeapGrid grid, ToLongFunction<GridRow> value) {
        this.grid = grid;
        this.value = value;
        share.getStyleClass().add("share");
        share.setMinWidth(Region.USE_PREF_SIZE);
        size.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        box = new HBox(6, gap, size, share);
        box.setAlignment(Pos.CENTER_RIGHT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        getStyleClass().add("number-cell");
    }

    @Override
    protected void updateItem(GridRow row, boolean empty) {
        super.updateItem(row, empty);
        long bytes = empty || row == null ? -1 : value.applyAsLong(row);
        if (bytes < 0) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }
        String text = grid.vocabulary().size(bytes);
        size.setText(text);
        share.setText(Units.percent(bytes, grid.total()));
        setText(text);
        setGraphic(box);
        tip.setText(Vocabulary.sizeTooltip(bytes));
        setTooltip(tip);
    }
}
