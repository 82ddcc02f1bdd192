package heapscope.parser.analysis.matching;

import com.carrotsearch.hppc.IntArrayList;
import heapscope.parser.analysis.RetainerIndex;
import heapscope.parser.analysis.matching.ChangedCandidates.Place;
import heapscope.parser.analysis.matching.Correspondence.Kind;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.BitSet;

/**
 * Spreads a matching from each matched pair to its neighbours, breadth first:
 * <ul>
 *   <li>down the fields: what the same field of both holds is one object if its values are equal;</li>
 *   <li>into arrays and containers: elements with equal values pair up, in order among identical ones (an array that
 *       grew or a table that resized is not the same array, but its elements are still paired through it);</li>
 *   <li>up to the holders: the only object of a class that holds the matched object through a given field, in both
 *       dumps, is one object if its values are equal.</li>
 * </ul>
 * Pairs in the same place whose values differ go to the {@link ChangedCandidates}, to be decided later. Single-threaded.
 * No IO.
 */
final class Neighbours {
    /** Objects retained by more than this many references are not used to find their holders: too shared to tell. */
    private static final int MAX_RETAINERS_FOR_HOLDERS = 64;

    private final Correspondence c;
    private final MatchState state;
    private final ChangedCandidates candidates;
    private final Chains chains;
    private final HeapGraph older;
    private final HeapGraph newer;
    private final IntColumn olderHashes;
    private final IntColumn newerHashes;
    private final IntColumn olderFirstEdge;
    private final IntColumn newerFirstEdge;
    private final IntColumn olderTargets;
    private final IntColumn newerTargets;
    private final RetainerIndex olderRetainers;
    private final RetainerIndex newerRetainers;
    /** Newer arrays whose elements were already paired through an array of the older dump they are not. */
    private final BitSet scoped = new BitSet();

    // Scratch lists, reused by every expansion.
    private final IntArrayList olderElements = new IntArrayList();
    private final IntArrayList olderIndexes = new IntArrayList();
    private final IntArrayList newerElements = new IntArrayList();
    private final IntArrayList newerIndexes = new IntArrayList();
    private final IntArrayList olderHolders = new IntArrayList();
    private final IntArrayList newerHolders = new IntArrayList();

    Neighbours(Correspondence c, MatchState state, ChangedCandidates candidates) {
        this.c = c;
        this.state = state;
        this.candidates = candidates;
        this.chains = new Chains(c, state);
        this.older = c.olderGraph;
        this.newer = c.newerGraph;
        this.olderHashes = older.contentHashes();
        this.newerHashes = newer.contentHashes();
        this.olderFirstEdge = older.firstEdgeIndex();
        this.newerFirstEdge = newer.firstEdgeIndex();
        this.olderTargets = older.edgeTargets();
        this.newerTargets = newer.edgeTargets();
        this.olderRetainers = c.older.retainers();
        this.newerRetainers = c.newer.retainers();
    }

    /** Expands every pending pair, and the pairs that finds, until none is left. */
    void expandAll(CancelSignal cancel) {
        int expanded = 0;
        while (state.hasPending()) {
            int newerNode = state.nextPending();
            int olderNode = state.olderOf(newerNode);
            fields(olderNode, newerNode);
            elements(olderNode, newerNode);
            holders(olderNode, newerNode);
            if ((++expanded & 0xFFF) == 0) {
                cancel.throwIfCanceled();
            }
        }
    }

    /** Pairs what the same named reference of both objects holds. Both edge lists are in field order. */
    private void fields(int olderNode, int newerNode) {
        int olderFrom = olderFirstEdge.get(olderNode);
        int olderTo = olderFirstEdge.get(olderNode + 1);
        if (olderFrom == olderTo) {
            return;
        }
        int cursor = olderFrom;
        for (int e = newerFirstEdge.get(newerNode), end = newerFirstEdge.get(newerNode + 1); e < end; e++) {
            byte type = newer.edgeType(e);
            if (EdgeType.hasNumericName(type)) {
                continue;
            }
            int newerTarget = newerTargets.get(e);
            if (state.isNewerMatched(newerTarget)) {
                continue;
            }
            int name = c.olderString(newer.edgeNameIndex(e));
            if (name < 0) {
                continue;
            }
            int found = -1;
            for (int k = 0, span = olderTo - olderFrom; k < span && found < 0; k++) {
                int candidate = olderFrom + (cursor - olderFrom + k) % span;
                if (older.edgeType(candidate) == type && older.edgeNameIndex(candidate) == name) {
                    found = candidate;
                }
            }
            if (found < 0) {
                continue;
            }
            cursor = found + 1 < olderTo ? found + 1 : olderFrom;
            place(olderTargets.get(found), newerTarget, Place.FIELD);
        }
    }

