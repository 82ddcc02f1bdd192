package heapscope.parser.analysis.matching;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import java.util.BitSet;

/**
 * Tells which objects of a newer Java heap dump are objects of an older dump of the same process, without addresses
 * (the garbage collector moves objects between dumps, so an address names nothing across them). The evidence, from
 * strongest to weakest ({@link MatchRule}):
 * <ol>
 *   <li>anchors: the root, the GC root groups and the class objects, by name (and by loader, once the loaders are
 *       matched, for a name that several loaders' classes share);</li>
 *   <li>spreading from every matched pair ({@link Neighbours}): what the same field holds, the elements of matched
 *       arrays and containers, the only holder through a field, each when its values ({@code contentHash}) are equal;
 *   </li>
 *   <li>unique values anywhere ({@link UniqueContent}), for objects that moved between containers, then spreading
 *       again;</li>
 *   <li>objects in the same place whose values changed ({@link ChangedCandidates}), decided by which of their fields
 *       stayed ({@link ChangeEvidence}), then spreading again;</li>
 *   <li>last, objects left over with identical values on both sides, paired in order (a tie-break).</li>
 * </ol>
 * Everything in the newer dump left unmatched is new since the older one.
 *
 * <p>Both heaps must be HPROF heaps (with content hashes). Reads both, changes neither; may read object fields from
 * both dumps' files for the changed candidates. Stateless; runs on the caller's thread. Memory while it runs: the
 * result's 4 bytes per newer object, a bit per older object, the queue of matched pairs still to expand, and 8 bytes
 * per unmatched object while unique values are looked for.
 */
public final class ObjectMatcher {
    /** Rounds of unique values and changed candidates; later rounds find little. */
    private static final int ROUNDS = 2;

    private ObjectMatcher() {
    }

    public static ObjectMatching match(AnalyzedHeap older, AnalyzedHeap newer, CancelSignal cancel) {
        if (older.graph().contentHashes() == null || newer.graph().contentHashes() == null) {
            throw new IllegalArgumentException("objects are matched by their values, which only Java heap dumps have");
        }
        Correspondence c = new Correspondence(older, newer);
        MatchState state = new MatchState(newer.graph().nodeCount(), older.graph().nodeCount());
        ChangedCandidates candidates = new ChangedCandidates();
        Neighbours neighbours = new Neighbours(c, state, candidates);
        ChangeEvidence evidence = new ChangeEvidence(c, state);
        UniqueContent unique = new UniqueContent(c);
        BitSet rejected = new BitSet();
        Anchors.match(c, state);
        neighbours.expandAll(cancel);
        for (int round = 0; round < ROUNDS; round++) {
            Anchors.matchByLoader(c, state);
            unique.match(state);
            neighbours.expandAll(cancel);
            int[] pair = new int[2];
            while (candidates.poll(pair)) {
                cancel.throwIfCanceled();
                int olderNode = pair[0];
                int newerNode = pair[1];
                if (state.isOlderMatched(olderNode) || state.isNewerMatched(newerNode)) {
                    continue;
                }
                if (evidence.sameObject(olderNode, newerNode)) {
                    state.match(olderNode, newerNode, MatchRule.CHANGED);
                    neighbours.expandAll(cancel);
                } else {
                    rejected.set(newerNode);
                }
            }
        }
        unique.pairIdentical(state);
        neighbours.expandAll(cancel);
        for (int node = rejected.nextSetBit(0); node >= 0; node = rejected.nextSetBit(node + 1)) {
            if (!state.isNewerMatched(node)) {
                state.countUndecided();
            }
        }
        return state.result();
    }
}
