package heapscope.parser.read.v8;

import java.util.List;

/**
 * Where each field sits in a row of the {@code locations} array, from {@code meta.location_fields}: 4 fields in
 * older V8, 5 since {@code script_object_index} was added, found by name either way. Immutable. No IO.
 */
record LocationLayout(int fieldCount, int objectIndexOffset, int scriptIdOffset, int lineOffset, int columnOffset) {

    /** The layout, or null when the meta has no {@code location_fields} (snapshots older than locations). */
    static LocationLayout from(SnapshotMeta meta) throws SnapshotFormatException {
        if (!meta.has("location_fields")) {
            return null;
        }
        List<String> fields = meta.names("location_fields");
        return new LocationLayout(fields.size(),
                SnapshotMeta.requiredOffset(fields, "location_fields", "object_index"),
                SnapshotMeta.requiredOffset(fields, "location_fields", "script_id"),
                SnapshotMeta.requiredOffset(fields, "location_fields", "line"),
                SnapshotMeta.requiredOffset(fields, "location_fields", "column"));
    }
}
