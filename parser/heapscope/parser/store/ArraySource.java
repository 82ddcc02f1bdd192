package heapscope.parser.store;

import java.io.IOException;

/**
 * Hands back the named arrays an {@link ArraySink} stored, checked: an array that is missing, of another element type,
 * or whose bytes do not match their checksum throws {@link StoreFormatException}. Arrays come back as new Java arrays
 * of exactly the stored length, or as a {@link ByteRegion} over the store's file (mapped, so it costs no Java heap).
 * Thread-safe. Does IO.
 */
public interface ArraySource {
    /**
     * Whether the store was written by this build of Heapscope itself (the analysis cache), so that arrays that
     * match their checksums are consistent and the element-by-element checks of the loaders can be skipped; false
     * for a store from elsewhere (a portable index), whose every element is checked.
     */
    boolean trusted();

    boolean has(String name);

    byte[] bytes(String name) throws IOException;

    char[] chars(String name) throws IOException;

    int[] ints(String name) throws IOException;

    long[] longs(String name) throws IOException;

    /**
     * An int array as a column: mapped read-only where it is stored, without copying it into the Java heap, when the
     * store keeps the array as it is in memory (the analysis cache), whatever {@code columns} says; else decoded into
     * a new column where {@code columns} says. The one way a loader restores a stored int array as a column.
     */
    default IntColumn intColumn(String name, Columns columns) throws IOException {
        return IntColumn.of(ints(name));
    }

    /**
     * A byte array as a column: mapped read-only where it is stored when the store keeps the array as it is in memory
     * (the analysis cache), else decoded onto the Java heap.
     */
    default ByteColumn byteColumn(String name) throws IOException {
        return ByteColumn.of(bytes(name));
    }

    /** A char array as a column, mapped or decoded as {@link #byteColumn}. */
    default CharColumn charColumn(String name) throws IOException {
        return CharColumn.of(chars(name));
    }

    /** The stored bytes of an array of any element type (little-endian), without copying them into the Java heap. */
    ByteRegion region(String name) throws IOException;
}
