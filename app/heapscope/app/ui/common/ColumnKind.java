package heapscope.app.ui.common;

import heapscope.parser.view.SortColumn;

/** The columns heap grids share; each knows what it sorts by and what its header tooltip explains (DevTools' texts). */
public enum ColumnKind {
    OBJECT("Object", SortColumn.NAME, "The object: its class or name, and @id, the object's id in the snapshot"),
    CONSTRUCTOR("Constructor", SortColumn.NAME,
            "The class (constructor) of the objects, with the number of instances: \u00d7count"),
    DISTANCE("Distance", SortColumn.DISTANCE,
            "Distance from a GC root: the fewest references from a global object (window, global); \u2212 when only"
                    + " the system reaches it"),
    COUNT("Count", SortColumn.COUNT, "Number of instances"),
    SHALLOW("Shallow Size", SortColumn.SHALLOW_SIZE,
            "Size of the object itself in bytes (for a class: all its instances), with its share of the heap"),
    RETAINED("Retained Size", SortColumn.RETAINED_SIZE,
            "Size of the object plus the graph it retains in bytes: what would be freed if it went away"),
    NEW_COUNT("# New", SortColumn.NEW_COUNT, "Objects in this snapshot that were not in the base snapshot (by id)"),
    DELETED_COUNT("# Deleted", SortColumn.DELETED_COUNT,
            "Objects of the base snapshot that are gone from this snapshot (by id)"),
    COUNT_DELTA("# Delta", SortColumn.COUNT_DELTA, "New minus deleted objects"),
    ALLOC_SIZE("Alloc. Size", SortColumn.ALLOC_SIZE, "Shallow size of the new objects"),
    FREED_SIZE("Freed Size", SortColumn.FREED_SIZE, "Shallow size of the deleted objects"),
    SIZE_DELTA("Size Delta", SortColumn.SIZE_DELTA, "Allocated minus freed size");

    private final String title;
    private final SortColumn sortColumn;
    private final String tooltip;

    ColumnKind(String title, SortColumn sortColumn, String tooltip) {
        this.title = title;
        this.sortColumn = sortColumn;
        this.tooltip = tooltip;
    }

    public String title() {
        return title;
    }

    public SortColumn sortColumn() {
        return sortColumn;
    }

    public String tooltip() {
        return tooltip;
    }
}
