package heapscope.parser.progress;

/**
 * The steps of opening and analysing a heap, in the order they run. The label is the progress text the app and the
 * CLI show.
 */
public enum Phase {
    /** Instead of all the others: the file was analysed before and the stored analysis is read. */
    READING_STORED_ANALYSIS("Reading the stored analysis…"),
    READING_FILE("Reading file…"),
    INDEXING_OBJECTS("Indexing objects…"),
    BUILDING_GRAPH("Building graph…"),
    PROPAGATING_DOM_STATE("Propagating DOM state…"),
    BUILDING_RETAINERS("Building retainers…"),
    CALCULATING_FLAGS("Calculating node flags…"),
    CALCULATING_SHALLOW_SIZES("Calculating shallow sizes…"),
    CALCULATING_DISTANCES("Calculating distances…"),
    BUILDING_DOMINATOR_TREE("Building dominator tree…"),
    CALCULATING_RETAINED_SIZES("Calculating retained sizes…"),
    CALCULATING_OBJECT_NAMES("Calculating object names…"),
    CALCULATING_STATISTICS("Calculating statistics…"),
    MATCHING_OBJECTS("Matching objects with the snapshot before…");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
