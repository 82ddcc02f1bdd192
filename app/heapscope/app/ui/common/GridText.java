package heapscope.app.ui.common;

import heapscope.parser.view.Units;
import heapscope.parser.view.NodeRow;

/**
 * The plain text of a grid row's cells, for copying and export: what the cells show, with exact numbers. The numbers
 * are the engine's; this only writes them out.
 */
public final class GridText {
    private GridText() {
    }

    public static String cell(GridRow row, ColumnKind column) {
        if (row instanceof GridRow.DiffRow d) {
            return switch (column) {
                case OBJECT, CONSTRUCTOR -> d.diff().name();
                case NEW_COUNT -> Long.toString(d.diff().newCount());
                case DELETED_COUNT -> Long.toString(d.diff().deletedCount());
                case COUNT_DELTA -> Long.toString(d.diff().countDelta());
                case ALLOC_SIZE -> Long.toString(d.diff().allocSize());
                case FREED_SIZE -> Long.toString(d.diff().freedSize());
                case SIZE_DELTA -> Long.toString(d.diff().sizeDelta());
                default -> "";
            };
        }
        if (row instanceof GridRow.DiffInstance i) {
            return switch (column) {
                case OBJECT, CONSTRUCTOR -> i.label();
                case NEW_COUNT -> i.added() ? "\u2022" : "";
                case DELETED_COUNT -> i.added() ? "" : "\u2022";
                case ALLOC_SIZE -> i.added() ? Long.toString(i.node().shallowSize()) : "";
                case FREED_SIZE -> i.added() ? "" : Long.toString(i.node().shallowSize());
                default -> "";
            };
        }
        if (row instanceof GridRow.ClassRow c) {
            return switch (column) {
                case OBJECT, CONSTRUCTOR -> c.aggregate().name();
                case DISTANCE -> Units.distance(c.aggregate().distance());
                case COUNT -> Long.toString(c.aggregate().count());
                case SHALLOW -> Long.toString(c.aggregate().shallowSize());
                case RETAINED -> Long.toString(c.aggregate().retainedSize());
                default -> "";
            };
        }
        if (row instanceof GridRow.NodeItem n) {
            NodeRow node = n.node();
            return switch (column) {
                case OBJECT, CONSTRUCTOR -> n.label();
                case DISTANCE -> Units.distance(node.distance());
                case COUNT -> "";
                case SHALLOW -> Long.toString(node.shallowSize());
                case RETAINED -> Long.toString(node.retainedSize());
                default -> "";
            };
        }
        return column == ColumnKind.OBJECT || column == ColumnKind.CONSTRUCTOR ? row.label() : "";
    }

    /** The label including the instance count of a class row: {@code LeakyItem ×1200}. */
    public static String labelWithCount(GridRow row) {
        if (row instanceof GridRow.ClassRow c) {
            return c.aggregate().name() + " \u00d7" + c.aggregate().count();
        }
        if (row instanceof GridRow.DiffRow d) {
            return d.diff().name() + " +" + d.diff().newCount() + " \u2212" + d.diff().deletedCount();
        }
        return row.label();
    }
}
