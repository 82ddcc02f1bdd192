package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;

/**
 * How the engine's outputs name objects and the references between them, for the app, the CLI's JSON and the leak
 * report alike. A Java class object is named by the class it stands for ({@code class AuditRegistry}), not by its
 * own class {@code java.lang.Class}, which says nothing about the statics it holds; a step of a path is written as a
 * reader of the language would write it: a static field {@code AuditRegistry.ENTRIES}, an element of a Java array
 * its type once ({@code java.util.HashMap$Node[]}), a V8 property {@code system / Context.leakyData}, a V8 element
 * {@code Array[]}. Stateless; thread-safe. No IO.
 */
public final class ObjectNames {
    /** The HPROF reader labels each class object with the class it stands for, after this word. */
    private static final String CLASS_LABEL = "class ";
    /** How the HPROF reader names the reference from a class object to one of its static fields. */
    private static final String STATIC_EDGE = "static ";

    private ObjectNames() {
    }

    /** The object's name: {@code class AuditRegistry} for a class object, else its name ({@link NodeNames}). */
    public static String name(HeapGraph graph, int node) {
        String classObject = classObjectName(graph, node);
        return classObject != null ? classObject : NodeNames.nodeName(graph, node);
    }

    /** {@code class AuditRegistry} when the node is a Java class object, else null. */
    public static String classObjectName(HeapGraph graph, int node) {
        String label = graph.nodeLabel(node);
        return label != null && label.startsWith(CLASS_LABEL) ? label : null;
    }

    /**
     * The class a reader knows the object by: for a class object, the class it stands for ({@code AuditRegistry});
     * for any other object, its Summary class ({@code java.util.HashMap$Node[]}, {@code system / Context}).
     */
    public static String owner(AnalyzedHeap heap, int node) {
        String classObject = classObjectName(heap.graph(), node);
        if (classObject != null) {
            return classObject.substring(CLASS_LABEL.length());
        }
        return heap.classes().name(heap.classes().classByNode().get(node));
    }

    /** One step of a path, holder first: {@code AuditRegistry.ENTRIES}, {@code java.util.HashMap$Node[]}. */
    public static String step(AnalyzedHeap heap, int holder, int edge) {
        HeapGraph graph = heap.graph();
        return step(owner(heap, holder), graph.edgeType(edge), NodeNames.edgeName(graph, edge));
    }

    /**
     * The rule behind {@link #step(AnalyzedHeap, int, int)}, for callers that rewrite the edge name first (such as
     * a signature that masks digits): an element is the holder's type with {@code []} once, a static field drops the
     * word "static", any other reference is {@code owner.name}.
     */
    public static String step(String owner, byte edgeType, String edgeName) {
        if (EdgeType.hasNumericName(edgeType)) {
            return owner.endsWith("[]") ? owner : owner + "[]";
        }
        String field = edgeType == EdgeType.PROPERTY && edgeName.startsWith(STATIC_EDGE)
                ? edgeName.substring(STATIC_EDGE.length()) : edgeName;
        return owner + "." + field;
    }
}
