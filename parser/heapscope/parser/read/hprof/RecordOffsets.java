package heapscope.parser.read.hprof;

import java.util.Arrays;

/**
 * The (decompressed) file offset of each object's record, by object index in file order, in 4 bytes per object:
 * offsets grow with the index, so only their low 32 bits are stored (in pages, so growing never copies), plus the
 * few indexes at which the high bits change. Appended once in increasing order, read-only afterwards (then
 * thread-safe). No IO.
 */
final class RecordOffsets {
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private int[][] pages = new int[16][];
    private int size;
    /** Object indexes at which the high word changes, and the high word from there on. */
    private int[] highStartIndex = new int[4];
    private int[] highWord = new int[4];
    private int highCount;
    private long last = -1;

    void add(long offset) {
        if (offset <= last) {
            throw new IllegalArgumentException("offsets must grow: " + offset + " after " + last);
        }
        int high = (int) (offset >>> 32);
        if (highCount == 0 || highWord[highCount - 1] != high) {
            if (highCount == highStartIndex.length) {
                highStartIndex = Arrays.copyOf(highStartIndex, highCount * 2);
                highWord = Arrays.copyOf(highWord, highCount * 2);
            }
            highStartIndex[highCount] = size;
            highWord[highCount] = high;
            highCount++;
        }
        int page = size >>> PAGE_BITS;
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, page * 2);
        }
        if (pages[page] == null) {
            pages[page] = new int[PAGE_SIZE];
        }
        pages[page][size & (PAGE_SIZE - 1)] = (int) offset;
        size++;
        last = offset;
    }

    int size() {
        return size;
    }

    long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int at = Arrays.binarySearch(highStartIndex, 0, highCount, index);
        int run = at >= 0 ? at : -at - 2;
        return ((long) highWord[run] << 32) | (pages[index >>> PAGE_BITS][index & (PAGE_SIZE - 1)] & 0xffffffffL);
    }

    long retainedBytes() {
        long bytes = 8L * highStartIndex.length;
        for (int[] p : pages) {
            bytes += p == null ? 0 : 4L * p.length;
        }
        return bytes;
    }
}
