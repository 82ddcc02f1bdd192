package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.BitSet;

/**
 * Marks the nodes owned by the page (DevTools' {@code markPageOwnedNodes}): everything reachable over non-weak edges
 * from the root's shortcut targets (the global objects) and from the {@code (Document DOM trees)} root. Edges from
 * nodes outside this set into it are not essential for dominators, so objects the debugger also holds keep the
 * dominators the page gives them. A heap without such entry points (every HPROF dump) has no page-owned node, and
 * the rule never applies. Stateless. No IO.
 */
final class PageOwnership {
    private PageOwnership() {
    }

    static BitSet mark(HeapGraph graph, Scratch scratch, CancelSignal cancel) {
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        int root = graph.rootOrdinal();
        UserRoots userRoots = new UserRoots(graph);
        BitSet owned = new BitSet(graph.nodeCount());
        IntColumn stack = scratch.takeColumn(false, graph.columns());
        int top = 0;
        for (int e = firstEdge.get(root); e < firstEdge.get(root + 1); e++) {
            int target = targets.get(e);
            boolean entry = graph.edgeType(e) == EdgeType.SHORTCUT
                    || (graph.edgeType(e) == EdgeType.ELEMENT && userRoots.isDocumentTrees(target));
            if (entry) {
                stack.set(top++, target);
                owned.set(target);
            }
        }
        long visited = 0;
        while (top > 0) {
            int node = stack.get(--top);
            if ((++visited & 0xFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            for (int e = firstEdge.get(node), end = firstEdge.get(node + 1); e < end; e++) {
                int child = targets.get(e);
                if (!owned.get(child) && graph.edgeType(e) != EdgeType.WEAK) {
                    owned.set(child);
                    stack.set(top++, child);
                }
            }
        }
        scratch.give(stack);
        return owned;
    }
}
