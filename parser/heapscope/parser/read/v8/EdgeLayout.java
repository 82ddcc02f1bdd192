package heapscope.parser.read.v8;

import java.util.List;

/**
 * Where each field sits in a row of the {@code edges} array, from {@code meta.edge_fields}. Immutable. No IO.
 *
 * @param typeNames the edge type names, indexed by the value of the {@code type} field
 */
record EdgeLayout(int fieldCount, int typeOffset, int nameOrIndexOffset, int toNodeOffset, List<String> typeNames) {

    static EdgeLayout from(SnapshotMeta meta) throws SnapshotFormatException {
        List<String> fields = meta.names("edge_fields");
        int type = SnapshotMeta.requiredOffset(fields, "edge_fields", "type");
        return new EdgeLayout(fields.size(), type,
                SnapshotMeta.requiredOffset(fields, "edge_fields", "name_or_index"),
                SnapshotMeta.requiredOffset(fields, "edge_fields", "to_node"),
                meta.typeNames("edge_types", type, "type"));
    }
}
