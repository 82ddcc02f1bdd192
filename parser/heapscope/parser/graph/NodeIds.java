package heapscope.parser.graph;

/**
 * Node ids by ordinal, in 4 bytes each where every id fits in 32 unsigned bits (V8 snapshot ids are uint32), else in
 * 8 (HPROF ids are 64-bit addresses). Written by the builder, read-only afterwards. No IO.
 */
public final class NodeIds {
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private final int[] narrow;
    private final long[] wide;

    NodeIds(int capacity, boolean narrow) {
        this.narrow = narrow ? new int[capacity] : null;
        this.wide = narrow ? null : new long[capacity];
    }

    public long get(int ordinal) {
        return narrow != null ? narrow[ordinal] & UINT32_MAX : wide[ordinal];
    }

    void set(int ordinal, long id) {
        if (narrow == null) {
            wide[ordinal] = id;
        } else if (id < 0 || id > UINT32_MAX) {
            throw new GraphFormatException("node " + ordinal + " has id " + id + ", which is not a 32-bit unsigned id");
        } else {
            narrow[ordinal] = (int) id;
        }
    }

    int bytesPerId() {
        return narrow != null ? 4 : 8;
    }
}
