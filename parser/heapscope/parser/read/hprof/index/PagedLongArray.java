package heapscope.parser.read.hprof.index;

import java.util.Arrays;

/**
 * An append-only list of longs in fixed pages, so growing never copies what is already stored (a doubling array
 * would need 3x its size at the moment it grows). Single-threaded; no IO.
 */
public final class PagedLongArray {
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private long[][] pages = new long[16][];
    private long size;

    public void add(long value) {
        int page = (int) (size >>> PAGE_BITS);
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, page * 2);
        }
        long[] p = pages[page];
        if (p == null) {
            p = new long[page == 0 ? 1 << 12 : PAGE_SIZE];
            pages[page] = p;
        }
        int at = (int) (size & (PAGE_SIZE - 1));
        if (at == p.length) {
            p = Arrays.copyOf(p, PAGE_SIZE);
            pages[page] = p;
        }
        p[at] = value;
        size++;
    }

    public long get(long index) {
        return pages[(int) (index >>> PAGE_BITS)][(int) (index & (PAGE_SIZE - 1))];
    }

    public long size() {
        return size;
    }

    /** Copies the values into {@code into[offset...]}. */
    void copyTo(long[] into, int offset) {
        long done = 0;
        for (int page = 0; done < size; page++) {
            int n = (int) Math.min(PAGE_SIZE, size - done);
            System.arraycopy(pages[page], 0, into, offset + (int) done, n);
            done += n;
        }
    }

    /** Drops all pages (the list is empty afterwards). */
    public void clear() {
        pages = new long[16][];
        size = 0;
    }

    public long retainedBytes() {
        long bytes = 0;
        for (long[] p : pages) {
            bytes += p == null ? 0 : 8L * p.length;
        }
        return bytes;
    }
}
