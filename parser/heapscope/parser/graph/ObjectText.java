package heapscope.parser.graph;

/**
 * The text of objects whose value the graph does not hold, read from the heap file when asked: the characters of a
 * Java {@code java.lang.String} (a V8 string's text is its node name already). Implementations are thread-safe and
 * never throw: an object they cannot read has no text.
 */
public interface ObjectText {
    /** For heaps whose objects have no text beyond their names. */
    ObjectText NONE = (graph, ordinal, maxChars) -> null;

    /** The node's text, cut to {@code maxChars}, or null when it has none. May read the file. */
    String read(HeapGraph graph, int ordinal, int maxChars);

    /** Bytes kept in memory to find the objects in the file. */
    default long retainedBytes() {
        return 0;
    }
}
