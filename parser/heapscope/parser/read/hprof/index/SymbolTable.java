package heapscope.parser.read.hprof.index;

import com.carrotsearch.hppc.LongIntHashMap;
import heapscope.parser.read.hprof.format.ModifiedUtf8;
import heapscope.parser.read.hprof.input.DumpInput;
import java.util.Arrays;

/**
 * The dump's UTF8 records: symbol id to text (class, field and method names; JVM modified UTF-8, decoded leniently).
 * HotSpot writes its whole symbol table, so the bytes are kept in large pages rather than one String each. Filled by
 * the first pass, read-only afterwards. Not thread-safe while filling. No IO.
 */
public final class SymbolTable {
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    /**
     * The JVM's symbols are at most 65535 bytes (class file lengths are u2); a UTF8 record longer than a page is
     * damage and its text is skipped unread rather than sized from its length.
     */
    public static final int MAX_SYMBOL_BYTES = PAGE_SIZE;

    private final LongIntHashMap indexById = new LongIntHashMap();
    private byte[][] pages = new byte[4][];
    private long[] startByIndex = new long[1024];
    private int[] lengthByIndex = new int[1024];
    private int size;
    private long end;

    /**
     * Reads a UTF8 record's text of {@code length} bytes from the input and stores it under {@code id}; returns
     * false, having skipped the text, when it is longer than {@link #MAX_SYMBOL_BYTES} or the id was already used
     * (the first record with an id wins).
     */
    public boolean read(long id, DumpInput in, long length) {
        if (length > MAX_SYMBOL_BYTES || indexById.containsKey(id)) {
            in.skip(length);
            return false;
        }
        int n = (int) length;
        if (size == startByIndex.length) {
            startByIndex = Arrays.copyOf(startByIndex, size * 2);
            lengthByIndex = Arrays.copyOf(lengthByIndex, size * 2);
        }
        // A symbol never spans pages: start a new page when it does not fit (huge ones get a page of their own).
        int page = (int) (end >>> PAGE_BITS);
        int offset = (int) (end & (PAGE_SIZE - 1));
        if ((long) offset + n > PAGE_SIZE) {
            page++;
            offset = 0;
        }
        if (page >= pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        if (pages[page] == null) {
            pages[page] = new byte[Math.max(PAGE_SIZE, n)];
        }
        in.readFully(pages[page], offset, n);
        startByIndex[size] = ((long) page << PAGE_BITS) | offset;
        lengthByIndex[size] = n;
        end = ((long) page << PAGE_BITS) + offset + n;
        if (n >= PAGE_SIZE) {
            end = (long) (page + 1) << PAGE_BITS;
        }
        indexById.put(id, size);
        size++;
        return true;
    }

    boolean contains(long id) {
        return indexById.containsKey(id);
    }

    /** The symbol's text, or null when the dump has no UTF8 record with this id. */
    public String get(long id) {
        int index = indexById.getOrDefault(id, -1);
        if (index < 0) {
            return null;
        }
        long start = startByIndex[index];
        return ModifiedUtf8.decode(pages[(int) (start >>> PAGE_BITS)], (int) (start & (PAGE_SIZE - 1)),
                lengthByIndex[index]);
    }

    public int size() {
        return size;
    }

    /** Which of the given ASCII texts occur as symbols (one scan over all symbols, comparing bytes). */
    public java.util.Set<String> findTexts(java.util.Collection<String> texts) {
        java.util.Set<String> found = new java.util.HashSet<>();
        byte[][] wanted = new byte[texts.size()][];
        String[] names = texts.toArray(new String[0]);
        for (int i = 0; i < names.length; i++) {
            wanted[i] = names[i].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        for (int index = 0; index < size; index++) {
            int length = lengthByIndex[index];
            long start = startByIndex[index];
            byte[] page = pages[(int) (start >>> PAGE_BITS)];
            int offset = (int) (start & (PAGE_SIZE - 1));
            for (int w = 0; w < wanted.length; w++) {
                if (wanted[w].length == length
                        && java.util.Arrays.equals(page, offset, offset + length, wanted[w], 0, length)) {
                    found.add(names[w]);
                }
            }
        }
        return found;
    }

    long retainedBytes() {
        long bytes = 0;
        for (byte[] page : pages) {
            bytes += page == null ? 0 : page.length;
        }
        return bytes + 12L * startByIndex.length + 13L * indexById.keys.length;
    }
}
