package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.NodeNames;
import heapscope.parser.analysis.ObjectNames;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;

/**
 * Makes {@link NodeRow}s and {@link EdgeRow}s from ordinals and edge indexes, with the engine's names ({@link
 * NodeNames}) written as DevTools' grids write them: strings in quotes, closures as {@code name()}, regexps as
 * {@code /source/}, arrays as {@code name[]}, long names cut; HPROF ids (addresses) in hex. Thread-safe. Reads the
 * file for the text of Java Strings ({@link HeapGraph#objectText}), so call it off the UI thread.
 */
public final class NodeRows {
    /** Longest display name, in characters; longer names end with an ellipsis. */
    public static final int MAX_NAME_LENGTH = 200;
    private static final byte DETACHED = 2;

    private final AnalyzedHeap heap;
    private final HeapGraph graph;

    public NodeRows(AnalyzedHeap heap) {
        this.heap = heap;
        this.graph = heap.graph();
    }

    public AnalyzedHeap heap() {
        return heap;
    }

    public NodeRow row(int ordinal) {
        String className = heap.classes().name(heap.classes().classByNode().get(ordinal));
        String name = displayName(ordinal);
        // A few V8 nodes have no name (some code objects); their class says what they are.
        return new NodeRow(ordinal, graph.nodeId(ordinal), name.isEmpty() ? className : name, className,
                graph.nodeTypeName(ordinal),
                heap.distance(ordinal), heap.shallowSizes().get(ordinal), heap.retainedSizes().get(ordinal),
                heap.domStates().get(ordinal) == DETACHED, graph.format() == HeapFormat.HPROF);
    }

    /** The edge with its target: a Containment row, or an outgoing reference under a Summary instance. */
    public EdgeRow outgoing(int edgeIndex) {
        return new EdgeRow(edgeIndex, graph.edgeTypeName(edgeIndex), edgeLabel(edgeIndex),
                row(graph.edgeTarget(edgeIndex)), false);
    }

    /** The edge with its source: a Retainers row. */
    public EdgeRow retaining(int sourceOrdinal, int edgeIndex) {
        return new EdgeRow(edgeIndex, graph.edgeTypeName(edgeIndex), edgeLabel(edgeIndex), row(sourceOrdinal), true);
    }

    /** The edge's name as the grid writes it: {@code [i]} for elements, {@code (empty)} for no name. */
    public String edgeLabel(int edgeIndex) {
        String name = NodeNames.edgeName(graph, edgeIndex);
        if (graph.edgeType(edgeIndex) == EdgeType.ELEMENT) {
            return "[" + name + "]";
        }
        return name.isEmpty() ? "(empty)" : cut(name);
    }

    /**
     * The Object column's name of a node (without its {@code @id}): an HPROF class object, which its Summary row
     * counts as a {@code java.lang.Class}, is named by the class it stands for ({@link ObjectNames}), and a Java
     * String shows its text after its class: {@code java.lang.String "GET /"}.
     */
    public String displayName(int ordinal) {
        String classObject = ObjectNames.classObjectName(graph, ordinal);
        if (classObject != null) {
            return cut(classObject);
        }
        String name = NodeNames.nodeName(graph, ordinal);
        String text = graph.objectText(ordinal, MAX_NAME_LENGTH);
        if (text != null) {
            return cut(name) + " " + quote(text);
        }
        switch (graph.nodeTypes().get(ordinal)) {
            case NodeType.CONCATENATED_STRING:
            case NodeType.STRING:
            case NodeType.SLICED_STRING:
                return quote(name);
            case NodeType.REGEXP:
                return "/" + cut(name) + "/";
            case NodeType.CLOSURE:
                return cut(name) + "()";
            case NodeType.BIGINT:
                return cut(name) + "n";
            case NodeType.ARRAY:
                return name.isEmpty() ? "(internal array)[]" : cut(name) + "[]";
            default:
                return cut(name);
        }
    }

    private static String quote(String text) {
        return "\"" + cut(text) + "\"";
    }

    /** One line of at most {@link #MAX_NAME_LENGTH} characters ({@link OneLine}). */
    static String cut(String text) {
        return OneLine.of(text, MAX_NAME_LENGTH);
    }
}
