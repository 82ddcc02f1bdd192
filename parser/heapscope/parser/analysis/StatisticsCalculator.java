package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.HeapStatistics;
import heapscope.parser.model.JavaStatistics;
import heapscope.parser.model.V8Statistics;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;
import java.util.BitSet;
import java.util.List;

/**
 * Sorts the heap's shallow sizes into the Statistics categories of its world. For V8, DevTools' categories
 * ({@code calculateStatistics} of JSHeapSnapshot): hidden nodes are system; native nodes are native, typed arrays
 * among them when named {@code system / JSArrayBufferData}; code; the three string types; and arrays named
 * {@code Array}, counted with their {@code elements} store when that store has no other retainer. For a Java dump,
 * by class: {@code java.lang.String} with the {@code byte[]}/{@code char[]} a String holds, the other byte and char
 * arrays, the other primitive arrays, object arrays, class objects, the rest; objects no GC root reaches are left out,
 * as the heap total leaves them out. Stateless. No IO.
 */
final class StatisticsCalculator {
    private static final List<String> PRIMITIVE_ARRAYS = List.of("boolean[]", "byte[]", "char[]", "short[]", "int[]",
            "long[]", "float[]", "double[]");

    private StatisticsCalculator() {
    }

    static HeapStatistics compute(HeapGraph graph, NodeSizes shallow, RetainerIndex retainers, BitSet uncounted,
            long totalSize) {
        return graph.format() == HeapFormat.HPROF ? java(graph, shallow, retainers, uncounted, totalSize)
                : v8(graph, shallow, retainers, totalSize);
    }

    private static V8Statistics v8(HeapGraph graph, NodeSizes shallow, RetainerIndex retainers, long totalSize) {
        NameMask arrayBufferData = NameMask.of(graph.strings(), "system / JSArrayBufferData");
        NameMask array = NameMask.of(graph.strings(), "Array");
        NameMask elements = NameMask.of(graph.strings(), "elements");
        ByteColumn types = graph.nodeTypes();
        IntColumn names = graph.nodeNames();
        long nativeTotal = graph.extraNativeBytes();
        long typedArrays = 0;
        long code = 0;
        long strings = 0;
        long jsArrays = 0;
        long system = 0;
        for (int node = 0, n = graph.nodeCount(); node < n; node++) {
            long size = shallow.get(node);
            switch (types.get(node)) {
                case NodeType.HIDDEN -> system += size;
                case NodeType.NATIVE -> {
                    nativeTotal += size;
                    if (arrayBufferData.test(names.get(node))) {
                        typedArrays += size;
                    }
                }
                case NodeType.CODE -> code += size;
                case NodeType.STRING, NodeType.CONCATENATED_STRING, NodeType.SLICED_STRING -> strings += size;
                default -> {
                    if (array.test(names.get(node))) {
                        jsArrays += size + ownedElementsSize(graph, node, shallow, retainers, elements);
                    }
                }
            }
        }
        return new V8Statistics(totalSize, nativeTotal, typedArrays, code, strings, jsArrays, system);
    }

    /** What a Java object's class name makes it, by the name's string index (0 = not looked at yet). */
    private static final byte STRING = 1;
    private static final byte BYTE_OR_CHAR_ARRAY = 2;
    private static final byte OTHER_PRIMITIVE_ARRAY = 3;
    private static final byte OBJECT_ARRAY = 4;
    private static final byte CLASS = 5;
    private static final byte INSTANCE = 6;

    private static JavaStatistics java(HeapGraph graph, NodeSizes shallow, RetainerIndex retainers, BitSet uncounted,
            long totalSize) {
        byte[] kindByName = new byte[graph.strings().size()];
        IntColumn names = graph.nodeNames();
        ByteColumn types = graph.nodeTypes();
        long[] bytes = new long[INSTANCE + 1];
        for (int node = 0, n = graph.nodeCount(); node < n; node++) {
            if (types.get(node) != NodeType.OBJECT || (uncounted != null && uncounted.get(node))) {
                continue;
            }
            int name = names.get(node);
            if (kindByName[name] == 0) {
                kindByName[name] = kindOf(graph.strings().get(name));
            }
            byte kind = kindByName[name];
            if (kind == BYTE_OR_CHAR_ARRAY && heldByString(graph, node, retainers, kindByName)) {
                kind = STRING;
            }
            bytes[kind] += shallow.get(node);
        }
        return new JavaStatistics(totalSize, bytes[STRING], bytes[BYTE_OR_CHAR_ARRAY], bytes[OTHER_PRIMITIVE_ARRAY],
                bytes[OBJECT_ARRAY], bytes[CLASS], bytes[INSTANCE]);
    }

    private static byte kindOf(String className) {
        if (className.equals("java.lang.String")) {
            return STRING;
        }
        if (className.equals("byte[]") || className.equals("char[]")) {
            return BYTE_OR_CHAR_ARRAY;
        }
        if (PRIMITIVE_ARRAYS.contains(className)) {
            return OTHER_PRIMITIVE_ARRAY;
        }
        if (className.endsWith("[]")) {
            return OBJECT_ARRAY;
        }
        return className.equals("java.lang.Class") ? CLASS : INSTANCE;
    }

    /** Whether a String refers to this array (its value; Strings deduplicated by the GC share one). */
    private static boolean heldByString(HeapGraph graph, int array, RetainerIndex retainers, byte[] kindByName) {
        boolean[] held = {false};
        IntColumn names = graph.nodeNames();
        retainers.forEachRetainingEdge(graph, array, (source, edge) -> {
            int name = names.get(source);
            if (kindByName[name] == 0) {
                kindByName[name] = kindOf(graph.strings().get(name));
            }
            held[0] |= kindByName[name] == STRING && graph.nodeTypes().get(source) == NodeType.OBJECT;
        });
        return held[0];
    }

    private static long ownedElementsSize(HeapGraph graph, int array, NodeSizes shallow, RetainerIndex retainers,
            NameMask elements) {
        IntColumn firstEdge = graph.firstEdgeIndex();
        for (int e = firstEdge.get(array), end = firstEdge.get(array + 1); e < end; e++) {
            if (graph.edgeType(e) == EdgeType.INTERNAL && elements.test(graph.edgeNameIndex(e))) {
                int store = graph.edgeTarget(e);
                return retainers.retainerCount(store) == 1 ? shallow.get(store) : 0;
            }
        }
        return 0;
    }
}
