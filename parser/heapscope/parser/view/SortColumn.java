package heapscope.parser.view;

/** What a grid column sorts by. Ties are broken by object id (DevTools' rule), then by position. */
public enum SortColumn {
    /** The Object/Constructor column: class or display name, or for edges the edge name (DevTools' edge order). */
    NAME,
    DISTANCE,
    /** Instance count of a class row. */
    COUNT,
    SHALLOW_SIZE,
    RETAINED_SIZE,
    /** Comparison: objects new in the target snapshot. */
    NEW_COUNT,
    /** Comparison: objects deleted since the base snapshot. */
    DELETED_COUNT,
    /** Comparison: new minus deleted. */
    COUNT_DELTA,
    /** Comparison: shallow size of the new objects. */
    ALLOC_SIZE,
    /** Comparison: shallow size of the deleted objects. */
    FREED_SIZE,
    /** Comparison: allocated minus freed. */
    SIZE_DELTA
}
