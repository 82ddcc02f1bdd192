package heapscope.parser.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * A fixed number of ints addressed by an int index: a Java {@code int[]}, or ints outside the Java heap in mappings of
 * 1 GiB each ({@link Columns#offHeap}, or a stored array mapped read-only by {@link ArraySource#intColumn}). One final
 * class with both backings, so that a hot loop's {@link #get} compiles to an array load behind one well-predicted
 * branch. New columns are all 0. Not synchronized: like an array, safe to read from several threads once filled.
 * No IO beyond the page faults of a mapping.
 */
public final class IntColumn {
    /** Ints per mapping: 2^28, 1 GiB (a buffer holds at most 2 GiB). */
    static final int CHUNK_BITS = ByteRegion.CHUNK_BITS - 2;
    private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;

    /** The ints when they are on the Java heap, else null. */
    private final int[] array;
    /** The ints when they are mapped, else null. */
    private final IntBuffer[] chunks;
    private final int length;

    private IntColumn(int[] array, IntBuffer[] chunks, int length) {
        this.array = array;
        this.chunks = chunks;
        this.length = length;
    }

    /** A column over {@code array} itself (not a copy). */
    public static IntColumn of(int[] array) {
        return new IntColumn(array, null, array.length);
    }

    /**
     * A column over mapped little-endian bytes: {@code 4 * length} of them, in chunks of exactly 2^30 bytes but the
     * last. Writable when the buffers are.
     */
    public static IntColumn mapped(ByteBuffer[] byteChunks, int length) {
        IntBuffer[] chunks = new IntBuffer[byteChunks.length];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = byteChunks[i].duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        }
        return new IntColumn(null, chunks, length);
    }

    /** The first {@code length} ints of a mapped column, without copying (the mappings are shared). */
    public IntColumn prefix(int length) {
        if (array != null || length > this.length) {
            throw new IllegalArgumentException("a prefix of " + length + " of a column of " + this.length);
        }
        return new IntColumn(null, chunks, length);
    }

    public int length() {
        return length;
    }

    public int get(int index) {
        int[] a = array;
        return a != null ? a[index] : chunks[index >>> CHUNK_BITS].get(index & CHUNK_MASK);
    }

    public void set(int index, int value) {
        int[] a = array;
        if (a != null) {
            a[index] = value;
        } else {
            chunks[index >>> CHUNK_BITS].put(index & CHUNK_MASK, value);
        }
    }

    /** Whether the ints are on the Java heap. */
    public boolean onHeap() {
        return array != null;
    }

    /** The backing array when the column is {@link #onHeap}, else null; for code that has a faster way with one. */
    public int[] array() {
        return array;
    }

    public void fill(int value) {
        if (array != null) {
            Arrays.fill(array, value);
            return;
        }
        for (int i = 0; i < length; i++) {
            set(i, value);
        }
    }

    /** Copies {@code count} ints from index {@code from} into {@code into} at {@code offset}. */
    public void copyTo(int from, int[] into, int offset, int count) {
        if (array != null) {
            System.arraycopy(array, from, into, offset, count);
            return;
        }
        int copied = 0;
        while (copied < count) {
            int at = from + copied;
            IntBuffer chunk = chunks[at >>> CHUNK_BITS];
            int within = at & CHUNK_MASK;
            int n = Math.min(count - copied, chunk.limit() - within);
            chunk.get(within, into, offset + copied, n);
            copied += n;
        }
    }

    /** The first {@code count} ints in a new Java array. */
    public int[] toArray(int count) {
        int[] copy = new int[count];
        copyTo(0, copy, 0, count);
        return copy;
    }

    /** Whether both hold the same ints. */
    public boolean sameInts(IntColumn other) {
        if (other.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (get(i) != other.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Java heap bytes the column holds: 4 per int on the heap, none when mapped. */
    public long heapBytes() {
        return array != null ? 4L * length : 0;
    }

    /** Bytes the column holds in mappings off the Java heap: 4 per int when mapped, none on the heap. */
    public long offHeapBytes() {
        return array != null ? 0 : 4L * length;
    }
}
