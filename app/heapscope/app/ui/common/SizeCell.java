package heapscope.app.ui.common;

import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A size cell: humanised bytes and the share of the heap total, exact bytes in the tooltip. */
final class SizeCell extends TreeTableCell<GridRow, GridRow> {
    private final ToLongFunction<GridRow> value;
    private final LongSupplier total;
    private final Label size = new Label();
    private final Label share = new Label();
    private final HBox box;

    /** {@code value} returns -1 for rows without this column. */
    SizeCell(ToLongFunction<GridRow> value, LongSupplier total) {
        this.value = value;
        this.total = total;
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
        size.setText(Sizes.human(bytes));
        share.setText(Sizes.percent(bytes, total.getAsLong()));
        setText(Sizes.human(bytes));
        setGraphic(box);
        setTooltip(new Tooltip(Sizes.exact(bytes)));
    }
}
