package heapscope.parser.graph;

import com.carrotsearch.hppc.IntIntHashMap;
import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Every edge's type and name in one int, 4 bytes per edge instead of 5: the {@link EdgeType} code in the top 4 bits,
 * the name (a string index, or the element index of a {@link EdgeType#hasNumericName numeric} type) in the low 28.
 * Names from {@code 2^28 - 1} up, which only sparse arrays' element indexes reach (V8's go up to {@code 2^32 - 2}),
 * keep all 32 bits in a side table. Filled by {@link HeapGraphBuilder}; read-only and thread-safe once the graph is
 * built. No IO but {@link #save} and {@link #load}.
 */
final class EdgeTypesAndNames {
    /** Edge type codes must fit the 4 type bits. */
    static final int MAX_TYPES = 16;
    private static final int NAME_BITS = 28;
    private static final int NAME_MASK = (1 << NAME_BITS) - 1;
    /** In the name bits: the name is in {@code largeNames}. */
    private static final int NAME_ELSEWHERE = NAME_MASK;

    private IntColumn packed;
    /** Edges in use: the column's length, or fewer after {@link #trimTo} on a mapped column. */
    private int count;
    private final IntIntHashMap largeNames;

    EdgeTypesAndNames(int capacity, Columns columns) {
        this(columns.ints(capacity), capacity, new IntIntHashMap());
    }

    private EdgeTypesAndNames(IntColumn packed, int count, IntIntHashMap largeNames) {
        this.packed = packed;
        this.count = count;
        this.largeNames = largeNames;
    }

    byte type(int edge) {
        return (byte) (packed.get(edge) >>> NAME_BITS);
    }

    /** The name as the file gave it; element indexes are unsigned (see {@link HeapGraph#edgeName}). */
    int name(int edge) {
        int name = packed.get(edge) & NAME_MASK;
        return name != NAME_ELSEWHERE ? name : largeNames.get(edge);
    }

    void set(int edge, byte type, int name) {
        boolean fits = name >= 0 && name < NAME_ELSEWHERE;
        packed.set(edge, type << NAME_BITS | (fits ? name : NAME_ELSEWHERE));
        if (!fits) {
            largeNames.put(edge, name);
        }
    }

    /** Keeps the first {@code edgeCount} edges: a copy on the heap; a mapped column keeps its file. */
    void trimTo(int edgeCount) {
        if (packed.onHeap()) {
            packed = IntColumn.of(Arrays.copyOf(packed.array(), edgeCount));
        }
        count = edgeCount;
    }

    long retainedBytes() {
        return 4L * count + 8L * largeNames.size();
    }

    /** What {@link #retainedBytes} has on the Java heap. */
    long heapBytes() {
        return (packed.onHeap() ? 4L * count : 0) + 8L * largeNames.size();
    }

    void save(ArraySink sink, String name) throws IOException {
        sink.ints(name + ".packed", packed, count);
        int[] edges = largeNames.keys().toArray();
        Arrays.sort(edges);
        int[] names = new int[edges.length];
        for (int i = 0; i < edges.length; i++) {
            names[i] = largeNames.get(edges[i]);
        }
        sink.ints(name + ".largeEdges", edges);
        sink.ints(name + ".largeNames", names);
    }

    /**
     * What {@link #save} stored, checked: {@code edgeCount} edges, type codes below {@code typeCount}, string names
     * below {@code stringCount}.
     */
    static EdgeTypesAndNames load(ArraySource source, String name, int edgeCount, int typeCount, int stringCount,
            Columns columns) throws IOException {
        IntColumn packed = source.intColumn(name + ".packed", columns);
        int[] edges = source.ints(name + ".largeEdges");
        int[] names = source.ints(name + ".largeNames");
        StoreFormatException.check(packed.length() == edgeCount, name + " holds another number of edges");
        StoreFormatException.check(edges.length == names.length, name + ": large names without their edges");
        boolean[] numeric = new boolean[MAX_TYPES];
        for (int type = 0; type < MAX_TYPES; type++) {
            numeric[type] = EdgeType.hasNumericName((byte) type);
        }
        int elsewhere = 0;
        for (int e = 0; e < edgeCount && !source.trusted(); e++) {
            int value = packed.get(e);
            int type = value >>> NAME_BITS;
            int edgeName = value & NAME_MASK;
            if (edgeName == NAME_ELSEWHERE) {
                elsewhere++;
            }
            StoreFormatException.check(type < typeCount && (numeric[type] || edgeName == NAME_ELSEWHERE
                    || edgeName < stringCount), name, ": an edge has an unknown type or name");
        }
        IntIntHashMap largeNames = new IntIntHashMap(edges.length);
        for (int i = 0; i < edges.length; i++) {
            int edge = edges[i];
            StoreFormatException.check(edge >= 0 && edge < edgeCount
                    && (packed.get(edge) & NAME_MASK) == NAME_ELSEWHERE
                    && (numeric[packed.get(edge) >>> NAME_BITS] || names[i] >= 0 && names[i] < stringCount), name,
                    ": a large name of no edge");
            largeNames.put(edge, names[i]);
        }
        StoreFormatException.check(source.trusted() || largeNames.size() == elsewhere, name
                + ": edges whose name is missing");
        return new EdgeTypesAndNames(packed, edgeCount, largeNames);
    }
}
