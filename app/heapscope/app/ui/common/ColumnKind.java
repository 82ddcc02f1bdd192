package heapscope.app.ui.common;

import heapscope.parser.view.SortColumn;

/**
 * The columns heap grids share, each with what it sorts by. What a column is called depends on the file's world
 * ({@link Vocabulary}): DevTools' words for V8 snapshots, Eclipse MAT's for Java dumps.
 */
public enum ColumnKind {
    OBJECT(SortColumn.NAME),
    CONSTRUCTOR(SortColumn.NAME),
    DISTANCE(SortColumn.DISTANCE),
    COUNT(SortColumn.COUNT),
    SHALLOW(SortColumn.SHALLOW_SIZE),
    RETAINED(SortColumn.RETAINED_SIZE),
    NEW_COUNT(SortColumn.NEW_COUNT),
    DELETED_COUNT(SortColumn.DELETED_COUNT),
    COUNT_DELTA(SortColumn.COUNT_DELTA),
    ALLOC_SIZE(SortColumn.ALLOC_SIZE),
    FREED_SIZE(SortColumn.FREED_SIZE),
    SIZE_DELTA(SortColumn.SIZE_DELTA);

    private final SortColumn sortColumn;

    ColumnKind(SortColumn sortColumn) {
        this.sortColumn = sortColumn;
    }

    public SortColumn sortColumn() {
        return sortColumn;
    }
}
