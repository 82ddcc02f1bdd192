package heapscope.parser.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Read-only little-endian bytes of any length, in chunks of 1 GiB (a {@link ByteBuffer} holds at most 2 GiB): a file
 * region mapped into memory, or a Java array. Ints and longs are read at offsets that are multiples of their size,
 * so none straddles two chunks. Thread-safe (absolute reads only). No IO beyond the page faults of a mapping.
 */
public final class ByteRegion {
    /** Chunk size of mapped regions. */
    public static final int CHUNK_BITS = 30;
    private static final long CHUNK_MASK = (1L << CHUNK_BITS) - 1;

    private final ByteBuffer[] chunks;
    private final long size;

    /** Chunks of exactly 2^30 bytes each but the last. */
    public ByteRegion(ByteBuffer[] chunks, long size) {
        this.chunks = new ByteBuffer[chunks.length];
        for (int i = 0; i < chunks.length; i++) {
            this.chunks[i] = chunks[i].duplicate().order(ByteOrder.LITTLE_ENDIAN);
        }
        this.size = size;
    }

    public static ByteRegion of(byte[] bytes) {
        return new ByteRegion(new ByteBuffer[] {ByteBuffer.wrap(bytes)}, bytes.length);
    }

    public long size() {
        return size;
    }

    public byte get(long at) {
        return chunks[(int) (at >>> CHUNK_BITS)].get((int) (at & CHUNK_MASK));
    }

    /** The int at byte offset {@code at}, a multiple of 4. */
    public int getInt(long at) {
        return chunks[(int) (at >>> CHUNK_BITS)].getInt((int) (at & CHUNK_MASK));
    }

    /** The long at byte offset {@code at}, a multiple of 8. */
    public long getLong(long at) {
        return chunks[(int) (at >>> CHUNK_BITS)].getLong((int) (at & CHUNK_MASK));
    }

    /** Copies {@code length} bytes from offset {@code at}. */
    public void get(long at, byte[] into, int offset, int length) {
        int copied = 0;
        while (copied < length) {
            long position = at + copied;
            ByteBuffer chunk = chunks[(int) (position >>> CHUNK_BITS)];
            int within = (int) (position & CHUNK_MASK);
            int n = Math.min(length - copied, chunk.limit() - within);
            chunk.get(within, into, offset + copied, n);
            copied += n;
        }
    }
}
