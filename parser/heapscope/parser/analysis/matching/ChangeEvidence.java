package heapscope.parser.analysis.matching;

import heapscope.parser.analysis.matching.Correspondence.Kind;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.FieldValue;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.store.IntColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether two objects found in the same place with different values are one object changed in place or an
 * old object replaced by a new one. An array of the same length in the same place is the same array. An instance's
 * fields are weighed:
 * <ul>
 *   <li>for "same": a primitive field (not a flag) that kept a non-default value; a reference to an object only it
 *       holds that is the same object, or the same String, in both dumps; an array only it holds that kept much of
 *       its contents (a list's backing array that grew, a hash table that resized);</li>
 *   <li>for "changed": a String or boxed value it refers to that changed, at twice the weight of a "same" (such a
 *       field often identifies the object), and each primitive field that changed, at half the weight of a "same"
 *       (counts and sizes change in place all the time); a field that only left its default value (0, null, false:
 *       the size of a map that was empty) is filled in, not changed.</li>
 * </ul>
 * It is the same object when something says "same" and outweighs the changes, or when nothing changed but fields
 * filled in (a list that was empty): a session whose id and user stayed
 * while its counters moved is kept, and so is a map whose size and table changed but whose entries stayed; a request
 * replaced by the next one (new id, new time) is new. An object whose fields all changed (a counter with one field)
 * is decided as new. One thing overrules the weights: holding a String or boxed value that, in the older dump, only
 * another object held (a tree entry whose key belonged to another entry before the tree rebalanced), or the older
 * object's own such value having gone to another object, makes them two objects.
 *
 * <p>Reads both objects' fields from their dumps where the dumps allow it (otherwise only the references weigh).
 * Single-threaded.
 */
final class ChangeEvidence {
    /** How many elements of the shorter of two arrays are looked for in the longer, to tell whether it grew from it. */
    private static final int SAMPLED_ELEMENTS = 1024;

    private final Correspondence c;
    private final MatchState state;
    private final HeapGraph older;
    private final HeapGraph newer;

    /** What the fields of one candidate pair said. */
    private static final class Tally {
        int same;
        int changedFields;
        int changedValues;
        int filledIn;
        boolean otherObject;

        boolean sameObject() {
            boolean outweighed = same > 0 && 2 * same >= changedFields + 4 * changedValues;
            boolean onlyFilledIn = filledIn > 0 && same == 0 && changedFields == 0 && changedValues == 0;
            return !otherObject && (outweighed || onlyFilledIn);
        }
    }

    ChangeEvidence(Correspondence c, MatchState state) {
        this.c = c;
        this.state = state;
        this.older = c.olderGraph;
        this.newer = c.newerGraph;
    }

    boolean sameObject(int olderNode, int newerNode) {
        if (c.kindOfOlder(olderNode).isArray()) {
            return true;
        }
        Tally tally = new Tally();
        weighReferences(olderNode, newerNode, tally);
        if (!tally.otherObject) {
            weighPrimitives(olderNode, newerNode, tally);
        }
        return tally.sameObject();
    }

    private void weighPrimitives(int olderNode, int newerNode, Tally tally) {
        List<FieldValue> olderFields = older.objectFields(olderNode);
        List<FieldValue> newerFields = newer.objectFields(newerNode);
        if (olderFields.size() != newerFields.size()) {
            return;
        }
        for (int i = 0; i < olderFields.size(); i++) {
            FieldValue before = olderFields.get(i);
            FieldValue after = newerFields.get(i);
            if ("reference".equals(before.type()) || !before.name().equals(after.name())) {
                continue;
            }
            if (!Objects.equals(before.value(), after.value())) {
                if (isDefault(before.value())) {
                    tally.filledIn++; // a field filled in from its default (a map's size, once empty) is no change
                } else {
                    tally.changedFields++;
                }
            } else if (!isDefault(before.value()) && !(before.value() instanceof Boolean)) {
                tally.same++; // a flag that stayed says too little: half of all objects share it
            }
        }
    }

    private static boolean isDefault(Object value) {
        return value == null || (value instanceof Number n && n.doubleValue() == 0)
                || (value instanceof Character ch && ch == 0) || Boolean.FALSE.equals(value);
    }

    /** The references, field by field (by name). */
    private void weighReferences(int olderNode, int newerNode, Tally tally) {
        IntColumn olderFirst = older.firstEdgeIndex();
        IntColumn newerFirst = newer.firstEdgeIndex();
        IntColumn olderTargets = older.edgeTargets();
        IntColumn newerTargets = newer.edgeTargets();
        for (int e = newerFirst.get(newerNode); e < newerFirst.get(newerNode + 1); e++) {
            if (newer.edgeType(e) != EdgeType.PROPERTY) {
                continue;
            }
            int name = c.olderString(newer.edgeNameIndex(e));
            if (name < 0) {
                continue; // a field the older dump has no name for: nothing to weigh it against
            }
            boolean heldBefore = false;
            for (int f = olderFirst.get(olderNode); f < olderFirst.get(olderNode + 1) && !heldBefore; f++) {
                if (older.edgeType(f) == EdgeType.PROPERTY && older.edgeNameIndex(f) == name) {
                    weighReference(olderTargets.get(f), newerTargets.get(e), tally);
                    heldBefore = true;
                }
            }
            if (!heldBefore) {
                tally.filledIn++; // null in the older dump (a null reference is no edge), set since
            }
        }
    }

    private void weighReference(int before, int after, Tally tally) {
        int olderOfAfter = state.olderOf(after);
        boolean beforeTaken = state.isOlderMatched(before);
        boolean sameClass = c.sameClass(before, after);
        Kind kind = c.kindOfOlder(before);
        boolean value = sameClass && kind == Kind.VALUE;
        boolean equal = older.contentHashes().get(before) == newer.contentHashes().get(after);
        if (olderOfAfter == before) {
            if (owned(before, after)) {
                tally.same++;
            }
        } else if (value && ((olderOfAfter >= 0 && owned(olderOfAfter, after))
                || (beforeTaken && c.older.retainers().retainerCount(before) == 1))) {
            tally.otherObject = true; // a value only another object held before, or its own value went to another
        } else if (value && !equal) {
            tally.changedValues++;
        } else if (sameClass && olderOfAfter < 0 && !beforeTaken && owned(before, after)
                && (equal || (kind == Kind.OBJECT_ARRAY && similarArrays(before, after)))) {
            tally.same++;
        }
    }

    /** Whether only the two objects' holders hold them, in each dump. */
    private boolean owned(int olderNode, int newerNode) {
        return c.older.retainers().retainerCount(olderNode) == 1 && c.newer.retainers().retainerCount(newerNode) == 1;
    }

    /**
     * Two arrays of references: at least half of the shorter's first {@value #SAMPLED_ELEMENTS} elements have their
     * values somewhere in the longer (whose elements may have moved: a hash table that resized).
     */
    private boolean similarArrays(int olderArray, int newerArray) {
        boolean olderShorter = elementCount(older, olderArray) <= elementCount(newer, newerArray);
        int[] sample = elementHashes(olderShorter ? older : newer, olderShorter ? olderArray : newerArray,
                SAMPLED_ELEMENTS);
        int[] all = elementHashes(olderShorter ? newer : older, olderShorter ? newerArray : olderArray,
                Integer.MAX_VALUE);
        if (sample.length == 0) {
            return false;
        }
        int found = 0;
        for (int hash : sample) {
            if (Arrays.binarySearch(all, hash) >= 0) {
                found++;
            }
        }
        return 2 * found >= sample.length;
    }

    private static int elementCount(HeapGraph graph, int array) {
        return graph.firstEdgeIndex().get(array + 1) - graph.firstEdgeIndex().get(array);
    }

    /** The content hashes of an array's first {@code limit} elements, sorted. */
    private static int[] elementHashes(HeapGraph graph, int array, int limit) {
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        IntColumn hashes = graph.contentHashes();
        int[] sample = new int[Math.min(limit, elementCount(graph, array))];
        int n = 0;
        for (int e = firstEdge.get(array); e < firstEdge.get(array + 1) && n < sample.length; e++) {
            if (graph.edgeType(e) == EdgeType.ELEMENT) {
                sample[n++] = hashes.get(targets.get(e));
            }
        }
        int[] sorted = Arrays.copyOf(sample, n);
        Arrays.sort(sorted);
        return sorted;
    }
}
