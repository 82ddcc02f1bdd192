package heapscope.parser.read.v8;

import java.util.List;

/**
 * Where each field sits in a row of the {@code nodes} array, from {@code meta.node_fields}: offsets, never fixed
 * positions, since V8 writes 6 or 7 fields depending on version and on allocation tracking. Fields Heapscope does
 * not use ({@code trace_node_id}, future ones) just widen the row. Immutable. No IO.
 *
 * @param detachednessOffset -1 when the file has no {@code detachedness} field
 * @param typeNames the node type names, indexed by the value of the {@code type} field
 */
record NodeLayout(int fieldCount, int typeOffset, int nameOffset, int idOffset, int selfSizeOffset,
        int edgeCountOffset, int detachednessOffset, List<String> typeNames) {

    static NodeLayout from(SnapshotMeta meta) throws SnapshotFormatException {
        List<String> fields = meta.names("node_fields");
        int type = SnapshotMeta.requiredOffset(fields, "node_fields", "type");
        return new NodeLayout(fields.size(), type,
                SnapshotMeta.requiredOffset(fields, "node_fields", "name"),
                SnapshotMeta.requiredOffset(fields, "node_fields", "id"),
                SnapshotMeta.requiredOffset(fields, "node_fields", "self_size"),
                SnapshotMeta.requiredOffset(fields, "node_fields", "edge_count"),
                fields.indexOf("detachedness"),
                meta.typeNames("node_types", type, "type"));
    }
}
