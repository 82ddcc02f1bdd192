package heapscope.parser.analysis.matching;

import com.carrotsearch.hppc.IntArrayList;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The matching as it grows: which older object each newer object is (and which older objects are taken), how many were matched by each rule,
 * and the matched pairs whose neighbours are still to be looked at. Single-threaded. No IO.
 *
 * <p>Memory: 4 bytes per newer object (its older ordinal) and a bit per older object, plus the queue.
 */
final class MatchState {
    private final int[] olderByNewer;
    private final BitSet matchedOlder;
    private final int olderCount;
    private final long[] countByRule = new long[MatchRule.values().length];
    /** Newer objects matched but not yet expanded, in the order they were matched (breadth first from the anchors). */
    private final IntArrayList pending = new IntArrayList();
    private int pendingHead;
    private long undecided;

    MatchState(int newerCount, int olderCount) {
        olderByNewer = new int[newerCount];
        this.matchedOlder = new BitSet(olderCount);
        this.olderCount = olderCount;
        Arrays.fill(olderByNewer, -1);
    }

    boolean isNewerMatched(int newer) {
        return olderByNewer[newer] >= 0;
    }

    boolean isOlderMatched(int older) {
        return matchedOlder.get(older);
    }

    int olderOf(int newer) {
        return olderByNewer[newer];
    }

    /** Records the pair and queues it for expansion; does nothing when either side is already taken. */
    void match(int older, int newer, MatchRule rule) {
        if (olderByNewer[newer] >= 0 || matchedOlder.get(older)) {
            return;
        }
        olderByNewer[newer] = older;
        matchedOlder.set(older);
        countByRule[rule.ordinal()]++;
        pending.add(newer);
    }

    boolean hasPending() {
        return pendingHead < pending.size();
    }

    /** The next matched newer object to expand. */
    int nextPending() {
        int newer = pending.get(pendingHead++);
        if (pendingHead == pending.size()) {
            pending.clear();
            pendingHead = 0;
        } else if (pendingHead >= 1 << 16 && pendingHead > pending.size() / 2) {
            pending.removeRange(0, pendingHead); // keep the queue as long as what is left in it
            pendingHead = 0;
        }
        return newer;
    }

    /** Counts a candidate left unmatched for want of evidence either way. */
    void countUndecided() {
        undecided++;
    }

    ObjectMatching result() {
        return new ObjectMatching(olderByNewer, countByRule, olderCount, undecided);
    }
}
