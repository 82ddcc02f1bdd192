package heapscope.parser.store;

import java.nio.ByteBuffer;

/**
 * A fixed number of bytes addressed by an int index: a Java {@code byte[]}, or a stored array mapped read-only by
 * {@link ArraySource#byteColumn}; the byte twin of {@link IntColumn} (one final class with both backings, so that
 * {@link #get} compiles to an array load behind one well-predicted branch). Not synchronized: like an array, safe to
 * read from several threads once filled. No IO beyond the page faults of a mapping.
 */
public final class ByteColumn {
    private static final int CHUNK_MASK = (1 << ByteRegion.CHUNK_BITS) - 1;

    /** The bytes when they are on the Java heap, else null. */
    private final byte[] array;
    /** The bytes when they are mapped, else null. */
    private final ByteBuffer[] chunks;
    private final int length;

    private ByteColumn(byte[] array, ByteBuffer[] chunks, int length) {
        this.array = array;
        this.chunks = chunks;
        this.length = length;
    }

    /** A column over {@code array} itself (not a copy). */
    public static ByteColumn of(byte[] array) {
        return new ByteColumn(array, null, array.length);
    }

    /** A column over {@code length} mapped bytes, in chunks of exactly 2^30 bytes but the last. */
    public static ByteColumn mapped(ByteBuffer[] chunks, int length) {
        ByteBuffer[] own = new ByteBuffer[chunks.length];
        for (int i = 0; i < own.length; i++) {
            own[i] = chunks[i].duplicate();
        }
        return new ByteColumn(null, own, length);
    }

    public int length() {
        return length;
    }

    public byte get(int index) {
        byte[] a = array;
        return a != null ? a[index] : chunks[index >>> ByteRegion.CHUNK_BITS].get(index & CHUNK_MASK);
    }

    /** Sets a byte of a column on the Java heap (a mapped one is read-only). */
    public void set(int index, byte value) {
        array[index] = value;
    }

    /** The backing array when the column is {@link #onHeap}, else null; for code that has a faster way with one. */
    public byte[] array() {
        return array;
    }

    /** Whether the bytes are on the Java heap. */
    public boolean onHeap() {
        return array != null;
    }

    /** The first {@code count} bytes in a new Java array. */
    public byte[] toArray(int count) {
        if (array != null) {
            return java.util.Arrays.copyOf(array, count);
        }
        byte[] copy = new byte[count];
        for (int i = 0; i < count; i++) {
            copy[i] = get(i);
        }
        return copy;
    }

    /** Java heap bytes the column holds: its length on the heap, none when mapped. */
    public long heapBytes() {
        return array != null ? length : 0;
    }

    /** Bytes the column holds in mappings off the Java heap: its length when mapped, none on the heap. */
    public long offHeapBytes() {
        return array != null ? 0 : length;
    }
}
