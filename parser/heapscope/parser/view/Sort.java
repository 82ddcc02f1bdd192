package heapscope.parser.view;

/** A grid's sort: one column, ascending or descending. */
public record Sort(SortColumn column, boolean descending) {
    /** The default of Summary, Containment and Dominators: largest retained size first. */
    public static final Sort RETAINED_SIZE_DESCENDING = new Sort(SortColumn.RETAINED_SIZE, true);
    /** The default of Retainers: closest retainer first. */
    public static final Sort DISTANCE_ASCENDING = new Sort(SortColumn.DISTANCE, false);
}
