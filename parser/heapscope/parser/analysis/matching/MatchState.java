package heapscope.parser.analysis.matching;

import com.carrotsearch.hppc.IntArrayList;
import java.util.Arrays;

/**
 * The matching as it grows: which older object each newer object is (and back), why, and the matched pairs whose
 * neighbours are still to be looked at. Single-threaded. No IO.
 *
 * <p>Memory: 9 bytes per newer object (older ordinal, rule) and 4 per older object (newer ordinal), plus the queue.
 */
final class MatchState {
    private final int[] olderByNewer;
    private final int[] newerByOlder;
    private final byte[] ruleByNewer;
    /** Newer objects matched but not yet expanded, in the order they were matched (breadth first from the anchors). */
    private final IntArrayList pending = new IntArrayList();
    private int pendingHead;
    private long undecided;

    MatchState(int newerCount, int olderCount) {
        olderByNewer = new int[newerCount];
        newerByOlder = new int[olderCount];
        ruleByNewer = new byte[newerCount];
        Arrays.fill(olderByNewer, -1);
        Arrays.fill(newerByOlder, -1);
    }

    boolean isNewerMatched(int newer) {
        return olderByNewer[newer] >= 0;
    }

    boolean isOlderMatched(int older) {
        return newerByOlder[older] >= 0;
    }

    int olderOf(int newer) {
        return olderByNewer[newer];
    }

    int newerOf(int older) {
        return newerByOlder[older];
    }

    /** Records the pair and queues it for expansion; false (and nothing done) when either side is already taken. */
    boolean match(int older, int newer, MatchRule rule) {
        if (olderByNewer[newer] >= 0 || newerByOlder[older] >= 0) {
            return false;
        }
        olderByNewer[newer] = older;
        newerByOlder[older] = newer;
        ruleByNewer[newer] = (byte) rule.ordinal();
        pending.add(newer);
        return true;
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
        }
        return newer;
    }

    /** Counts a candidate left unmatched for want of evidence either way. */
    void countUndecided() {
        undecided++;
    }

    ObjectMatching result() {
        return new ObjectMatching(olderByNewer, ruleByNewer, newerByOlder.length, undecided);
    }
}
