package heapscope.parser.view;

import java.util.List;

/**
 * A window of a sorted list: the rows from {@code begin} to {@code begin + rows.size()} of {@code total}. Grids ask
 * for one page at a time, so a class with millions of instances never becomes millions of rows.
 */
public record Page<T>(List<T> rows, int begin, int total) {
    public Page {
        rows = List.copyOf(rows);
    }

    /** Position after the last row of this page. */
    public int end() {
        return begin + rows.size();
    }

    /** Rows of the list after this page. */
    public int remaining() {
        return total - end();
    }
}
