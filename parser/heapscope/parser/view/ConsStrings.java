package heapscope.parser.view;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;

/**
 * The text of a V8 concatenated (cons) string: the texts of its {@code first} and {@code second} parts, as DevTools
 * assembles it for display. Walks iteratively and stops after {@code limit} characters. Stateless. No IO.
 */
final class ConsStrings {
    private ConsStrings() {
    }

    static String text(HeapGraph graph, int ordinal, int limit) {
        StringBuilder out = new StringBuilder();
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = ordinal;
        int visits = 0;
        while (top > 0 && out.length() < limit && visits++ < 100_000) {
            int node = stack[--top];
            if (graph.nodeTypes()[node] != NodeType.CONCATENATED_STRING) {
                out.append(graph.nodeName(node));
                continue;
            }
            int first = -1;
            int second = -1;
            int[] firstEdge = graph.firstEdgeIndex();
            for (int e = firstEdge[node]; e < firstEdge[node + 1]; e++) {
                String name = graph.edgeName(e);
                if (name.equals("first")) {
                    first = graph.edgeTargets()[e];
                } else if (name.equals("second")) {
                    second = graph.edgeTargets()[e];
                }
            }
            if (first < 0 && second < 0) {
                out.append(graph.nodeName(node));
                continue;
            }
            if (top + 2 > stack.length) {
                stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            }
            if (second >= 0) {
                stack[top++] = second;
            }
            if (first >= 0) {
                stack[top++] = first;
            }
        }
        return out.length() > limit ? out.substring(0, limit) : out.toString();
    }
}
