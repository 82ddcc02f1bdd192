package heapscope.parser.read.hprof.index;

import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The (decompressed) file offset of each object's record, by object index in file order, in 4 bytes per object:
 * offsets grow with the index, so only their low 32 bits are stored (in pages, so growing never copies), plus the
 * few indexes at which the high bits change. The pages are on the Java heap while the first pass appends to them, and
 * can go off it afterwards ({@link #finish}). Appended once in increasing order, read-only afterwards (then
 * thread-safe). No IO but {@link #save}, {@link #load} and the mapped files of {@link #finish}.
 */
public final class RecordOffsets {
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private IntColumn[] pages = new IntColumn[16];
    private int size;
    /** Object indexes at which the high word changes, and the high word from there on. */
    private int[] highStartIndex = new int[4];
    private int[] highWord = new int[4];
    private int highCount;
    private long last = -1;

    public void add(long offset) {
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
            pages[page] = IntColumn.of(new int[PAGE_SIZE]);
        }
        pages[page].set(size & (PAGE_SIZE - 1), (int) offset);
        size++;
        last = offset;
    }

    public int size() {
        return size;
    }

    public long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int at = Arrays.binarySearch(highStartIndex, 0, highCount, index);
        int run = at >= 0 ? at : -at - 2;
        int low = pages[index >>> PAGE_BITS].get(index & (PAGE_SIZE - 1));
        return ((long) highWord[run] << 32) | (low & 0xffffffffL);
    }

    /**
     * Ends the appending, once the offsets are complete: the last page keeps only the offsets it holds (a dump of
     * 14,000 objects keeps 56 KB, not a 4 MiB page), and the pages move where {@code columns} say (off the Java heap:
     * into mapped files), one page at a time, so that the heap never holds more than one page twice.
     */
    public void finish(Columns columns) {
        int used = size & (PAGE_SIZE - 1);
        if (used != 0) {
            int lastPage = size >>> PAGE_BITS;
            pages[lastPage] = IntColumn.of(Arrays.copyOf(pages[lastPage].array(), used));
        }
        if (!columns.offHeap()) {
            return;
        }
        for (int p = 0; p < pages.length; p++) {
            if (pages[p] != null && pages[p].onHeap()) {
                int[] page = pages[p].array();
                IntColumn moved = columns.ints(page.length);
                for (int i = 0; i < page.length; i++) {
                    moved.set(i, page[i]);
                }
                pages[p] = moved;
            }
        }
    }

    /** Bytes the offsets take, on the Java heap or mapped off it. */
    public long retainedBytes() {
        long bytes = 8L * highStartIndex.length;
        for (IntColumn p : pages) {
            bytes += p == null ? 0 : 4L * p.length();
        }
        return bytes;
    }

    /** The part of {@link #retainedBytes} on the Java heap. */
    public long heapBytes() {
        long bytes = 8L * highStartIndex.length;
        for (IntColumn p : pages) {
            bytes += p == null ? 0 : p.heapBytes();
        }
        return bytes;
    }

    public void save(ArraySink sink, String name) throws IOException {
        for (int p = 0; (long) p << PAGE_BITS < size; p++) {
            sink.ints(name + ".page." + p, pages[p], Math.min(PAGE_SIZE, size - (p << PAGE_BITS)));
        }
        sink.ints(name + ".highStarts", highStartIndex, highCount);
        sink.ints(name + ".highWords", highWord, highCount);
    }

    /**
     * What {@link #save} stored: {@code count} offsets, checked to be complete; read-only (no {@link #add}). The
     * pages are mapped where they are stored when the store can (a cache entry), else on the Java heap.
     */
    public static RecordOffsets load(ArraySource source, String name, int count) throws IOException {
        RecordOffsets offsets = new RecordOffsets();
        int pageCount = (count + PAGE_SIZE - 1) >>> PAGE_BITS;
        offsets.pages = new IntColumn[Math.max(16, pageCount)];
        for (int p = 0; p < pageCount; p++) {
            IntColumn page = source.intColumn(name + ".page." + p, Columns.ON_HEAP);
            StoreFormatException.check(page.length() == Math.min(PAGE_SIZE, count - (p << PAGE_BITS)),
                    name, ": a page has the wrong length");
            offsets.pages[p] = page;
        }
        offsets.highStartIndex = source.ints(name + ".highStarts");
        offsets.highWord = source.ints(name + ".highWords");
        offsets.highCount = offsets.highStartIndex.length;
        StoreFormatException.check(offsets.highWord.length == offsets.highCount
                && (count == 0 || offsets.highCount > 0 && offsets.highStartIndex[0] == 0), name + ": no high words");
        for (int i = 1; i < offsets.highCount; i++) {
            StoreFormatException.check(offsets.highStartIndex[i] > offsets.highStartIndex[i - 1]
                    && offsets.highStartIndex[i] < count, name, ": high words out of order");
        }
        offsets.size = count;
        offsets.last = count == 0 ? -1 : offsets.get(count - 1);
        return offsets;
    }
}
