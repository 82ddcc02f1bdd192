package heapscope.parser.read.hprof.objects;

import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.ByteRegion;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;

/**
 * The texts {@link StringTextSweep} stored, looked up by String ordinal over the store's bytes as they are (mapped,
 * so they take no Java heap): a binary search in the sorted ordinals, then the text's span. Texts were cut to
 * {@link #TEXT_CHARS} characters. Immutable; thread-safe. No IO beyond reading the mapped store.
 */
public final class StoredStringTexts {
    /** Characters of each String's text a store keeps: more than any view shows (the grids show 200). */
    public static final int TEXT_CHARS = 256;
    static final int PAGE_BITS = 26;
    static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int LENGTH_BITS = 15;
    private static final long UTF16 = 1L << LENGTH_BITS;

    private final ByteRegion ordinals;
    private final ByteRegion spans;
    private final ByteRegion[] pages;
    private final int count;

    private StoredStringTexts(ByteRegion ordinals, ByteRegion spans, ByteRegion[] pages) {
        this.ordinals = ordinals;
        this.spans = spans;
        this.pages = pages;
        this.count = (int) (ordinals.size() / 4);
    }

    /** A text's place: page, byte offset in it, byte length, and whether it is UTF-16LE (else Latin-1). */
    static long span(int page, int offset, int length, boolean utf16) {
        return ((long) page << (PAGE_BITS + 16)) | ((long) offset << 16) | (utf16 ? UTF16 : 0) | length;
    }

    /** What {@link StringTextSweep} stored as {@code name.*}, checked: ordinals in order, spans inside the pages. */
    public static StoredStringTexts load(ArraySource source, String name) throws IOException {
        ByteRegion ordinals = source.region(name + ".ordinals");
        ByteRegion spans = source.region(name + ".spans");
        StoreFormatException.check(spans.size() == 2 * ordinals.size(), name + ": texts without their Strings");
        int pageCount = 0;
        while (source.has(name + ".page." + pageCount)) {
            pageCount++;
        }
        ByteRegion[] pages = new ByteRegion[pageCount];
        for (int p = 0; p < pageCount; p++) {
            pages[p] = source.region(name + ".page." + p);
        }
        long count = ordinals.size() / 4;
        int previous = -1;
        for (long i = 0; i < count && !source.trusted(); i++) {
            int ordinal = ordinals.getInt(4 * i);
            long span = spans.getLong(8 * i);
            long page = span >>> (PAGE_BITS + 16);
            long end = ((span >>> 16) & (PAGE_SIZE - 1)) + (span & (UTF16 - 1));
            StoreFormatException.check(ordinal > previous && page < pageCount && end <= pages[(int) page].size(),
                    name, ": a text is out of range");
            previous = ordinal;
        }
        return new StoredStringTexts(ordinals, spans, pages);
    }

    /** Stores the texts again as {@link StringTextSweep} did (to write a heap opened from the cache elsewhere). */
    public void save(ArraySink sink, String name) throws IOException {
        int[] ordinalArray = new int[count];
        long[] spanArray = new long[count];
        for (int i = 0; i < count; i++) {
            ordinalArray[i] = ordinals.getInt(4L * i);
            spanArray[i] = spans.getLong(8L * i);
        }
        sink.ints(name + ".ordinals", ordinalArray);
        sink.longs(name + ".spans", spanArray);
        for (int p = 0; p < pages.length; p++) {
            byte[] page = new byte[(int) pages[p].size()];
            pages[p].get(0, page, 0, page.length);
            sink.bytes(name + ".page." + p, page);
        }
    }

    /** The text of the String node {@code ordinal}, cut to {@code maxChars}; null when it has none. */
    String text(int ordinal, int maxChars) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int at = ordinals.getInt(4L * mid);
            if (at < ordinal) {
                low = mid + 1;
            } else if (at > ordinal) {
                high = mid - 1;
            } else {
                return decode(spans.getLong(8L * mid), maxChars);
            }
        }
        return null;
    }

    private String decode(long span, int maxChars) {
        ByteRegion page = pages[(int) (span >>> (PAGE_BITS + 16))];
        long offset = (span >>> 16) & (PAGE_SIZE - 1);
        int length = (int) (span & (UTF16 - 1));
        boolean utf16 = (span & UTF16) != 0;
        int chars = Math.min(maxChars, utf16 ? length / 2 : length);
        byte[] bytes = new byte[utf16 ? 2 * chars : chars];
        page.get(offset, bytes, 0, bytes.length);
        char[] text = new char[chars];
        for (int i = 0; i < chars; i++) {
            text[i] = utf16 ? (char) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8) : (char) (bytes[i] & 0xFF);
        }
        return new String(text);
    }
}
