package heapscope.parser.view;

/** What a grid column sorts by. Ties are broken by object id (DevTools' rule), then by position. */
public enum SortColumn {
    /** The Object/Constructor column: class or display name, or for edges the edge name (DevTools' edge order). */
    NAME,
    DISTANCE,
    /** Instance count of a class row. */
    COUNT,
    SHALLOW_SIZE,
    RETAINED_SIZE
}