    /**
     * Two objects in one place: matched when their values are equal, a changed candidate when they may be one object
     * changed, and for two arrays of different lengths (a list that grew, a table that resized) a scope in which
     * their elements are paired.
     */
    private void place(int olderNode, int newerNode, Place place) {
        if (state.isOlderMatched(olderNode) || state.isNewerMatched(newerNode) || !c.sameClass(olderNode, newerNode)) {
            return;
        }
        Kind kind = c.kindOfOlder(olderNode);
        if (kind == Kind.CLASS_OBJECT) {
            return;
        }
        if (olderHashes.get(olderNode) == newerHashes.get(newerNode)) {
            state.match(olderNode, newerNode, place == Place.HOLDER ? MatchRule.HOLDER : MatchRule.FIELD);
        } else if (kind == Kind.INSTANCE || (kind.isArray() && sameLength(olderNode, newerNode))) {
            candidates.add(place, olderNode, newerNode);
            if (place == Place.FIELD && kind == Kind.INSTANCE) {
                chains.alignFrom(olderNode, newerNode);
            }
        } else if (kind.isArray() && !scoped.get(newerNode)) {
            scoped.set(newerNode);
            pairElements(olderNode, newerNode, false);
        }
    }

    /**
     * Whether two arrays of one class have one length: equal self sizes leave it open within the object alignment
     * (arrays of 3 and 4 references both take 32 bytes), which the length bits of their content hashes close.
     */
    private boolean sameLength(int olderNode, int newerNode) {
        return older.nodeSelfSizes().get(olderNode) == newer.nodeSelfSizes().get(newerNode)
                && ((olderHashes.get(olderNode) ^ newerHashes.get(newerNode)) & HeapGraph.ARRAY_LENGTH_BITS) == 0;
    }

    private void elements(int olderNode, int newerNode) {
        pairElements(olderNode, newerNode, true);
    }

    /**
     * Pairs the unmatched elements of two arrays (or of two GC root groups) that have equal values, in index order
     * among identical ones; when {@code sameArray}, elements left over in the same slot become changed candidates.
     */
    private void pairElements(int olderNode, int newerNode, boolean sameArray) {
        collectElements(older, olderNode, olderFirstEdge, olderTargets, true, olderElements, olderIndexes);
        if (olderElements.isEmpty()) {
            return;
        }
        collectElements(newer, newerNode, newerFirstEdge, newerTargets, false, newerElements, newerIndexes);
        if (newerElements.isEmpty()) {
            return;
        }
        ContentGroups.visit(c, olderElements, newerElements, (olderPositions, olderCount, newerPositions,
                newerCount) -> {
            boolean identicalOnBothSides = olderCount > 1 && newerCount > 1;
            for (int i = 0, pairs = Math.min(olderCount, newerCount); i < pairs; i++) {
                int o = olderPositions[i];
                int n = newerPositions[i];
                int olderElement = olderElements.get(o);
                if (c.kindOfOlder(olderElement) == Kind.CLASS_OBJECT) {
                    continue;
                }
                boolean moved = olderIndexes.get(o) != newerIndexes.get(n);
                state.match(olderElement, newerElements.get(n), identicalOnBothSides && moved ? MatchRule.TIE_BREAK
                        : MatchRule.ELEMENT);
            }
        });
        if (sameArray && newer.nodeTypes().get(newerNode) != NodeType.SYNTHETIC) {
            slotCandidates();
        }
    }

    /** Elements in the same slot of both arrays that are still unmatched and may be one object changed. */
    private void slotCandidates() {
        int i = 0;
        int j = 0;
        while (i < olderElements.size() && j < newerElements.size()) {
            int olderIndex = olderIndexes.get(i);
            int newerIndex = newerIndexes.get(j);
            if (olderIndex < newerIndex) {
                i++;
            } else if (newerIndex < olderIndex) {
                j++;
            } else {
                int olderElement = olderElements.get(i++);
                int newerElement = newerElements.get(j++);
                if (!state.isOlderMatched(olderElement) && !state.isNewerMatched(newerElement)
                        && c.sameClass(olderElement, newerElement)) {
                    Kind kind = c.kindOfOlder(olderElement);
                    if (kind == Kind.INSTANCE || (kind.isArray() && sameLength(olderElement, newerElement))) {
                        candidates.add(Place.SLOT, olderElement, newerElement);
                    }
                }
            }
        }
    }

