package heapscope.parser.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * A fixed number of longs addressed by an int index: a Java {@code long[]}, or longs outside the Java heap in
 * mappings of 1 GiB each ({@link Columns#offHeap}); the long twin of {@link IntColumn}, for the few 8-byte arrays
 * that grow with the objects of a dump (the HPROF reader's sorted ids). New columns are all 0. Not synchronized:
 * like an array, safe to read from several threads once filled. No IO beyond the page faults of a mapping.
 */
public final class LongColumn {
    /** Longs per mapping: 2^27, 1 GiB. */
    static final int CHUNK_BITS = ByteRegion.CHUNK_BITS - 3;
    private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;

    /** The longs when they are on the Java heap, else null. */
    private final long[] array;
    /** The longs when they are mapped, else null. */
    private final LongBuffer[] chunks;
    private final int length;

    private LongColumn(long[] array, LongBuffer[] chunks, int length) {
        this.array = array;
        this.chunks = chunks;
        this.length = length;
    }

    /** A column over {@code array} itself (not a copy). */
    public static LongColumn of(long[] array) {
        return new LongColumn(array, null, array.length);
    }

    /** A column over mapped little-endian bytes: {@code 8 * length} of them, in chunks of 2^30 bytes but the last. */
    static LongColumn mapped(ByteBuffer[] byteChunks, int length) {
        LongBuffer[] chunks = new LongBuffer[byteChunks.length];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = byteChunks[i].duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        }
        return new LongColumn(null, chunks, length);
    }

    public int length() {
        return length;
    }

    public long get(int index) {
        long[] a = array;
        return a != null ? a[index] : chunks[index >>> CHUNK_BITS].get(index & CHUNK_MASK);
    }

    public void set(int index, long value) {
        long[] a = array;
        if (a != null) {
            a[index] = value;
        } else {
            chunks[index >>> CHUNK_BITS].put(index & CHUNK_MASK, value);
        }
    }

    /** Whether the longs are on the Java heap. */
    public boolean onHeap() {
        return array != null;
    }

    /** Java heap bytes the column holds: 8 per long on the heap, none when mapped. */
    public long heapBytes() {
        return array != null ? 8L * length : 0;
    }
}
