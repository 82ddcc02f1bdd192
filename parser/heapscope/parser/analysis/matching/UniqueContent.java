package heapscope.parser.analysis.matching;

import com.carrotsearch.hppc.IntArrayList;
import heapscope.parser.analysis.matching.Correspondence.Kind;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Matches the objects, wherever they are, whose values no other unmatched object of their class shares in either dump:
 * a String with its text, an order with its id, a map entry with its key. This finds objects that moved to another
 * container. Classes whose instances all hold the same values (no fields, or constants only) are left out: for them
 * a unique value says nothing. Stateless. No IO.
 *
 * <p>Memory: 8 bytes per unmatched object while it runs, and up to {@value #SAMPLE} ints per class while it starts.
 */
final class UniqueContent {
    /** Objects per class whose values are sampled to tell whether the class's values identify its objects. */
    private static final int SAMPLE = 2048;

    private final Correspondence c;
    /** By older class id, whether the class's values identify its objects, in the older and the newer dump. */
    private final boolean[] identifyingInOlder;
    private final boolean[] identifyingInNewer;

    UniqueContent(Correspondence c) {
        this.c = c;
        int classCount = c.older.classes().classCount();
        this.identifyingInOlder = identifyingClasses(classCount, c.olderGraph.contentHashes(), c::olderClass);
        this.identifyingInNewer = identifyingClasses(classCount, c.newerGraph.contentHashes(), c::olderClassOfNewer);
    }

    /** Matches the objects whose values are unique on both sides; see the class comment. */
    void match(MatchState state) {
        visitUnmatched(state, (olderNodes, newerNodes) -> (olderPositions, olderCount, newerPositions, newerCount) -> {
            int olderNode = olderNodes.get(olderPositions[0]);
            int cls = c.olderClass(olderNode);
            if (olderCount == 1 && newerCount == 1 && identifyingInOlder[cls] && identifyingInNewer[cls]) {
                state.match(olderNode, newerNodes.get(newerPositions[0]), MatchRule.CONTENT);
            }
        });
    }

    /**
     * Pairs, as the last step, the objects still unmatched that hold identical values, in the order of the dumps: a
     * marker object moved from one list to another is as likely any of the identical markers that left the first.
     * Counted as {@link MatchRule#TIE_BREAK}.
     */
    void pairIdentical(MatchState state) {
        visitUnmatched(state, (olderNodes, newerNodes) -> (olderPositions, olderCount, newerPositions, newerCount) -> {
            for (int i = 0, pairs = Math.min(olderCount, newerCount); i < pairs; i++) {
                state.match(olderNodes.get(olderPositions[i]), newerNodes.get(newerPositions[i]), MatchRule.TIE_BREAK);
            }
        });
    }

    /** Makes the group visitor for the unmatched objects of both dumps. */
    private interface GroupsOfUnmatched {
        ContentGroups.Visitor visitor(IntArrayList olderNodes, IntArrayList newerNodes);
    }

    private void visitUnmatched(MatchState state, GroupsOfUnmatched groups) {
        IntArrayList olderNodes = new IntArrayList();
        ByteColumn olderTypes = c.olderGraph.nodeTypes();
        for (int node = 0; node < olderTypes.length(); node++) {
            if (!state.isOlderMatched(node) && olderTypes.get(node) != NodeType.SYNTHETIC
                    && c.kindOfOlder(node) != Kind.CLASS_OBJECT && holdsValues(c.olderGraph, node, c.kindOfOlder(node))) {
                olderNodes.add(node);
            }
        }
        IntArrayList newerNodes = new IntArrayList();
        ByteColumn newerTypes = c.newerGraph.nodeTypes();
        for (int node = 0; node < newerTypes.length(); node++) {
            int olderClass = c.olderClassOfNewer(node);
            if (!state.isNewerMatched(node) && newerTypes.get(node) != NodeType.SYNTHETIC && olderClass >= 0
                    && c.kindOfOlderClass(olderClass) != Kind.CLASS_OBJECT
                    && holdsValues(c.newerGraph, node, c.kindOfOlderClass(olderClass))) {
                newerNodes.add(node);
            }
        }
        ContentGroups.visit(c, olderNodes, newerNodes, groups.visitor(olderNodes, newerNodes));
    }

    /**
     * Whether the object's content hash holds values of its own: always, but for an array of references that holds
     * no String or boxed value (its hash is then its length alone).
     */
    private boolean holdsValues(HeapGraph graph, int node, Kind kind) {
        if (kind != Kind.OBJECT_ARRAY) {
            return true;
        }
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        boolean older = graph == c.olderGraph;
        for (int e = firstEdge.get(node); e < firstEdge.get(node + 1); e++) {
            int target = targets.get(e);
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
     * kind left. Judged on the first {@value #SAMPLE} objects of each class.
     */
    private static boolean[] identifyingClasses(int classCount, IntColumn hashes, IntUnaryOperator classOf) {
        int[][] samples = new int[classCount][];
        int[] sampled = new int[classCount];
        for (int node = 0; node < hashes.length(); node++) {
            int cls = classOf.applyAsInt(node);
            if (cls < 0 || sampled[cls] == SAMPLE) {
                continue;
            }
            if (samples[cls] == null || samples[cls].length == sampled[cls]) {
                samples[cls] = Arrays.copyOf(samples[cls] == null ? new int[0] : samples[cls],
                        Math.min(SAMPLE, Math.max(8, 2 * sampled[cls])));
            }
            samples[cls][sampled[cls]++] = hashes.get(node);
        }
        boolean[] identifying = new boolean[classCount];
        for (int cls = 0; cls < classCount; cls++) {
            int n = sampled[cls];
            if (n == 0) {
                continue;
            }
            int[] sample = samples[cls];
            Arrays.sort(sample, 0, n);
            int distinct = 1;
            for (int i = 1; i < n; i++) {
                distinct += sample[i] != sample[i - 1] ? 1 : 0;
            }
            identifying[cls] = 2 * distinct >= n && (distinct > 1 || n == 1);
        }
        return identifying;
    }
}
