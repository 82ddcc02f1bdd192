package heapscope.parser.analysis.leaks;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.JavaEdgeNames;
import java.util.List;

/**
 * What a Java object's class says about it, read along its {@code <class>} edge and its class's {@code <super>} chain
 * (edges the HPROF reader makes). Stateless. No IO.
 */
final class JavaInstances {
    /** The fields of a {@code java.lang.Thread} that hold its thread-local maps. */
    static final List<String> THREAD_LOCAL_MAPS = List.of("threadLocals", "inheritableThreadLocals");

    /** A superclass chain longer than this is a damaged dump's loop, not a class hierarchy. */
    private static final int MAX_DEPTH = 64;

    private JavaInstances() {
    }

    /** Whether the object's class, or a superclass, is the one labelled so ({@code class java.lang.Thread}). */
    static boolean isA(HeapGraph graph, int node, String classLabel) {
        int cls = graph.namedEdgeTarget(node, JavaEdgeNames.CLASS);
        for (int depth = 0; cls >= 0 && depth < MAX_DEPTH; depth++) {
            if (classLabel.equals(graph.nodeLabel(cls))) {
                return true;
            }
            cls = graph.namedEdgeTarget(cls, JavaEdgeNames.SUPER);
        }
        return false;
    }

    static boolean isThread(HeapGraph graph, int node) {
        return isA(graph, node, "class java.lang.Thread");
    }
}
