package heapscope.parser.analysis.matching;

/**
 * Why an object of a newer dump was taken for an object of an older dump, strongest evidence first. The JSON names
 * ({@link #jsonName()}) are what {@code summary --json} and {@code diff --json} report the shares under.
 */
public enum MatchRule {
    /** The root, a GC root group, or a class object (by its class name): the same in every dump of a process. */
    ANCHOR("anchor"),
    /** The only object of its class with these values in both dumps (a String's text, an id, a key and its hash). */
    CONTENT("content"),
    /** Held by the same field of two matched objects, with the same values. */
    FIELD("field"),
    /** An element of two matched arrays or containers, with the same values (and, among equals, the same place). */
    ELEMENT("element"),
    /** Holds, through the same field, an object already matched: the holder of a matched object is the same holder. */
    HOLDER("holder"),
    /**
     * In the same place as before (the same field of matched objects, or the same array slot), with some values
     * changed: an object mutated in place, kept because enough of it stayed the same.
     */
    CHANGED("changed"),
    /**
     * One of several objects with identical values in one container, paired by order although their places moved:
     * nothing in the dumps tells these apart.
     */
    TIE_BREAK("tie-break");

    private final String jsonName;

    MatchRule(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
