package heapscope.app.ui.common;

import heapscope.parser.view.NodeRow;

/**
 * The plain text of a grid row's cells, for copying and export: what the cells show, with exact numbers. The numbers
 * are the engine's; this only writes them out.
 */
public final class GridText {
    private GridText() {
    }

    public static String cell(GridRow row, ColumnKind column) {
        if (row instanceof GridRow.ClassRow c) {
            return switch (column) {
                case OBJECT, CONSTRUCTOR -> c.aggregate().name();
                case DISTANCE -> Sizes.distance(c.aggregate().distance());
                case COUNT -> Long.toString(c.aggregate().count());
                case SHALLOW -> Long.toString(c.aggregate().shallowSize());
                case RETAINED -> Long.toString(c.aggregate().retainedSize());
            };
        }
        if (row instanceof GridRow.NodeItem n) {
            NodeRow node = n.node();
            return switch (column) {
                case OBJECT, CONSTRUCTOR -> n.label();
                case DISTANCE -> Sizes.distance(node.distance());
                case COUNT -> "";
                case SHALLOW -> Long.toString(node.shallowSize());
                case RETAINED -> Long.toString(node.retainedSize());
            };
        }
        return column == ColumnKind.OBJECT || column == ColumnKind.CONSTRUCTOR ? row.label() : "";
    }

    /** The label including the instance count of a class row: {@code LeakyItem ×1200}. */
    public static String labelWithCount(GridRow row) {
        if (row instanceof GridRow.ClassRow c) {
            return c.aggregate().name() + " \u00d7" + c.aggregate().count();
        }
        return row.label();
    }
}
