package heapscope.parser.graph;

import java.util.List;

/**
 * Edge type codes of the graph: V8's edge types in V8's order. {@link #ELEMENT} and {@link #HIDDEN} edges carry a
 * numeric index as their name, every other type a string-table index. {@link #WEAK} edges never retain: they are
 * skipped by distances, dominators and retainer paths (HPROF's {@code Reference.referent} is such an edge).
 */
public final class EdgeType {
    public static final byte CONTEXT = 0;
    public static final byte ELEMENT = 1;
    public static final byte PROPERTY = 2;
    public static final byte INTERNAL = 3;
    public static final byte HIDDEN = 4;
    public static final byte SHORTCUT = 5;
    public static final byte WEAK = 6;

    /** Names of the known codes, indexed by code. Files may name more types; readers append those after these. */
    public static final List<String> KNOWN_NAMES = List.of("context", "element", "property", "internal", "hidden",
            "shortcut", "weak");

    private EdgeType() {
    }

    /** Whether an edge of this type names itself with a number (an index) rather than a string-table index. */
    public static boolean hasNumericName(byte type) {
        return type == ELEMENT || type == HIDDEN;
    }
}
