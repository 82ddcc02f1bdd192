package heapscope.parser.store;

import java.io.IOException;

/**
 * Receives named primitive arrays to store, each once; the names are the store's table of contents, so a new array is
 * a new name (and a new store format version). Only the first {@code length} entries of an array are stored. Not
 * thread-safe: one writer. Does IO.
 */
public interface ArraySink {
    void bytes(String name, byte[] values, int length) throws IOException;

    void chars(String name, char[] values, int length) throws IOException;

    void ints(String name, int[] values, int length) throws IOException;

    void longs(String name, long[] values, int length) throws IOException;

    /** The first {@code length} ints of a column; a sink that can take them where they are overrides this. */
    default void ints(String name, IntColumn values, int length) throws IOException {
        ints(name, values.onHeap() ? values.array() : values.toArray(length), length);
    }

    /** The first {@code length} bytes of a column. */
    default void bytes(String name, ByteColumn values, int length) throws IOException {
        bytes(name, values.onHeap() ? values.array() : values.toArray(length), length);
    }

    /** The values of a column. */
    default void chars(String name, CharColumn values) throws IOException {
        chars(name, values.onHeap() ? values.array() : values.toArray(), values.length());
    }

    default void bytes(String name, byte[] values) throws IOException {
        bytes(name, values, values.length);
    }

    default void chars(String name, char[] values) throws IOException {
        chars(name, values, values.length);
    }

    default void ints(String name, int[] values) throws IOException {
        ints(name, values, values.length);
    }

    default void longs(String name, long[] values) throws IOException {
        longs(name, values, values.length);
    }
}
