package heapscope.parser.analysis.matching;

import heapscope.parser.analysis.AnalyzedHeap;
import java.nio.file.Path;

/**
 * Two hand-written dumps ({@link HandDump}) read and matched by the real {@link ObjectMatcher}, answering by the
 * builder's ids: which object of the older dump an object of the newer dump is. The newer dump's objects get other
 * ids than the older's, as after a garbage collection.
 */
final class HandMatch {
    private final AnalyzedHeap older;
    private final AnalyzedHeap newer;
    private final ObjectMatching matching;

    HandMatch(Path folder, HandDump olderDump, HandDump newerDump) {
        this.older = olderDump.load(folder, "older");
        this.newer = newerDump.load(folder, "newer");
        // A matching of a dozen objects looks at the signal a few times; a mutant that loops is stopped by the count.
        this.matching = ObjectMatcher.match(older, newer, new CountedCancel(1000));
    }

    static HandDump olderDump() {
        return new HandDump(0x10000);
    }

    static HandDump newerDump() {
        return new HandDump(0x80000);
    }

    /** The older dump's id of the object, or 0 when the matching calls it new. */
    long olderOf(long newerId) {
        int older = matching.olderOf(HandDump.ordinal(newer, newerId));
        return older < 0 ? 0 : this.older.graph().nodeId(older);
    }

    long count(MatchRule rule) {
        return matching.count(rule);
    }

    AnalyzedHeap olderHeap() {
        return older;
    }

    AnalyzedHeap newerHeap() {
        return newer;
    }

    ObjectMatching matching() {
        return matching;
    }
}
