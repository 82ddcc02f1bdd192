package heapscope.parser.read.hprof.objects;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.LongArrayList;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.HprofFormatException;
import heapscope.parser.read.hprof.format.HprofSubRecordTag;
import heapscope.parser.read.hprof.index.HprofClass;
import heapscope.parser.read.hprof.input.DumpInput;
import heapscope.parser.read.hprof.input.EndOfDataException;
import heapscope.parser.store.ArraySink;
import heapscope.parser.store.IntColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Reads the text of every {@code java.lang.String} of a dump in one forward pass over the records of the Strings and
 * their value arrays (record offsets grow with the ordinal), instead of one seek per String, and stores it for
 * {@link StoredStringTexts}. Each text is what {@link HprofObjectReader#stringValue} gives for {@code maxChars}, with
 * its decoding. A String's coder (and JDK 6's offset and count) is read straight from its field bytes; an array
 * reached before all its Strings (HotSpot allocates the String first, so rarely) is held until they come; a String
 * whose text starts beyond what was held is read again by itself afterwards. Memory: the texts, 13 bytes per
 * String, and what is held. Not thread-safe: one sweep per instance. Reads the dump.
 */
public final class StringTextSweep {
    private static final int BUFFER_SIZE = 1 << 20;
    private static final byte CODER_UNKNOWN = -1;

    private final HeapGraph graph;
    private final ObjectDetailsSource source;
    private final int maxChars;
    private final TextPages texts = new TextPages();
    /** For each text stored: its String's ordinal and where its bytes are, in the order read. */
    private final IntArrayList entryOrdinals = new IntArrayList();
    private final LongArrayList entrySpans = new LongArrayList();

    private StringTextSweep(HeapGraph graph, ObjectDetailsSource source, int maxChars) {
        this.graph = graph;
        this.source = source;
        this.maxChars = maxChars;
    }

    /**
     * Reads the texts and stores them as {@code name.*}.
     *
     * @throws IOException when the dump cannot be read as it was when the graph was built (moved, cut, rewritten)
     */
    public static void sweep(HeapGraph graph, ObjectDetailsSource source, int maxChars, ArraySink sink, String name,
            CancelSignal cancel) throws IOException {
        StringTextSweep sweep = new StringTextSweep(graph, source, maxChars);
        try {
            sweep.run(cancel);
        } catch (EndOfDataException | HprofFormatException | UncheckedIOException | IllegalArgumentException
                | IndexOutOfBoundsException | NegativeArraySizeException changed) {
            throw new IOException("the dump no longer holds the Strings it held when it was read", changed);
        }
        sweep.save(sink, name);
    }

    private void run(CancelSignal cancel) throws IOException {
        StringFields fields = StringFields.of(source);
        if (fields == null) {
            return;
        }
        // Each String (in ordinal order) and its value array; then the Strings ordered by their array.
        IntArrayList stringList = new IntArrayList();
        IntArrayList valueList = new IntArrayList();
        findStrings(stringList, valueList);
        int count = stringList.size();
        int[] strings = stringList.buffer;
        int[] values = valueList.buffer;
        int[] byArray = byValue(values, count);
        BitSet needed = new BitSet(graph.nodeCount());
        for (int k = 0; k < count; k++) {
            needed.set(strings[k]);
            needed.set(values[k]);
        }
        byte[] coders = new byte[count];
        int[] offsets = new int[count];
        int[] lengths = new int[count];
        Arrays.fill(coders, CODER_UNKNOWN);
        IntObjectHashMap<HprofObjectReader.ArrayData> held = new IntObjectHashMap<>();
        IntIntHashMap stringsToCome = new IntIntHashMap();
        IntArrayList readAlone = new IntArrayList();
        long arrayBytes = 2L * maxChars + 2;
        byte[] scratch = new byte[256];
        int nextString = 0;
        int nextByArray = 0;
        long steps = 0;
        try (DumpInput in = source.openAt(offsetOf(needed.nextSetBit(0)), BUFFER_SIZE, cancel)) {
            for (int node = needed.nextSetBit(0); node >= 0; node = needed.nextSetBit(node + 1)) {
                if ((++steps & 0xFFF) == 0) {
                    cancel.throwIfCanceled();
                }
                long offset = offsetOf(node);
                if (offset < in.position()) {
                    throw new IllegalArgumentException("records overlap at " + offset);
                }
                in.skip(offset - in.position());
                if (nextString < count && strings[nextString] == node) {
                    int k = nextString++;
                    if (!fields.read(in, k, coders, offsets, lengths, scratch)) {
                        readAlone.add(k);
                        continue;
                    }
                    int value = values[k];
                    if (value < node) {
                        HprofObjectReader.ArrayData data = held.get(value);
                        store(k, strings, data, coders, offsets, lengths, readAlone);
                        if (data != null && stringsToCome.addTo(value, -1) == 0) {
                            held.remove(value);
                        }
                    }
                    continue;
                }
                while (nextByArray < count && values[byArray[nextByArray]] < node) {
                    nextByArray++; // arrays that were Strings themselves (a damaged dump): never read as arrays
                }
                int first = nextByArray;
                long furthest = 0;
                int later = 0;
                while (nextByArray < count && values[byArray[nextByArray]] == node) {
                    int k = byArray[nextByArray++];
                    if (coders[k] == CODER_UNKNOWN && strings[k] > node) {
                        later++;
                    } else {
                        furthest = Math.max(furthest, offsets[k]);
                    }
                }
                HprofObjectReader.ArrayData data = HprofObjectReader.arrayData(in, 0, 2 * furthest + arrayBytes);
                for (int i = first; i < nextByArray; i++) {
                    int k = byArray[i];
                    if (coders[k] != CODER_UNKNOWN) {
                        store(k, strings, data, coders, offsets, lengths, readAlone);
                    }
                }
                if (later > 0 && data != null) {
                    held.put(node, data);
                    stringsToCome.put(node, later);
                }
            }
        }
        HprofObjectReader reader = new HprofObjectReader(graph, source);
        for (int i = 0; i < readAlone.size(); i++) {
            int string = strings[readAlone.get(i)];
            String text = reader.stringValue(string, maxChars);
            if (text != null) {
                entryOrdinals.add(string);
                entrySpans.add(texts.add(text));
            }
        }
    }

