package heapscope.parser.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;

/**
 * A fixed number of 16-bit unsigned values addressed by an int index: a Java {@code char[]}, or a stored array mapped
 * read-only by {@link ArraySource#charColumn}; the 2-byte twin of {@link IntColumn} (one final class with both
 * backings, so that {@link #get} compiles to an array load behind one well-predicted branch). Not synchronized: like
 * an array, safe to read from several threads once filled. No IO beyond the page faults of a mapping.
 */
public final class CharColumn {
    /** Chars per mapping: 2^29, 1 GiB. */
    private static final int CHUNK_BITS = ByteRegion.CHUNK_BITS - 1;
    private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;

    /** The values when they are on the Java heap, else null. */
    private final char[] array;
    /** The values when they are mapped, else null. */
    private final CharBuffer[] chunks;
    private final int length;

    private CharColumn(char[] array, CharBuffer[] chunks, int length) {
        this.array = array;
        this.chunks = chunks;
        this.length = length;
    }

    /** A column over {@code array} itself (not a copy). */
    public static CharColumn of(char[] array) {
        return new CharColumn(array, null, array.length);
    }

    /**
     * A column over mapped little-endian bytes: {@code 2 * length} of them, in chunks of exactly 2^30 bytes but the
     * last.
     */
    public static CharColumn mapped(ByteBuffer[] byteChunks, int length) {
        CharBuffer[] chunks = new CharBuffer[byteChunks.length];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = byteChunks[i].duplicate().order(ByteOrder.LITTLE_ENDIAN).asCharBuffer();
        }
        return new CharColumn(null, chunks, length);
    }

    public int length() {
        return length;
    }

    public char get(int index) {
        char[] a = array;
        return a != null ? a[index] : chunks[index >>> CHUNK_BITS].get(index & CHUNK_MASK);
    }

    /** Sets a value of a column on the Java heap (a mapped one is read-only). */
    public void set(int index, char value) {
        array[index] = value;
    }

    /** The backing array when the column is {@link #onHeap}, else null; for code that has a faster way with one. */
    public char[] array() {
        return array;
    }

    /** Whether the values are on the Java heap. */
    public boolean onHeap() {
        return array != null;
    }

    /** All values in a new Java array. */
    public char[] toArray() {
        if (array != null) {
            return array.clone();
        }
        char[] copy = new char[length];
        for (int i = 0; i < length; i++) {
            copy[i] = get(i);
        }
        return copy;
    }
}
