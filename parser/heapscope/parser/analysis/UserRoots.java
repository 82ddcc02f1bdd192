package heapscope.parser.analysis;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.store.IntColumn;

/**
 * DevTools' "user roots": the targets of the root's edges that are not synthetic (V8 links each global object from
 * the root), plus the synthetic {@code (Document DOM trees)} node. Distances count from them; a heap without any
 * (an "expose internals" snapshot, every HPROF dump) is measured from the root itself. Stateless. No IO.
 */
public final class UserRoots {
    static final String DOCUMENT_DOM_TREES = "(Document DOM trees)";

    private final HeapGraph graph;
    private final NameMask documentTrees;

    public UserRoots(HeapGraph graph) {
        this.graph = graph;
        this.documentTrees = NameMask.of(graph.strings(), DOCUMENT_DOM_TREES);
    }

    public boolean isUserRoot(int node) {
        return graph.nodeTypes().get(node) != NodeType.SYNTHETIC || isDocumentTrees(node);
    }

    boolean isDocumentTrees(int node) {
        return graph.nodeTypes().get(node) == NodeType.SYNTHETIC && documentTrees.test(graph.nodeNames().get(node));
    }

    boolean exist() {
        int root = graph.rootOrdinal();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        for (int e = firstEdge.get(root); e < firstEdge.get(root + 1); e++) {
            if (isUserRoot(targets.get(e))) {
                return true;
            }
        }
        return false;
    }
}