    /** The String nodes in ordinal order, and the array each one's {@code value} field points to. */
    private void findStrings(IntArrayList strings, IntArrayList values) {
        boolean[] stringClass = graph.strings().matching("java.lang.String");
        boolean[] valueName = graph.strings().matching("value");
        IntColumn names = graph.nodeNames();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        for (int node = source.objectBase; node < graph.nodeCount(); node++) {
            if (!stringClass[names.get(node)]) {
                continue;
            }
            int value = -1;
            for (int e = firstEdge.get(node); e < firstEdge.get(node + 1); e++) {
                if (graph.edgeType(e) == EdgeType.PROPERTY && valueName[graph.edgeNameIndex(e)]) {
                    value = targets.get(e);
                }
            }
            if (value >= source.objectBase) {
                strings.add(node);
                values.add(value);
            }
        }
    }

    /** The String indexes ordered by their array's ordinal. */
    private static int[] byValue(int[] values, int count) {
        long[] keyed = new long[count];
        for (int k = 0; k < count; k++) {
            keyed[k] = ((long) values[k] << 32) | k;
        }
        Arrays.sort(keyed);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }

    /**
     * Stores String {@code k}'s text from its array's data (read from element 0), or leaves it for a read by itself
     * when the data does not reach the String's offset.
     */
    private void store(int k, int[] strings, HprofObjectReader.ArrayData data, byte[] coders, int[] offsets,
            int[] lengths, IntArrayList readAlone) {
        if (data == null) {
            return; // not a primitive array: no text, as for the object reader
        }
        int size = HprofBasicType.primitiveSize(data.type());
        long from = (long) offsets[k] * Math.max(1, size);
        if (offsets[k] > 0 && from + 2L * maxChars + 2 > data.bytes().length) {
            readAlone.add(k);
            return;
        }
        HprofObjectReader.ArrayData slice = from == 0 ? data : new HprofObjectReader.ArrayData(data.type(), data.length(),
                Arrays.copyOfRange(data.bytes(), (int) Math.min(from, data.bytes().length), data.bytes().length));
        String text = HprofObjectReader.text(slice, new HprofObjectReader.StringShape(coders[k], offsets[k],
                lengths[k]), maxChars, source.utf16BigEndian);
        if (text != null) {
            entryOrdinals.add(strings[k]);
            entrySpans.add(texts.add(text));
        }
    }

    private long offsetOf(int node) {
        return source.recordOffsets.get(node - source.objectBase);
    }

