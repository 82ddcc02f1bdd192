package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.StringTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises V8's WeakMap ephemeron edges. V8 represents a WeakMap value as retained by two internal edges, one
 * from the table and one from the key, both named {@code "N / part of key (K @k) -> value (V @v) pair in WeakMap
 * (table @t)"}. DevTools (HeapSnapshot.ts {@code tryParseWeakMapEdgeName}) uses the part after the leading number to
 * pair the two edges (for distances, crbug 1290800) and the table id to drop the table's edge from the dominator
 * computation. Each internal edge name is parsed once. Immutable once built; thread-safe. No IO.
 */
final class WeakMapEdgeNames {
    private static final Pattern EPHEMERON = Pattern.compile(
            "^\\d+( / part of key \\(.*? @\\d+\\) -> value \\(.*? @\\d+\\) pair in WeakMap \\(table @(\\d+)\\))$");
    private static final String MARKER = " / part of key (";
    private static final int NOT_EPHEMERON = -1;

    /** By string index: a dense id of the shared "duplicated part" of the name, or NOT_EPHEMERON. */
    private final int[] pairIdByString;
    /** By string index: the WeakMap table's node id named by the edge. */
    private final long[] tableIdByString;

    private WeakMapEdgeNames(int[] pairIdByString, long[] tableIdByString) {
        this.pairIdByString = pairIdByString;
        this.tableIdByString = tableIdByString;
    }

    static WeakMapEdgeNames of(HeapGraph graph) {
        StringTable strings = graph.strings();
        int stringCount = strings.size();
        int[] pairIds = new int[stringCount];
        Arrays.fill(pairIds, NOT_EPHEMERON);
        long[] tableIds = new long[stringCount];
        boolean[] checked = new boolean[stringCount];
        Map<String, Integer> pairIdByPart = new HashMap<>();
        byte[] types = graph.edgeTypes();
        int[] names = graph.edgeNames();
        for (int e = 0; e < types.length; e++) {
            if (types[e] != EdgeType.INTERNAL || checked[names[e]]) {
                continue;
            }
            int name = names[e];
            checked[name] = true;
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
                pairIds[name] = pairIdByPart.computeIfAbsent(m.group(1), part -> pairIdByPart.size());
                tableIds[name] = Long.parseLong(m.group(2));
            }
        }
        return new WeakMapEdgeNames(pairIds, tableIds);
    }

    /** Whether the internal edge named by string {@code nameIndex} is an ephemeron edge. */
    boolean isEphemeron(int nameIndex) {
        return nameIndex < pairIdByString.length && pairIdByString[nameIndex] != NOT_EPHEMERON;
    }

    /** The id shared by the two edges of one key/value pair; only for {@link #isEphemeron} names. */
    int pairId(int nameIndex) {
        return pairIdByString[nameIndex];
    }

    /** The node id of the WeakMap table the name refers to; only for {@link #isEphemeron} names. */
    long tableId(int nameIndex) {
        return tableIdByString[nameIndex];
    }

    int pairCount() {
        int max = -1;
        for (int id : pairIdByString) {
            max = Math.max(max, id);
        }
        return max + 1;
    }
}
