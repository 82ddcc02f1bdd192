package heapscope.parser.read.hprof;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.LongArrayList;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.ArraySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Reads the text of every {@code java.lang.String} of a dump in one forward pass over the records of the Strings and
 * their value arrays (record offsets grow with the ordinal), instead of one seek per String, and stores it for
 * {@link StoredStringTexts}. Each text is what {@link HprofObjectReader#stringValue} gives for {@code maxChars}. A
 * String and its array may come in either order: whichever comes first waits (usually for the very next record). An
 * array reached before a String that starts at an offset in it (JDK 6's shared arrays) is read again by itself
 * afterwards. Memory: the texts, 12 bytes per String, and what waits. Stateless. Reads the dump.
 */
final class StringTextSweep {
    private static final int BUFFER_SIZE = 1 << 20;

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
    static void sweep(HeapGraph graph, ObjectDetailsSource source, int maxChars, ArraySink sink, String name,
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
        int nodeCount = graph.nodeCount();
        boolean[] stringClass = graph.strings().matching("java.lang.String");
        boolean[] valueName = graph.strings().matching("value");
        int[] names = graph.nodeNames();
        int[] firstEdge = graph.firstEdgeIndex();
        int[] targets = graph.edgeTargets();
        IntArrayList strings = new IntArrayList();
        IntArrayList values = new IntArrayList();
        BitSet needed = new BitSet(nodeCount);
        IntIntHashMap stringsPerArray = new IntIntHashMap();
        for (int node = source.objectBase; node < nodeCount; node++) {
            if (!stringClass[names[node]]) {
                continue;
            }
            int value = -1;
            for (int e = firstEdge[node]; e < firstEdge[node + 1]; e++) {
                if (graph.edgeType(e) == EdgeType.PROPERTY && valueName[graph.edgeNameIndex(e)]) {
                    value = targets[e];
                }
            }
            if (value >= source.objectBase) {
                strings.add(node);
                values.add(value);
                needed.set(node);
                needed.set(value);
                stringsPerArray.addTo(value, 1);
            }
        }
        if (strings.isEmpty()) {
            return;
        }

        HprofObjectReader reader = new HprofObjectReader(graph, source);
        IntObjectHashMap<List<Waiting>> waitingForArray = new IntObjectHashMap<>();
        IntObjectHashMap<HprofObjectReader.ArrayData> arraysRead = new IntObjectHashMap<>();
        IntArrayList readAlone = new IntArrayList();
        long arrayBytes = 2L * maxChars + 2;
        int nextString = 0;
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
                if (nextString < strings.size() && strings.get(nextString) == node) {
                    HprofObjectReader.StringShape shape = HprofObjectReader.StringShape.of(reader.fields(in));
                    int value = values.get(nextString);
                    nextString++;
                    if (value > node) {
                        List<Waiting> waiting = waitingForArray.get(value);
                        if (waiting == null) {
                            waiting = new ArrayList<>(1);
                            waitingForArray.put(value, waiting);
                        }
                        waiting.add(new Waiting(node, shape));
                        continue;
                    }
                    HprofObjectReader.ArrayData data = arraysRead.get(value);
                    if (data != null && shape.offset() == 0) {
                        store(node, HprofObjectReader.text(data, shape, maxChars, source.utf16BigEndian));
                    } else {
                        readAlone.add(node);
                    }
                    if (stringsPerArray.addTo(value, -1) == 0) {
                        arraysRead.remove(value);
                    }
                    continue;
                }
                List<Waiting> waiting = waitingForArray.remove(node);
                int later = stringsPerArray.get(node) - (waiting == null ? 0 : waiting.size());
                long furthest = 0;
                for (Waiting w : waiting == null ? List.<Waiting>of() : waiting) {
                    furthest = Math.max(furthest, w.shape.offset());
                }
                HprofObjectReader.ArrayData data = HprofObjectReader.arrayData(in, 0, 2 * furthest + arrayBytes);
                for (Waiting w : waiting == null ? List.<Waiting>of() : waiting) {
                    store(w.string, data == null ? null
                            : HprofObjectReader.text(slice(data, w.shape.offset()), w.shape, maxChars,
                            source.utf16BigEndian));
                }
                stringsPerArray.put(node, later);
                if (later > 0 && data != null) {
                    arraysRead.put(node, data);
                }
            }
        }
        for (int i = 0; i < readAlone.size(); i++) {
            int string = readAlone.get(i);
            store(string, reader.stringValue(string, maxChars));
        }
    }

    /** The array's data from element {@code offset} on (data read from element 0). */
    private static HprofObjectReader.ArrayData slice(HprofObjectReader.ArrayData data, int offset) {
        if (offset == 0) {
            return data;
        }
        int size = HprofBasicType.primitiveSize(data.type());
        int from = (int) Math.min(data.bytes().length, (long) offset * size);
        return new HprofObjectReader.ArrayData(data.type(), Arrays.copyOfRange(data.bytes(), from,
                data.bytes().length));
    }

    private long offsetOf(int node) {
        return source.recordOffsets.get(node - source.objectBase);
    }

    private void store(int string, String text) {
        if (text != null) {
            entryOrdinals.add(string);
            entrySpans.add(texts.add(text));
        }
    }

    /** Stores the texts sorted by String ordinal (they are read in that order but where an array comes later). */
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

    private record Waiting(int string, HprofObjectReader.StringShape shape) {
    }

    /**
     * Texts in pages of 64 MiB, none split over two pages, each stored as Latin-1 when every char fits a byte and as
     * UTF-16LE otherwise, so any char sequence (an unpaired surrogate included) comes back exactly. A span packs
     * page, offset, length and encoding into a long (see {@link StoredStringTexts}).
     */
    private static final class TextPages {
        private final List<byte[]> pages = new ArrayList<>();
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
