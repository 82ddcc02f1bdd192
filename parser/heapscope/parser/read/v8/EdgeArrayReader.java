package heapscope.parser.read.v8;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraphBuilder;
import java.io.IOException;

/**
 * Reads the {@code edges} array into a {@link HeapGraphBuilder}, one row of {@link EdgeLayout#fieldCount()} numbers
 * per edge, turning each {@code to_node} (an offset into the nodes array) into a node ordinal and checking it.
 * Allocates nothing per edge. Not thread-safe. Does IO through its tokenizer.
 */
final class EdgeArrayReader {
    /** Element indexes are uint32 in V8 (sparse arrays reach 2^32 - 2); they are kept as the same 32 bits. */
    private static final long MAX_ELEMENT_INDEX = 0xFFFF_FFFFL;

    private EdgeArrayReader() {
    }

    static void read(JsonTokenizer tokenizer, SnapshotHeader header, HeapGraphBuilder builder)
            throws IOException, SnapshotFormatException {
        EdgeLayout layout = header.edges();
        byte[] typeCodes = TypeCodes.byFileNumber(layout.typeNames(), builder::edgeTypeCode, "edge");
        int fieldCount = layout.fieldCount();
        long expectedNumbers = (long) header.edgeCount() * fieldCount;
        tokenizer.within("the edges array");
        long numbers = RowReader.read(tokenizer, fieldCount, expectedNumbers,
                row -> addEdge(row, layout, typeCodes, header, builder));
        if (numbers != expectedNumbers) {
            throw new SnapshotFormatException("the edges array holds " + numbers + " numbers, not edge_count × edge "
                    + "fields = " + header.edgeCount() + " × " + fieldCount + " = " + expectedNumbers);
        }
    }

    private static void addEdge(long[] row, EdgeLayout layout, byte[] typeCodes, SnapshotHeader header,
            HeapGraphBuilder builder) throws SnapshotFormatException {
        int index = builder.edgeCount();
        long type = row[layout.typeOffset()];
        if (type >= typeCodes.length) {
            throw new SnapshotFormatException("edge " + index + " has type " + type + " but the meta names only "
                    + typeCodes.length + " edge types");
        }
        byte typeCode = typeCodes[(int) type];
        long nameOrIndex = row[layout.nameOrIndexOffset()];
        long maxName = EdgeType.hasNumericName(typeCode) ? MAX_ELEMENT_INDEX : Integer.MAX_VALUE;
        if (nameOrIndex > maxName) {
            throw new SnapshotFormatException("edge " + index + " has name_or_index " + nameOrIndex + ", beyond "
                    + (maxName == MAX_ELEMENT_INDEX ? "any element index" : "any string table"));
        }
        long toNode = row[layout.toNodeOffset()];
        int nodeFieldCount = header.nodes().fieldCount();
        long targetOrdinal = toNode / nodeFieldCount;
        if (targetOrdinal * nodeFieldCount != toNode) {
            throw new SnapshotFormatException("edge " + index + " points to node index " + toNode + ", which is not "
                    + "a multiple of the " + nodeFieldCount + " node fields");
        }
        if (targetOrdinal >= header.nodeCount()) {
            throw new SnapshotFormatException("edge " + index + " points to node index " + toNode + ", beyond the "
                    + header.nodeCount() + " nodes");
        }
        builder.addEdge(typeCode, (int) nameOrIndex, (int) targetOrdinal);
    }
}
