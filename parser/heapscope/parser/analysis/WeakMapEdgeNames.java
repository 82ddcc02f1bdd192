package heapscope.parser.analysis;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.IntLongHashMap;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.StringTable;
import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises V8's WeakMap ephemeron edges. V8 represents a WeakMap value as retained by two internal edges, one
 * from the table and one from the key, both named {@code "N / part of key (K @k) -> value (V @v) pair in WeakMap
 * (table @t)"}. DevTools (HeapSnapshot.ts {@code tryParseWeakMapEdgeName}) uses the part after the leading number to
 * pair the two edges (for distances, crbug 1290800) and the table id to drop the table's edge from the dominator
 * computation. Each internal edge name is parsed once. Immutable once built; thread-safe. No IO but {@link #save}
 * and {@link #load}.
 */
final class WeakMapEdgeNames {
    private static final Pattern EPHEMERON = Pattern.compile(
            "^\\d+( / part of key \\(.*? @\\d+\\) -> value \\(.*? @\\d+\\) pair in WeakMap \\(table @(\\d+)\\))$");
    private static final String MARKER = " / part of key (";

    /** Pair id by string index, only for the strings that name ephemeron edges (few: one per WeakMap entry). */
    private final IntIntHashMap pairIdByString;
    /** The WeakMap table's node id named by each of those strings. */
    private final IntLongHashMap tableIdByString;
    private final int pairCount;

    private WeakMapEdgeNames(IntIntHashMap pairIdByString, IntLongHashMap tableIdByString, int pairCount) {
        this.pairIdByString = pairIdByString;
        this.tableIdByString = tableIdByString;
        this.pairCount = pairCount;
    }

    static WeakMapEdgeNames of(HeapGraph graph) {
        StringTable strings = graph.strings();
        BitSet checked = new BitSet(strings.size());
        IntIntHashMap pairIds = new IntIntHashMap();
        IntLongHashMap tableIds = new IntLongHashMap();
        Map<String, Integer> pairIdByPart = new HashMap<>();
        for (int e = 0, n = graph.edgeCount(); e < n; e++) {
            if (graph.edgeType(e) != EdgeType.INTERNAL || checked.get(graph.edgeNameIndex(e))) {
                continue;
            }
            int name = graph.edgeNameIndex(e);
            checked.set(name);
            // A cheap length test before decoding: every ephemeron name is longer than its marker.
            if (strings.byteLength(name) < MARKER.length()) {
                continue;
            }
            String text = strings.get(name);
            if (!text.contains(MARKER)) {
                continue;
            }
            Matcher m = EPHEMERON.matcher(text);
            if (m.matches()) {
                pairIds.put(name, pairIdByPart.computeIfAbsent(m.group(1), part -> pairIdByPart.size()));
                tableIds.put(name, Long.parseLong(m.group(2)));
            }
        }
        return new WeakMapEdgeNames(pairIds, tableIds, pairIdByPart.size());
    }

    /** Whether the internal edge named by string {@code nameIndex} is an ephemeron edge. */
    boolean isEphemeron(int nameIndex) {
        return pairIdByString.containsKey(nameIndex);
    }

    /** The id shared by the two edges of one key/value pair; only for {@link #isEphemeron} names. */
    int pairId(int nameIndex) {
        return pairIdByString.get(nameIndex);
    }

    /** The node id of the WeakMap table the name refers to; only for {@link #isEphemeron} names. */
    long tableId(int nameIndex) {
        return tableIdByString.get(nameIndex);
    }

    int pairCount() {
        return pairCount;
    }

    void save(ArraySink sink, String name) throws IOException {
        int[] names = pairIdByString.keys().toArray();
        Arrays.sort(names);
        int[] pairIds = new int[names.length];
        long[] tableIds = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            pairIds[i] = pairIdByString.get(names[i]);
            tableIds[i] = tableIdByString.get(names[i]);
        }
        sink.ints(name + ".names", names);
        sink.ints(name + ".pairIds", pairIds);
        sink.longs(name + ".tableIds", tableIds);
    }

    /** What {@link #save} stored, checked against the pair count and the string table's size. */
    static WeakMapEdgeNames load(ArraySource source, String name, int pairCount, int stringCount)
            throws IOException {
        int[] names = source.ints(name + ".names");
        int[] pairIds = source.ints(name + ".pairIds");
        long[] tableIds = source.longs(name + ".tableIds");
        StoreFormatException.check(pairIds.length == names.length && tableIds.length == names.length,
                name + ": columns of different lengths");
        IntIntHashMap pairs = new IntIntHashMap(names.length);
        IntLongHashMap tables = new IntLongHashMap(names.length);
        for (int i = 0; i < names.length; i++) {
            StoreFormatException.check(names[i] >= 0 && names[i] < stringCount && pairIds[i] >= 0
                    && pairIds[i] < pairCount, name, ": an entry is out of range");
            pairs.put(names[i], pairIds[i]);
            tables.put(names[i], tableIds[i]);
        }
        return new WeakMapEdgeNames(pairs, tables, pairCount);
    }
}
