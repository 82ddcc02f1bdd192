package heapscope.app.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/** Cells for the plain tables (Find results, Fields, Leaks): text cut with an ellipsis, whole in the tooltip. */
public final class TableCells {
    private TableCells() {
    }

    /** A text cell whose tooltip holds the whole text, for columns where long names are cut. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> withTooltip() {
        return column -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                tip.setWrapText(true);
                tip.setMaxWidth(720);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                if (empty || text == null || text.isEmpty()) {
                    setTooltip(null);
                } else {
                    tip.setText(text);
                    setTooltip(tip);
                }
            }
        };
    }
}
