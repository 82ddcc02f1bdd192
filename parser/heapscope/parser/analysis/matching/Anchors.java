package heapscope.parser.analysis.matching;

import heapscope.parser.analysis.matching.Correspondence.Kind;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.store.IntColumn;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The objects every dump of a process has, found by name: the synthetic root, its GC root groups, and the class
 * objects (by the class they stand for; a name that several loaders' classes share is left to the other rules).
 * Stateless. No IO.
 */
final class Anchors {
    private Anchors() {
    }

    static void match(Correspondence c, MatchState state) {
        HeapGraph older = c.olderGraph;
        HeapGraph newer = c.newerGraph;
        state.match(older.rootOrdinal(), newer.rootOrdinal(), MatchRule.ANCHOR);
        Map<String, Integer> olderByName = uniqueNames(older, node -> c.kindOfOlder(node) == Kind.CLASS_OBJECT);
        Map<String, Integer> newerByName = uniqueNames(newer, node -> c.olderClassOfNewer(node) >= 0
                && c.kindOfOlderClass(c.olderClassOfNewer(node)) == Kind.CLASS_OBJECT);
        newerByName.forEach((name, newerNode) -> {
            Integer olderNode = olderByName.get(name);
            if (olderNode != null && olderNode >= 0 && newerNode >= 0) {
                state.match(olderNode, newerNode, MatchRule.ANCHOR);
            }
        });
    }

    /**
     * Root groups by name and class objects by label, each to its node, or to -1 when several nodes share it. The
     * root's children are the groups; class objects are the nodes with a label.
     */
    private static Map<String, Integer> uniqueNames(HeapGraph graph, IntPredicate isClassObject) {
        Map<String, Integer> byName = new HashMap<>();
        int root = graph.rootOrdinal();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        for (int e = firstEdge.get(root); e < firstEdge.get(root + 1); e++) {
            byName.merge(graph.nodeName(targets.get(e)), targets.get(e), (a, b) -> -1);
        }
        for (int node = 0; node < graph.nodeCount(); node++) {
            String label = isClassObject.test(node) ? graph.nodeLabel(node) : null;
            if (label != null) {
                byName.merge(label, node, (a, b) -> -1);
            }
        }
        return byName;
    }
}
