package heapscope.parser.analysis.matching;

import heapscope.parser.analysis.matching.Correspondence.Kind;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.JavaEdgeNames;
import heapscope.parser.store.IntColumn;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The objects every dump of a process has, found by name: the synthetic root, its GC root groups, and the class
 * objects (by the class they stand for; a name that several loaders' classes share, as two web applications' copies of
 * one library do, is matched by name and loader once the loaders are matched: {@link #matchByLoader}). Stateless. No
 * IO.
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
     * Matches the class objects still unmatched whose name and loader agree: the older class object of that name
     * whose loader is the older object the newer class object's loader was matched to. Only the class objects of a
     * name that several loaders share are left unmatched by {@link #match} (a name found once in both dumps is
     * matched there), so this pairs each loader's copy of such a class with its own.
     */
    static void matchByLoader(Correspondence c, MatchState state) {
        HeapGraph older = c.olderGraph;
        HeapGraph newer = c.newerGraph;
        Map<String, Integer> olderByNameAndLoader = new HashMap<>();
        for (int node = 0; node < older.nodeCount(); node++) {
            int loader = state.isOlderMatched(node) || c.kindOfOlder(node) != Kind.CLASS_OBJECT ? -1
                    : older.namedEdgeTarget(node, JavaEdgeNames.CLASS_LOADER);
            if (loader >= 0) {
                olderByNameAndLoader.merge(older.nodeLabel(node) + '\0' + loader, node, (a, b) -> -1);
            }
        }
        for (int node = 0; node < newer.nodeCount(); node++) {
            int olderClass = c.olderClassOfNewer(node);
            if (state.isNewerMatched(node) || olderClass < 0 || c.kindOfOlderClass(olderClass) != Kind.CLASS_OBJECT) {
                continue;
            }
            int loader = newer.namedEdgeTarget(node, JavaEdgeNames.CLASS_LOADER);
            if (loader < 0 || state.olderOf(loader) < 0) {
                continue;
            }
            Integer olderNode = olderByNameAndLoader.get(newer.nodeLabel(node) + '\0' + state.olderOf(loader));
            if (olderNode != null && olderNode >= 0) {
                state.match(olderNode, node, MatchRule.ANCHOR);
            }
        }
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
