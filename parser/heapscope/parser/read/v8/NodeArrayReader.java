package heapscope.parser.read.v8;

import heapscope.parser.graph.HeapGraphBuilder;
import java.io.IOException;

/**
 * Reads the {@code nodes} array into a {@link HeapGraphBuilder}, one row of {@link NodeLayout#fieldCount()} numbers
 * per node, checking the row count against {@code node_count} and each type against the meta. Allocates nothing per
 * node. Not thread-safe. Does IO through its tokenizer.
 */
final class NodeArrayReader {
    /** V8's detachedness states: 0 unknown, 1 attached, 2 detached. */
    private static final long MAX_DETACHEDNESS = 2;

    private NodeArrayReader() {
    }

    static void read(JsonTokenizer tokenizer, SnapshotHeader header, HeapGraphBuilder builder)
            throws IOException, SnapshotFormatException {
        NodeLayout layout = header.nodes();
        byte[] typeCodes = TypeCodes.byFileNumber(layout.typeNames(), builder::nodeTypeCode, "node");
        int fieldCount = layout.fieldCount();
        long expectedNumbers = (long) header.nodeCount() * fieldCount;
        tokenizer.within("the nodes array");
        long[] totalSelfSize = new long[1];
        long numbers = RowReader.read(tokenizer, fieldCount, expectedNumbers,
                row -> addNode(row, layout, typeCodes, builder, totalSelfSize));
        if (numbers != expectedNumbers) {
            throw new SnapshotFormatException("the nodes array holds " + numbers + " numbers, not node_count × node "
                    + "fields = " + header.nodeCount() + " × " + fieldCount + " = " + expectedNumbers);
        }
    }

    private static void addNode(long[] row, NodeLayout layout, byte[] typeCodes, HeapGraphBuilder builder,
            long[] totalSelfSize) throws SnapshotFormatException {
        int ordinal = builder.nodeCount();
        long type = row[layout.typeOffset()];
        if (type >= typeCodes.length) {
            throw new SnapshotFormatException("node " + ordinal + " has type " + type + " but the meta names only "
                    + typeCodes.length + " node types");
        }
        long name = row[layout.nameOffset()];
        if (name > Integer.MAX_VALUE) {
            throw new SnapshotFormatException("node " + ordinal + " names string " + name + ", beyond any string "
                    + "table");
        }
        long edgeCount = row[layout.edgeCountOffset()];
        if (edgeCount > Integer.MAX_VALUE) {
            throw new SnapshotFormatException("node " + ordinal + " declares " + edgeCount + " edges, more than a "
                    + "snapshot can hold");
        }
        long selfSize = row[layout.selfSizeOffset()];
        totalSelfSize[0] += selfSize; // each below 10^18 (the tokenizer's limit): the sum cannot wrap before the check
        if (totalSelfSize[0] > SnapshotHeader.MAX_BYTES) {
            throw new SnapshotFormatException("node " + ordinal + " has self_size " + selfSize + ", which brings the"
                    + " nodes' sizes beyond what any process can hold (2^56 bytes)");
        }
        builder.addNode(typeCodes[(int) type], (int) name, row[layout.idOffset()], selfSize, (int) edgeCount);
        if (layout.detachednessOffset() >= 0) {
            long detachedness = row[layout.detachednessOffset()];
            if (detachedness > MAX_DETACHEDNESS) {
                throw new SnapshotFormatException("node " + ordinal + " has detachedness " + detachedness
                        + ", not 0 (unknown), 1 (attached) or 2 (detached)");
            }
            if (detachedness != 0) {
                builder.setDetachedness(ordinal, (byte) detachedness);
            }
        }
    }
}
