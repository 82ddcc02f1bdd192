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
            "Size of the object plus the graph it retains in bytes: what would be freed if it went away");

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
