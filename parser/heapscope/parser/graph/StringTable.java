package heapscope.parser.graph;

import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The strings of a heap graph (node names, edge names), stored as UTF-8 in large byte pages rather than as one Java
 * String each, so that millions of names cost their bytes plus 8 bytes of offset. There is no limit on the total size
 * (DevTools fails once the strings of a snapshot exceed V8's ~512 M character string limit).
 *
 * <p>Append-only while a reader fills it and while the analysis adds the names it derives ("Detached ..." DOM nodes,
 * class names), read-only afterwards; reads are thread-safe once filling has finished. No IO but {@link #save} and
 * {@link #load}.
 */
public final class StringTable {
    /** 1 MiB pages: large enough to be few, small enough that the last one wastes little. */
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private byte[][] pages = new byte[16][];
    /** Start offset of string i in the concatenation of all pages; entry {@code size} is the end of the last one. */
    private long[] startByIndex = new long[1024];
    private int size;
    private long end;

    public StringTable() {
    }

    private StringTable(byte[][] pages, long[] startByIndex, int size) {
        this.pages = pages;
        this.startByIndex = startByIndex;
        this.size = size;
        this.end = startByIndex[size];
    }

    public int size() {
        return size;
    }

    /** Appends the UTF-8 bytes {@code bytes[from, to)} and returns the new string's index. */
    public int add(byte[] bytes, int from, int to) {
        if (size + 1 >= startByIndex.length) {
            startByIndex = Arrays.copyOf(startByIndex, startByIndex.length * 2);
        }
        int remaining = to - from;
        int at = from;
        while (remaining > 0) {
            int page = (int) (end >>> PAGE_BITS);
            if (page >= pages.length) {
                pages = Arrays.copyOf(pages, pages.length * 2);
            }
            if (pages[page] == null) {
                pages[page] = new byte[PAGE_SIZE];
            }
            int offset = (int) (end & (PAGE_SIZE - 1));
            int chunk = Math.min(remaining, PAGE_SIZE - offset);
            System.arraycopy(bytes, at, pages[page], offset, chunk);
            at += chunk;
            remaining -= chunk;
            end += chunk;
        }
        size++;
        startByIndex[size] = end;
        return size - 1;
    }

    public int add(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return add(bytes, 0, bytes.length);
    }

    public String get(int index) {
        return new String(bytes(index), StandardCharsets.UTF_8);
    }

    /** The UTF-8 length in bytes of string {@code index}. */
    public int byteLength(int index) {
        return (int) (startByIndex[index + 1] - startByIndex[index]);
    }

    /** Whether string {@code index} is exactly {@code value}, without decoding it. */
    public boolean equalsAt(int index, String value) {
        return equalsAt(index, value.getBytes(StandardCharsets.UTF_8));
    }

    private boolean equalsAt(int index, byte[] expected) {
        if (expected.length != byteLength(index)) {
            return false;
        }
        long start = startByIndex[index];
        for (int i = 0; i < expected.length; i++) {
            long at = start + i;
            if (pages[(int) (at >>> PAGE_BITS)][(int) (at & (PAGE_SIZE - 1))] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Marks every string index whose text passes {@code test}: one decode per string, so a per-node check of a name
     * becomes a bit lookup.
     */
    public boolean[] matching(Predicate<String> test) {
        boolean[] result = new boolean[size];
        for (int i = 0; i < size; i++) {
            result[i] = test.test(get(i));
        }
        return result;
    }

    /** Marks every string index that is exactly {@code value}. */
    public boolean[] matching(String value) {
        byte[] expected = value.getBytes(StandardCharsets.UTF_8);
        boolean[] result = new boolean[size];
        for (int i = 0; i < size; i++) {
            result[i] = equalsAt(i, expected);
        }
        return result;
    }

    /** Bytes held by this table: pages plus offsets. */
    public long retainedBytes() {
        long pageBytes = 0;
        for (byte[] page : pages) {
            pageBytes += page == null ? 0 : page.length;
        }
        return pageBytes + 8L * startByIndex.length;
    }

    private byte[] bytes(int index) {
        long start = startByIndex[index];
        int length = byteLength(index);
        byte[] out = new byte[length];
        int copied = 0;
        while (copied < length) {
            long at = start + copied;
            int offset = (int) (at & (PAGE_SIZE - 1));
            int chunk = Math.min(length - copied, PAGE_SIZE - offset);
            System.arraycopy(pages[(int) (at >>> PAGE_BITS)], offset, out, copied, chunk);
            copied += chunk;
        }
        return out;
    }

    /** Stores the strings as arrays named {@code name.*}: the pages in use and the start offsets. */
    void save(ArraySink sink, String name) throws IOException {
        int pageCount = (int) ((end + PAGE_SIZE - 1) >>> PAGE_BITS);
        for (int p = 0; p < pageCount; p++) {
            int used = (int) Math.min(PAGE_SIZE, end - ((long) p << PAGE_BITS));
            sink.bytes(name + ".page." + p, pages[p], used);
        }
        sink.longs(name + ".starts", startByIndex, size + 1);
    }

    /** What {@link #save} stored, checked: offsets that grow and end where the pages do. */
    static StringTable load(ArraySource source, String name) throws IOException {
        long[] starts = source.longs(name + ".starts");
        StoreFormatException.check(starts.length >= 1 && starts[0] == 0, name + ": no string offsets");
        for (int i = 1; i < starts.length && !source.trusted(); i++) {
            StoreFormatException.check(starts[i] >= starts[i - 1], name, ": string offsets out of order");
        }
        long end = starts[starts.length - 1];
        int pageCount = (int) ((end + PAGE_SIZE - 1) >>> PAGE_BITS);
        byte[][] pages = new byte[Math.max(16, pageCount)][];
        for (int p = 0; p < pageCount; p++) {
            byte[] page = source.bytes(name + ".page." + p);
            long expected = Math.min(PAGE_SIZE, end - ((long) p << PAGE_BITS));
            StoreFormatException.check(page.length == expected, name, ": a page has the wrong length");
            // Pages are full-size arrays, so that the table stays appendable like one a reader filled.
            pages[p] = page.length == PAGE_SIZE ? page : Arrays.copyOf(page, PAGE_SIZE);
        }
        StoreFormatException.check(!source.has(name + ".page." + pageCount), name + ": more pages than strings");
        long[] startByIndex = Arrays.copyOf(starts, Math.max(1024, starts.length));
        return new StringTable(pages, startByIndex, starts.length - 1);
    }
}
