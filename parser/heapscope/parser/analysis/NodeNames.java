package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.StringTable;
import heapscope.parser.store.IntColumn;

/**
 * The names DevTools shows for nodes and edges in its trees (JSHeapSnapshotNode {@code name()} and
 * JSHeapSnapshotEdge {@code name()}): a concatenated string shows its text, a plain object a sketch of its
 * properties such as {@code {a, b, …, z}}, anything else its own name. Stateless; thread-safe. No IO.
 */
public final class NodeNames {
    private static final int MAX_CONS_STRING_LENGTH = 1024;
    private static final int MAX_PLAIN_OBJECT_NAME_LENGTH = 100;

    private NodeNames() {
    }

    public static String nodeName(HeapGraph graph, int node) {
        byte type = graph.nodeTypes().get(node);
        if (type == NodeType.CONCATENATED_STRING) {
            return consStringText(graph, node);
        }
        if (type == NodeType.OBJECT && graph.strings().equalsAt(graph.nodeNames().get(node), "Object")) {
            return plainObjectName(graph, node);
        }
        return graph.nodeName(node);
    }

    /** An edge's name: its index for elements, else its string (a shortcut that is a number shows as one). */
    public static String edgeName(HeapGraph graph, int edge) {
        String name = graph.edgeName(edge);
        if (graph.edgeType(edge) == EdgeType.SHORTCUT) {
            double number = JsNumbers.parseInt(name);
            if (!Double.isNaN(number)) {
                return Long.toString((long) number);
            }
        }
        return name;
    }

    /** The text of a V8 cons string: its {@code first} and {@code second} halves, depth first, up to 1024 chars. */
    private static String consStringText(HeapGraph graph, int node) {
        StringTable strings = graph.strings();
        IntColumn firstEdge = graph.firstEdgeIndex();
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = node;
        StringBuilder text = new StringBuilder();
        while (top > 0 && text.length() < MAX_CONS_STRING_LENGTH) {
            int current = stack[--top];
            if (graph.nodeTypes().get(current) != NodeType.CONCATENATED_STRING) {
                text.append(strings.get(graph.nodeNames().get(current)));
                continue;
            }
            // A half that is missing reads as node 0, as in DevTools.
            int first = 0;
            int second = 0;
            for (int e = firstEdge.get(current); e < firstEdge.get(current + 1) && (first == 0 || second == 0); e++) {
                if (graph.edgeType(e) == EdgeType.INTERNAL) {
                    int name = graph.edgeNameIndex(e);
                    if (strings.equalsAt(name, "first")) {
                        first = graph.edgeTarget(e);
                    } else if (strings.equalsAt(name, "second")) {
                        second = graph.edgeTarget(e);
                    }
                }
            }
            if (top + 2 > stack.length) {
                stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = second;
            stack[top++] = first;
        }
        return text.toString();
    }

    /**
     * {@code {first, second, …, secondToLast, last}}: property names taken alternately from the start and the end
     * of the object's edges while the whole stays within about 100 characters; at least one is always shown.
     */
    private static String plainObjectName(HeapGraph graph, int node) {
        IntColumn firstEdge = graph.firstEdgeIndex();
        StringBuilder start = new StringBuilder("{");
        StringBuilder end = new StringBuilder("}");
        int fromStart = firstEdge.get(node);
        int fromEnd = firstEdge.get(node + 1) - 1;
        boolean takeFromEnd = false;
        while (fromStart <= fromEnd) {
            int edge = takeFromEnd ? fromEnd : fromStart;
            String name = graph.edgeType(edge) == EdgeType.PROPERTY ? graph.edgeName(edge) : null;
            if (name == null || name.equals("__proto__")) {
                if (takeFromEnd) {
                    fromEnd--;
                } else {
                    fromStart++;
                }
                continue;
            }
            String formatted = InterfaceDefinitions.formatPropertyName(name);
            if (start.length() > 1 && start.length() + end.length() + formatted.length() > MAX_PLAIN_OBJECT_NAME_LENGTH) {
                break;
            }
            if (takeFromEnd) {
                fromEnd--;
                if (end.length() > 1) {
                    end.insert(0, ", ");
                }
                end.insert(0, formatted);
            } else {
                fromStart++;
                if (start.length() > 1) {
                    start.append(", ");
                }
                start.append(formatted);
            }
            takeFromEnd = !takeFromEnd;
        }
        if (fromStart <= fromEnd) {
            start.append(", \u2026");
        }
        if (end.length() > 1) {
            start.append(", ");
        }
        return start.append(end).toString();
    }
}