    /** The node's element edges' targets that are not matched yet, with their indexes, in index order. */
    private void collectElements(HeapGraph graph, int node, IntColumn firstEdge, IntColumn targets, boolean olderSide,
            IntArrayList elements, IntArrayList indexes) {
        elements.clear();
        indexes.clear();
        for (int e = firstEdge.get(node), end = firstEdge.get(node + 1); e < end; e++) {
            if (graph.edgeType(e) != EdgeType.ELEMENT) {
                continue;
            }
            int target = targets.get(e);
            if (olderSide ? state.isOlderMatched(target) : state.isNewerMatched(target)) {
                continue;
            }
            elements.add(target);
            indexes.add(graph.edgeNameIndex(e));
        }
    }

    /**
     * Finds the holders of a matched pair: for each unmatched object that holds the newer one through a field (or an
     * element) and is the only one of its class to do so in both dumps, the older object holding the older one the
     * same way.
     */
    private void holders(int olderNode, int newerNode) {
        if (c.kindOfOlder(olderNode) == Kind.CLASS_OBJECT
                || newerRetainers.retainerCount(newerNode) > MAX_RETAINERS_FOR_HOLDERS
                || olderRetainers.retainerCount(olderNode) > MAX_RETAINERS_FOR_HOLDERS) {
            return;
        }
        if (!hasUnmatchedRetainer(newerNode)) {
            return;
        }
        newerHolders.clear();
        int newerRoot = newer.rootOrdinal();
        newerRetainers.forEachRetainingEdge(newer, newerNode, (source, edge) -> {
            if (source != newerRoot && !state.isNewerMatched(source)) {
                int name = holdingName(newer, edge, true);
                if (name != Integer.MIN_VALUE) {
                    newerHolders.add(source, newer.edgeType(edge), name);
                }
            }
        });
        if (newerHolders.isEmpty()) {
            return;
        }
        olderHolders.clear();
        int olderRoot = older.rootOrdinal();
        olderRetainers.forEachRetainingEdge(older, olderNode, (source, edge) -> {
            if (source != olderRoot && !state.isOlderMatched(source)) {
                olderHolders.add(source, older.edgeType(edge), holdingName(older, edge, false));
            }
        });
        for (int i = 0; i < newerHolders.size(); i += 3) {
            int newerHolder = newerHolders.get(i);
            int olderClass = c.olderClassOfNewer(newerHolder);
            int type = newerHolders.get(i + 1);
            int name = newerHolders.get(i + 2);
            if (olderClass < 0 || newerHoldersLike(type, name, olderClass) != 1) {
                continue;
            }
            int olderHolder = -1;
            for (int k = 0; k < olderHolders.size(); k += 3) {
                if (olderHolders.get(k + 1) == type && olderHolders.get(k + 2) == name
                        && c.olderClass(olderHolders.get(k)) == olderClass) {
                    if (olderHolder >= 0) {
                        olderHolder = -2; // not the only one
                        break;
                    }
                    olderHolder = olderHolders.get(k);
                }
            }
            if (olderHolder >= 0) {
                place(olderHolder, newerHolder, Place.HOLDER);
            }
        }
    }

    /** Whether something other than the root holds the newer object and is not matched yet; cheap, no edge scan. */
    private boolean hasUnmatchedRetainer(int newerNode) {
        IntColumn first = newerRetainers.firstRetainerSlot();
        IntColumn sources = newerRetainers.retainerSources();
        int root = newer.rootOrdinal();
        for (int slot = first.get(newerNode); slot < first.get(newerNode + 1); slot++) {
            int source = sources.get(slot);
            if (source != root && !state.isNewerMatched(source)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name a holding edge is compared by across the dumps: the older dump's string index of a field name, -1 for
     * any element; {@link Integer#MIN_VALUE} for a newer field name the older dump lacks.
     */
    private int holdingName(HeapGraph graph, int edge, boolean newerSide) {
        byte type = graph.edgeType(edge);
        if (EdgeType.hasNumericName(type)) {
            return -1;
        }
        int name = graph.edgeNameIndex(edge);
        return newerSide ? (c.olderString(name) < 0 ? Integer.MIN_VALUE : c.olderString(name)) : name;
    }

    /** How many of the newer object's unmatched holders hold it the same way and are of the same class. */
    private int newerHoldersLike(int type, int name, int olderClass) {
        int n = 0;
        for (int k = 0; k < newerHolders.size(); k += 3) {
            if (newerHolders.get(k + 1) == type && newerHolders.get(k + 2) == name
                    && c.olderClassOfNewer(newerHolders.get(k)) == olderClass) {
                n++;
            }
        }
        return n;
    }
}