    /** Stores the texts sorted by String ordinal (read in nearly that order). */
    private void save(ArraySink sink, String name) throws IOException {
        int n = entryOrdinals.size();
        int[] ordinals = entryOrdinals.buffer;
        long[] spans = entrySpans.buffer;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = ordinals[i - 1] < ordinals[i];
        }
        if (!sorted) {
            long[] keyed = new long[n];
            for (int i = 0; i < n; i++) {
                keyed[i] = ((long) ordinals[i] << 32) | i;
            }
            Arrays.sort(keyed);
            long[] sortedSpans = new long[n];
            for (int i = 0; i < n; i++) {
                ordinals[i] = (int) (keyed[i] >>> 32);
                sortedSpans[i] = spans[(int) keyed[i]];
            }
            spans = sortedSpans;
        }
        sink.ints(name + ".ordinals", ordinals, n);
        sink.longs(name + ".spans", spans, n);
        texts.save(sink, name);
    }

    /**
     * Where {@code java.lang.String}'s value fields are in an INSTANCE DUMP record's field bytes (its own fields
     * first, then its superclasses'), so that a String's coder, offset and count are read without decoding all its
     * fields.
     */
    private record StringFields(long classId, int coderAt, int offsetAt, int countAt) {
        static StringFields of(ObjectDetailsSource source) {
            for (int i = 0; i < source.classes.size(); i++) {
                HprofClass c = source.classes.get(i);
                if ("java.lang.String".equals(c.javaName)) {
                    int coder = -1;
                    int offset = -1;
                    int count = -1;
                    int at = 0;
                    for (int f = 0; f < c.fieldTypes.length; f++) {
                        String name = c.fieldNames[f];
                        byte type = c.fieldTypes[f];
                        if ("coder".equals(name) && type == HprofBasicType.BYTE) {
                            coder = at;
                        } else if ("offset".equals(name) && type == HprofBasicType.INT) {
                            offset = at;
                        } else if ("count".equals(name) && type == HprofBasicType.INT) {
                            count = at;
                        }
                        at += HprofBasicType.sizeInFile(type, source.idSize);
                    }
                    return new StringFields(c.id, coder, offset, count);
                }
            }
            return null;
        }

        /**
         * Reads String {@code k}'s record from {@code in}'s position into the three arrays; false when the record
         * is not an instance of the String class (then the object reader reads it by itself).
         */
        boolean read(DumpInput in, int k, byte[] coders, int[] offsets, int[] lengths, byte[] scratch) {
            if (in.u1() != HprofSubRecordTag.INSTANCE_DUMP) {
                return false;
            }
            in.id();
            in.u4();
            if (in.id() != classId) {
                return false;
            }
            long fieldBytes = in.u4() & 0xffffffffL;
            if (fieldBytes > scratch.length) {
                return false;
            }
            in.readFully(scratch, 0, (int) fieldBytes);
            coders[k] = (byte) Math.max(0, field(scratch, fieldBytes, coderAt, 1));
            offsets[k] = Math.max(0, field(scratch, fieldBytes, offsetAt, 4));
            lengths[k] = field(scratch, fieldBytes, countAt, 4);
            return true;
        }

        /** The big-endian field of {@code size} bytes at {@code at} of the record's field bytes, or -1. */
        private static int field(byte[] bytes, long fieldBytes, int at, int size) {
            if (at < 0 || at + size > fieldBytes) {
                return -1;
            }
            return size == 1 ? bytes[at] : (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16
                    | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
        }
    }

    /**
     * Texts in pages of 64 MiB, none split over two pages, each stored as Latin-1 when every char fits a byte and as
     * UTF-16LE otherwise, so any char sequence (an unpaired surrogate included) comes back exactly. A span packs
     * page, offset, length and encoding into a long (see {@link StoredStringTexts}).
     */
    private static final class TextPages {
        private final List<byte[]> pages = new java.util.ArrayList<>();
        private int used = StoredStringTexts.PAGE_SIZE;

        long add(String text) {
            boolean latin1 = true;
            for (int i = 0; i < text.length() && latin1; i++) {
                latin1 = text.charAt(i) <= 0xFF;
            }
            int length = latin1 ? text.length() : 2 * text.length();
            if (used + length > StoredStringTexts.PAGE_SIZE) {
                pages.add(new byte[StoredStringTexts.PAGE_SIZE]);
                used = 0;
            }
            byte[] page = pages.get(pages.size() - 1);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (latin1) {
                    page[used + i] = (byte) c;
                } else {
                    page[used + 2 * i] = (byte) c;
                    page[used + 2 * i + 1] = (byte) (c >>> 8);
                }
            }
            long span = StoredStringTexts.span(pages.size() - 1, used, length, !latin1);
            used += length;
            return span;
        }

        void save(ArraySink sink, String name) throws IOException {
            for (int p = 0; p < pages.size(); p++) {
                int length = p == pages.size() - 1 ? used : StoredStringTexts.PAGE_SIZE;
                sink.bytes(name + ".page." + p, pages.get(p), length);
            }
        }
    }
}
