package heapscope.parser.graph;

import com.carrotsearch.hppc.IntIntHashMap;
import java.util.Arrays;

/**
 * Every edge's type and name in one int, 4 bytes per edge instead of 5: the {@link EdgeType} code in the top 4 bits,
 * the name (a string index, or the element index of a {@link EdgeType#hasNumericName numeric} type) in the low 28.
 * Names from {@code 2^28 - 1} up, which only sparse arrays' element indexes reach (V8's go up to {@code 2^32 - 2}),
 * keep all 32 bits in a side table. Filled by {@link HeapGraphBuilder}; read-only and thread-safe once the graph is
 * built. No IO.
 */
final class EdgeTypesAndNames {
    /** Edge type codes must fit the 4 type bits. */
    static final int MAX_TYPES = 16;
    private static final int NAME_BITS = 28;
    private static final int NAME_MASK = (1 << NAME_BITS) - 1;
    /** In the name bits: the name is in {@code largeNames}. */
    private static final int NAME_ELSEWHERE = NAME_MASK;

    private int[] packed;
    private final IntIntHashMap largeNames = new IntIntHashMap();

    EdgeTypesAndNames(int capacity) {
        this.packed = new int[capacity];
    }

    byte type(int edge) {
        return (byte) (packed[edge] >>> NAME_BITS);
    }

    /** The name as the file gave it; element indexes are unsigned (see {@link HeapGraph#edgeName}). */
    int name(int edge) {
        int name = packed[edge] & NAME_MASK;
        return name != NAME_ELSEWHERE ? name : largeNames.get(edge);
    }

    void set(int edge, byte type, int name) {
        boolean fits = name >= 0 && name < NAME_ELSEWHERE;
        packed[edge] = type << NAME_BITS | (fits ? name : NAME_ELSEWHERE);
        if (!fits) {
            largeNames.put(edge, name);
        }
    }

    void trimTo(int edgeCount) {
        packed = Arrays.copyOf(packed, edgeCount);
    }

    long retainedBytes() {
        return 4L * packed.length + 8L * largeNames.size();
    }
}
