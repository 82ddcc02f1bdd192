package heapscope.parser.read.hprof.input;

import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Where each gzip member of a compressed dump starts, in the file and in the decompressed data. {@code jcmd
 * GC.heap_dump -gz} writes one independent member per 1 MiB of dump, so any byte can be reached by inflating at most
 * one member from its start. Filled once while the file is read, read-only afterwards (then thread-safe). No IO but
 * {@link #save} and {@link #load}.
 */
public final class GzipMemberIndex {
    private long[] compressedStarts = new long[64];
    private long[] decompressedStarts = new long[64];
    private int size;

    void add(long compressedStart, long decompressedStart) {
        if (size == compressedStarts.length) {
            compressedStarts = Arrays.copyOf(compressedStarts, size * 2);
            decompressedStarts = Arrays.copyOf(decompressedStarts, size * 2);
        }
        compressedStarts[size] = compressedStart;
        decompressedStarts[size] = decompressedStart;
        size++;
    }

    public int size() {
        return size;
    }

    /** The member holding decompressed byte {@code offset}: the last one starting at or before it. */
    int memberContaining(long offset) {
        int at = Arrays.binarySearch(decompressedStarts, 0, size, offset);
        if (at >= 0) {
            // Empty members share their start with the next one; take the last of equal starts.
            while (at + 1 < size && decompressedStarts[at + 1] == offset) {
                at++;
            }
            return at;
        }
        return Math.max(0, -at - 2);
    }

    long compressedStart(int member) {
        return compressedStarts[member];
    }

    long decompressedStart(int member) {
        return decompressedStarts[member];
    }

    /** The most decompressed bytes one member holds, the last one taken to end at decompressed offset {@code end}. */
    public long largestMember(long end) {
        long largest = 0;
        for (int i = 0; i < size; i++) {
            long next = i + 1 < size ? decompressedStarts[i + 1] : Math.max(end, decompressedStarts[i]);
            largest = Math.max(largest, next - decompressedStarts[i]);
        }
        return largest;
    }

    public long retainedBytes() {
        return 16L * compressedStarts.length;
    }

    public void save(ArraySink sink, String name) throws IOException {
        sink.longs(name + ".compressedStarts", compressedStarts, size);
        sink.longs(name + ".decompressedStarts", decompressedStarts, size);
    }

    /** What {@link #save} stored, checked: members in file order. */
    public static GzipMemberIndex load(ArraySource source, String name) throws IOException {
        long[] compressed = source.longs(name + ".compressedStarts");
        long[] decompressed = source.longs(name + ".decompressedStarts");
        StoreFormatException.check(compressed.length == decompressed.length, name + ": columns of different lengths");
        GzipMemberIndex index = new GzipMemberIndex();
        for (int i = 0; i < compressed.length; i++) {
            StoreFormatException.check(i == 0 || compressed[i] > compressed[i - 1]
                    && decompressed[i] >= decompressed[i - 1], name, ": members out of order");
            index.add(compressed[i], decompressed[i]);
        }
        return index;
    }
}
