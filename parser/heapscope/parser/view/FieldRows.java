package heapscope.parser.view;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.FieldValue;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fields pane's rows for one object: the field values its file holds ({@link HeapGraph#objectFields}), with each
 * reference resolved to the object it points at among the node's own edges, so that it reads like a grid row; for an
 * array of references, which the file gives no fields, its first elements from the graph. Reads the file: call it off
 * the UI thread. Stateless.
 */
public final class FieldRows {
    /** How many elements of an array are listed. */
    private static final int ELEMENTS = 100;

    private FieldRows() {
    }

    public static List<FieldRow> of(NodeRows rows, int ordinal) {
        HeapGraph graph = rows.heap().graph();
        List<FieldRow> result = new ArrayList<>();
        for (FieldValue field : graph.objectFields(ordinal)) {
            int target = "reference".equals(field.type()) && field.value() instanceof Long address
                    ? referenceTarget(graph, ordinal, address) : -1;
            result.add(new FieldRow(field.name(), field.type(), valueText(rows, field, target),
                    field.declaringClass(), target));
        }
        if (result.isEmpty()) {
            addElements(rows, ordinal, result);
        }
        return result;
    }

    /** The first non-null elements of an array of references: its element edges (null elements have none). */
    private static void addElements(NodeRows rows, int ordinal, List<FieldRow> result) {
        HeapGraph graph = rows.heap().graph();
        IntColumn firstEdge = graph.firstEdgeIndex();
        for (int e = firstEdge.get(ordinal); e < firstEdge.get(ordinal + 1) && result.size() < ELEMENTS; e++) {
            if (graph.edgeType(e) == EdgeType.ELEMENT) {
                int target = graph.edgeTarget(e);
                result.add(new FieldRow("[" + graph.edgeName(e) + "]", "reference", rows.row(target).label(),
                        graph.nodeName(ordinal), target));
            }
        }
    }

    private static String valueText(NodeRows rows, FieldValue field, int target) {
        Object value = field.value();
        if (value == null) {
            return "null";
        }
        if (value instanceof Character c) {
            return "'" + ArrayPreview.printable(c) + "'";
        }
        if (!"reference".equals(field.type())) {
            return value.toString();
        }
        // A reference the dump has no object for was dropped from the graph when it was read.
        return target < 0 ? "@" + ObjectIds.text((Long) value, true) + " (not in the dump)" : rows.row(target).label();
    }

    /** The node among {@code node}'s edge targets whose id is {@code address}, or -1. */
    private static int referenceTarget(HeapGraph graph, int node, long address) {
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        for (int e = firstEdge.get(node); e < firstEdge.get(node + 1); e++) {
            if (graph.nodeId(targets.get(e)) == address) {
                return targets.get(e);
            }
        }
        return -1;
    }
}
