package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.HeapStatistics;

/**
 * Sorts the heap's shallow sizes into DevTools' Statistics categories ({@code calculateStatistics} of
 * JSHeapSnapshot): hidden nodes are system; native nodes are native, typed arrays among them when named
 * {@code system / JSArrayBufferData}; code; the three string types; and arrays named {@code Array}, counted with their
 * {@code elements} store when that store has no other retainer. Stateless. No IO.
 */
final class StatisticsCalculator {
    private StatisticsCalculator() {
    }

    static HeapStatistics compute(HeapGraph graph, NodeSizes shallow, RetainerIndex retainers, long totalSize) {
        NameMask arrayBufferData = NameMask.of(graph.strings(), "system / JSArrayBufferData");
        NameMask array = NameMask.of(graph.strings(), "Array");
        NameMask elements = NameMask.of(graph.strings(), "elements");
        byte[] types = graph.nodeTypes();
        int[] names = graph.nodeNames();
        long nativeTotal = graph.extraNativeBytes();
        long typedArrays = 0;
        long code = 0;
        long strings = 0;
        long jsArrays = 0;
        long system = 0;
        for (int node = 0, n = graph.nodeCount(); node < n; node++) {
            long size = shallow.get(node);
            switch (types[node]) {
                case NodeType.HIDDEN -> system += size;
                case NodeType.NATIVE -> {
                    nativeTotal += size;
                    if (arrayBufferData.test(names[node])) {
                        typedArrays += size;
                    }
                }
                case NodeType.CODE -> code += size;
                case NodeType.STRING, NodeType.CONCATENATED_STRING, NodeType.SLICED_STRING -> strings += size;
                default -> {
                    if (array.test(names[node])) {
                        jsArrays += size + ownedElementsSize(graph, node, shallow, retainers, elements);
                    }
                }
            }
        }
        return new HeapStatistics(totalSize, nativeTotal, typedArrays, code, strings, jsArrays, system);
    }

    private static long ownedElementsSize(HeapGraph graph, int array, NodeSizes shallow, RetainerIndex retainers,
            NameMask elements) {
        int[] firstEdge = graph.firstEdgeIndex();
        for (int e = firstEdge[array], end = firstEdge[array + 1]; e < end; e++) {
            if (graph.edgeType(e) == EdgeType.INTERNAL && elements.test(graph.edgeNameIndex(e))) {
                int store = graph.edgeTargets()[e];
                return retainers.retainerCount(store) == 1 ? shallow.get(store) : 0;
            }
        }
        return 0;
    }
}
