package heapscope.parser.view;

import heapscope.parser.graph.FieldValue;
import heapscope.parser.graph.HeapGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fields pane's rows for one object: the field values its file holds ({@link HeapGraph#objectFields}), with each
 * reference resolved to the object it points at among the node's own edges, so that it reads like a grid row. Reads
 * the file: call it off the UI thread. Stateless.
 */
public final class FieldRows {
    private FieldRows() {
    }

    public static List<FieldRow> of(NodeRows rows, int ordinal) {
        HeapGraph graph = rows.heap().graph();
        List<FieldRow> result = new ArrayList<>();
        for (FieldValue field : graph.objectFields(ordinal)) {
            String value = valueText(rows, ordinal, field);
            result.add(new FieldRow(field.name(), field.type(), value, field.declaringClass()));
        }
        return result;
    }

    private static String valueText(NodeRows rows, int ordinal, FieldValue field) {
        Object value = field.value();
        if (value == null) {
            return "null";
        }
        if (value instanceof Character c) {
            return "'" + c + "'";
        }
        if (!"reference".equals(field.type())) {
            return value.toString();
        }
        long address = (Long) value;
        String id = "@0x" + Long.toHexString(address);
        int target = referenceTarget(rows.heap().graph(), ordinal, address);
        // A reference the dump has no object for was dropped from the graph when it was read.
        return target < 0 ? id + " (not in the dump)" : rows.displayName(target) + " " + id;
    }

    /** The node among {@code node}'s edge targets whose id is {@code address}, or -1. */
    private static int referenceTarget(HeapGraph graph, int node, long address) {
        int[] firstEdge = graph.firstEdgeIndex();
        int[] targets = graph.edgeTargets();
        for (int e = firstEdge[node]; e < firstEdge[node + 1]; e++) {
            if (graph.nodeId(targets[e]) == address) {
                return targets[e];
            }
        }
        return -1;
    }
}
