package heapscope.parser.read.v8;

import java.util.Map;

/**
 * The checked contents of the {@code snapshot} header: the announced counts, the optional root and extra native
 * bytes, and the row layouts from {@code meta}. Keys Heapscope does not use ({@code trace_function_count},
 * {@code title}, future ones) are ignored. Immutable. No IO.
 *
 * @param rootOrdinal the ordinal of the root node: {@code root_index / node field count}, or 0 when absent
 * @param locations null when the meta has no {@code location_fields}
 */
record SnapshotHeader(int nodeCount, int edgeCount, int rootOrdinal, long extraNativeBytes, NodeLayout nodes,
        EdgeLayout edges, LocationLayout locations) {
    /** Java arrays stop a little below {@code Integer.MAX_VALUE} elements, and the graph needs nodeCount + 1. */
    private static final long MAX_COUNT = Integer.MAX_VALUE - 9;
    /**
     * No process holds more than 2^56 bytes (x86-64 and arm64 address at most 57 bits): the nodes' self sizes
     * together and {@code extra_native_bytes} are each kept below it, so retained sizes and the heap total (their
     * sums) cannot overflow a long.
     */
    static final long MAX_BYTES = 1L << 56;

    /** Checks the header value as {@link JsonValueReader} read it. */
    static SnapshotHeader from(Object value) throws SnapshotFormatException {
        if (!(value instanceof Map)) {
            throw new SnapshotFormatException("the 'snapshot' header is not an object");
        }
        Map<?, ?> header = (Map<?, ?>) value;
        if (!(header.get("meta") instanceof Map)) {
            throw new SnapshotFormatException("the snapshot header has no 'meta' object");
        }
        @SuppressWarnings("unchecked")
        SnapshotMeta meta = new SnapshotMeta((Map<String, Object>) header.get("meta"));
        NodeLayout nodes = NodeLayout.from(meta);
        EdgeLayout edges = EdgeLayout.from(meta);
        LocationLayout locations = LocationLayout.from(meta);
        int nodeCount = count(header, "node_count");
        int edgeCount = count(header, "edge_count");
        long rootIndex = header.containsKey("root_index") ? wholeNumber(header, "root_index") : 0;
        if (header.containsKey("root_index")
                && (rootIndex % nodes.fieldCount() != 0 || rootIndex / nodes.fieldCount() >= nodeCount)) {
            throw new SnapshotFormatException("the snapshot header's root_index " + rootIndex + " is not the index "
                    + "of a node (a multiple of " + nodes.fieldCount() + " below " + nodes.fieldCount() + " × "
                    + nodeCount + ")");
        }
        long extraNativeBytes = header.containsKey("extra_native_bytes")
                ? wholeNumber(header, "extra_native_bytes") : 0;
        if (extraNativeBytes > MAX_BYTES) {
            throw new SnapshotFormatException("the snapshot header's extra_native_bytes " + extraNativeBytes
                    + " is more than any process can hold (2^" + Long.numberOfTrailingZeros(MAX_BYTES) + " bytes)");
        }
        return new SnapshotHeader(nodeCount, edgeCount, (int) (rootIndex / nodes.fieldCount()), extraNativeBytes,
                nodes, edges, locations);
    }

    private static int count(Map<?, ?> header, String key) throws SnapshotFormatException {
        if (!header.containsKey(key)) {
            throw new SnapshotFormatException("the snapshot header lacks '" + key + "'");
        }
        long count = wholeNumber(header, key);
        if (count > MAX_COUNT) {
            throw new SnapshotFormatException("the snapshot header's " + key + " " + count + " is more than "
                    + "Heapscope can hold (" + MAX_COUNT + ")");
        }
        return (int) count;
    }

    private static long wholeNumber(Map<?, ?> header, String key) throws SnapshotFormatException {
        Object value = header.get(key);
        if (!(value instanceof Long) || (Long) value < 0) {
            throw new SnapshotFormatException("the snapshot header's " + key + " is not a non-negative whole number: "
                    + value);
        }
        return (Long) value;
    }
}
