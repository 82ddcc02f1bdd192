package heapscope.parser.read.v8;

import java.util.List;
import java.util.Map;

/**
 * The {@code snapshot.meta} object, read for names: field lists ({@code node_fields}, ...) and, parallel to them,
 * type lists ({@code node_types}, ...). Every lookup that fails names the missing piece, e.g. {@code the snapshot meta
 * lacks node_fields 'edge_count'}. Immutable. No IO.
 */
final class SnapshotMeta {
    private final Map<String, Object> meta;

    SnapshotMeta(Map<String, Object> meta) {
        this.meta = meta;
    }

    boolean has(String key) {
        return meta.containsKey(key);
    }

    /** The names in list {@code key}, such as {@code node_fields}; the list must exist and hold only strings. */
    List<String> names(String key) throws SnapshotFormatException {
        if (!meta.containsKey(key)) {
            throw new SnapshotFormatException("the snapshot meta lacks '" + key + "'");
        }
        List<String> names = stringList(meta.get(key));
        if (names == null) {
            throw new SnapshotFormatException("the snapshot meta's '" + key + "' is not a list of names");
        }
        return names;
    }

    /** Where field {@code name} sits in the rows described by {@code fields} (the list called {@code fieldsKey}). */
    static int requiredOffset(List<String> fields, String fieldsKey, String name) throws SnapshotFormatException {
        int offset = fields.indexOf(name);
        if (offset < 0) {
            throw new SnapshotFormatException("the snapshot meta lacks " + fieldsKey + " '" + name + "'");
        }
        return offset;
    }

    /**
     * The type names of an enumerated field: entry {@code fieldOffset} of list {@code typesKey} (e.g.
     * {@code node_types[0]}), which must itself be a list of names.
     */
    List<String> typeNames(String typesKey, int fieldOffset, String fieldName) throws SnapshotFormatException {
        Object types = meta.get(typesKey);
        Object entry = types instanceof List && ((List<?>) types).size() > fieldOffset
                ? ((List<?>) types).get(fieldOffset) : null;
        List<String> names = stringList(entry);
        if (names == null) {
            throw new SnapshotFormatException("the snapshot meta's '" + typesKey + "' has no list of names for the '"
                    + fieldName + "' field");
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object value) {
        if (!(value instanceof List)) {
            return null;
        }
        for (Object element : (List<?>) value) {
            if (!(element instanceof String)) {
                return null;
            }
        }
        return (List<String>) value;
    }
}
