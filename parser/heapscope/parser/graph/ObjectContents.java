package heapscope.parser.graph;

import java.util.List;

/**
 * What the graph does not hold about an object but its file does, read when asked: a Java String's text, an object's
 * field values (primitives included), a primitive array's first elements. A V8 snapshot has none of this beyond the
 * graph: a V8 string's text is its node name, and an object's values are its edges. Implementations are thread-safe
 * and never throw: an object they cannot read has no text and no fields.
 */
public interface ObjectContents {
    /** For heaps whose files hold nothing beyond the graph, or cannot be read cheaply; {@code why} says which. */
    static ObjectContents none(String why) {
        return new ObjectContents() {
            @Override
            public String text(HeapGraph graph, int ordinal, int maxChars) {
                return null;
            }

            @Override
            public List<FieldValue> fields(HeapGraph graph, int ordinal) {
                return List.of();
            }

            @Override
            public String unavailable() {
                return why;
            }
        };
    }

    /** The node's text, cut to {@code maxChars}, or null when it has none. May read the file. */
    String text(HeapGraph graph, int ordinal, int maxChars);

    /**
     * The node's fields as the file stores them: an instance's fields (subclass first), a class object's static
     * fields, a primitive array's first elements (named {@code [0]}, {@code [1]}, ...); empty for other nodes. May
     * read the file.
     */
    List<FieldValue> fields(HeapGraph graph, int ordinal);

    /**
     * A primitive array as its file holds it: its Java element type ({@code byte}, {@code char}, {@code int}, ...),
     * its length, and its first elements, boxed.
     */
    record ArrayElements(String elementType, long length, List<Object> values) {
        public ArrayElements {
            values = List.copyOf(values);
        }
    }

    /** The node's first {@code max} elements if it is a primitive array, else null. May read the file. */
    default ArrayElements arrayElements(HeapGraph graph, int ordinal, int max) {
        return null;
    }

    /** Why no object has text or fields, in a sentence for the user; null when they can be read. */
    String unavailable();

    /** Bytes kept in memory to find the objects in the file. */
    default long retainedBytes() {
        return 0;
    }

    /** The part of {@link #retainedBytes} in mapped files off the Java heap. */
    default long offHeapBytes() {
        return 0;
    }
}
