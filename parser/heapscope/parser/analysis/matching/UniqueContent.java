package heapscope.parser.analysis.matching;

import com.carrotsearch.hppc.IntArrayList;
import heapscope.parser.analysis.matching.Correspondence.Kind;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Matches the objects, wherever they are, whose values no other unmatched object of their class shares in either dump:
 * a String with its text, an order with its id, a map entry with its key. This finds objects that moved to another
 * container. Classes whose instances all hold the same values (no fields, or constants only) are left out: for them
 * a unique value says nothing. Stateless. No IO.
 *
 * <p>Memory: 8 bytes per object of the larger dump while it runs, and 8 per class.
 */
final class UniqueContent {
    private UniqueContent() {
    }

    /** Matches the objects whose values are unique on both sides; see the class comment. */
    static void match(Correspondence c, MatchState state) {
        visitUnmatched(c, state, (olderNodes, newerNodes, identifying, identifyingNewer) ->
                (olderPositions, olderCount, newerPositions, newerCount) -> {
                    int olderNode = olderNodes.get(olderPositions[0]);
                    int cls = c.olderClass(olderNode);
                    if (olderCount == 1 && newerCount == 1 && identifying[cls] && identifyingNewer[cls]) {
                        state.match(olderNode, newerNodes.get(newerPositions[0]), MatchRule.CONTENT);
                    }
                });
    }

    /**
     * Pairs, as the last step, the objects still unmatched that hold identical values, in the order of the dumps: a
     * marker object moved from one list to another is as likely any of the identical markers that left the first.
     * Counted as {@link MatchRule#TIE_BREAK}.
     */
    static void pairIdentical(Correspondence c, MatchState state) {
        visitUnmatched(c, state, (olderNodes, newerNodes, identifying, identifyingNewer) ->
                (olderPositions, olderCount, newerPositions, newerCount) -> {
                    for (int i = 0, pairs = Math.min(olderCount, newerCount); i < pairs; i++) {
                        state.match(olderNodes.get(olderPositions[i]), newerNodes.get(newerPositions[i]),
                                MatchRule.TIE_BREAK);
                    }
                });
    }

    /** Makes the group visitor for the unmatched objects of both dumps and the classes whose values identify. */
    private interface GroupsOfUnmatched {
        ContentGroups.Visitor visitor(IntArrayList olderNodes, IntArrayList newerNodes, boolean[] identifying,
                boolean[] identifyingNewer);
    }

    private static void visitUnmatched(Correspondence c, MatchState state, GroupsOfUnmatched groups) {
        IntArrayList olderNodes = new IntArrayList();
        byte[] olderTypes = c.olderGraph.nodeTypes();
        for (int node = 0; node < olderTypes.length; node++) {
            if (!state.isOlderMatched(node) && olderTypes[node] != NodeType.SYNTHETIC
                    && c.kindOfOlder(node) != Kind.CLASS_OBJECT && holdsValues(c, c.olderGraph, node, c.kindOfOlder(node))) {
                olderNodes.add(node);
            }
        }
        IntArrayList newerNodes = new IntArrayList();
        byte[] newerTypes = c.newerGraph.nodeTypes();
        for (int node = 0; node < newerTypes.length; node++) {
            int olderClass = c.olderClassOfNewer(node);
            if (!state.isNewerMatched(node) && newerTypes[node] != NodeType.SYNTHETIC && olderClass >= 0
                    && c.kindOfOlderClass(olderClass) != Kind.CLASS_OBJECT
                    && holdsValues(c, c.newerGraph, node, c.kindOfOlderClass(olderClass))) {
                newerNodes.add(node);
            }
        }
        int classCount = c.older.classes().classCount();
        boolean[] identifying = identifyingClasses(classCount, c.olderGraph.contentHashes(), c::olderClass);
        boolean[] identifyingNewer = identifyingClasses(classCount, c.newerGraph.contentHashes(), c::olderClassOfNewer);
        ContentGroups.visit(c, olderNodes, newerNodes, groups.visitor(olderNodes, newerNodes, identifying,
                identifyingNewer));
    }

    /**
     * Whether the object's content hash holds values of its own: always, but for an array of references that holds
     * no String or boxed value (its hash is then its length alone).
     */
    private static boolean holdsValues(Correspondence c, HeapGraph graph, int node, Kind kind) {
        if (kind != Kind.OBJECT_ARRAY) {
            return true;
        }
        int[] firstEdge = graph.firstEdgeIndex();
        int[] targets = graph.edgeTargets();
        boolean older = graph == c.olderGraph;
        for (int e = firstEdge[node]; e < firstEdge[node + 1]; e++) {
            int target = targets[e];
            int cls = older ? c.olderClass(target) : c.olderClassOfNewer(target);
            if (graph.edgeType(e) == EdgeType.ELEMENT && cls >= 0 && c.kindOfOlderClass(cls) == Kind.VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * By older class id: whether the class's objects in one dump mostly hold values of their own, at least half of
     * them distinct (ids, keys, texts), so that a value found once is the object's own and not chance: a linked node
     * with one of ten weights, or an array known only by its length, is not identified by being the only one of its
     * kind left.
     */
    private static boolean[] identifyingClasses(int classCount, int[] hashes, IntUnaryOperator classOf) {
        long[] keys = new long[hashes.length];
        int n = 0;
        for (int node = 0; node < hashes.length; node++) {
            int cls = classOf.applyAsInt(node);
            if (cls >= 0) {
                keys[n++] = (long) cls << 32 | (hashes[node] & 0xFFFFFFFFL);
            }
        }
        keys = Arrays.copyOf(keys, n);
        Arrays.sort(keys);
        int[] objects = new int[classCount];
        int[] distinct = new int[classCount];
        for (int i = 0; i < keys.length; i++) {
            int cls = (int) (keys[i] >>> 32);
            objects[cls]++;
            if (i == 0 || keys[i] != keys[i - 1]) {
                distinct[cls]++;
            }
        }
        boolean[] identifying = new boolean[classCount];
        for (int cls = 0; cls < classCount; cls++) {
            identifying[cls] = objects[cls] > 0 && 2 * distinct[cls] >= objects[cls] && (distinct[cls] > 1 || objects[cls] == 1);
        }
        return identifying;
    }
}
