package heapscope.parser.analysis.matching;

/**
 * Which object of an older dump each object of a newer dump of the same process is, as {@link ObjectMatcher} found
 * it: the older object's ordinal, or -1 for an object that is new since the older dump. Objects of the older dump that
 * no newer object matches are gone (collected) since. Immutable; thread-safe. No IO.
 */
public final class ObjectMatching {
    private final int[] olderByNewer;
    private final long[] countByRule;
    private final int olderNodeCount;
    private final long matchedCount;
    private final long undecidedCount;

    ObjectMatching(int[] olderByNewer, long[] countByRule, int olderNodeCount, long undecidedCount) {
        this.olderByNewer = olderByNewer;
        this.countByRule = countByRule.clone();
        this.olderNodeCount = olderNodeCount;
        this.undecidedCount = undecidedCount;
        long matched = 0;
        for (long count : countByRule) {
            matched += count;
        }
        this.matchedCount = matched;
    }

    /** The older dump's ordinal of the same object, or -1 when the object is new. */
    public int olderOf(int newerOrdinal) {
        return olderByNewer[newerOrdinal];
    }

    public int newerNodeCount() {
        return olderByNewer.length;
    }

    public int olderNodeCount() {
        return olderNodeCount;
    }

    /** Objects of the newer dump matched to an older object. */
    public long matchedCount() {
        return matchedCount;
    }

    /** Objects of the newer dump matched by {@code rule}. */
    public long count(MatchRule rule) {
        return countByRule[rule.ordinal()];
    }

    /**
     * Objects left new although an older object of their class sat in their place with other values, and nothing
     * showed whether it had changed in place or been replaced (a counter with one field, say): decided, not known.
     */
    public long undecidedCount() {
        return undecidedCount;
    }

    /**
     * Objects whose match or non-match was decided by order or by default rather than by evidence: the
     * {@link MatchRule#TIE_BREAK} matches and the {@link #undecidedCount()} objects left new.
     */
    public long tieBreakCount() {
        return count(MatchRule.TIE_BREAK) + undecidedCount;
    }

    /** Bytes the result holds. */
    public long retainedBytes() {
        return 4L * olderByNewer.length;
    }
}
