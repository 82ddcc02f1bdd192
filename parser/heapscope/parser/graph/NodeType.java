package heapscope.parser.graph;

import java.util.List;

/**
 * Node type codes of the graph. They are V8's node types (the vocabulary DevTools' rules are written in), in V8's
 * order; a reader maps its file's codes to these by name. HPROF objects are {@link #OBJECT} nodes named by their
 * Java class, the synthetic root and GC-root groups are {@link #SYNTHETIC}.
 */
public final class NodeType {
    public static final byte HIDDEN = 0;
    public static final byte ARRAY = 1;
    public static final byte STRING = 2;
    public static final byte OBJECT = 3;
    public static final byte CODE = 4;
    public static final byte CLOSURE = 5;
    public static final byte REGEXP = 6;
    public static final byte NUMBER = 7;
    public static final byte NATIVE = 8;
    public static final byte SYNTHETIC = 9;
    public static final byte CONCATENATED_STRING = 10;
    public static final byte SLICED_STRING = 11;
    public static final byte SYMBOL = 12;
    public static final byte BIGINT = 13;
    public static final byte OBJECT_SHAPE = 14;

    /** Names of the known codes, indexed by code. Files may name more types; readers append those after these. */
    public static final List<String> KNOWN_NAMES = List.of("hidden", "array", "string", "object", "code", "closure",
            "regexp", "number", "native", "synthetic", "concatenated string", "sliced string", "symbol", "bigint",
            "object shape");

    private NodeType() {
    }
}
