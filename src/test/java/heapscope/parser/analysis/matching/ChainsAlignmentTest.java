package heapscope.parser.analysis.matching;

import static heapscope.parser.analysis.matching.HandDump.intField;
import static heapscope.parser.analysis.matching.HandDump.refField;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.read.hprof.HprofTestWriter.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Chains}: the links of a hand-made stack ({@code app.Stack.top}, then {@code app.Link.next}) whose top
 * changed, paired along the chain. A link's values are three ints, so links of one value are identical to the
 * matcher; links of different values differ in all three, so a changed top is never taken for one link changed in
 * place (1 reference kept against 3 fields changed). Each test gives the links' values in both dumps, top first, and
 * checks which older link each newer link is (its position in the older chain, or -1 for a new link).
 */
class ChainsAlignmentTest {
    private static final Field[] STACK = {refField("top")};
    private static final Field[] LINK = {intField("a"), intField("b"), intField("c"), refField("next")};

    @TempDir
    Path dir;

    private int[] olderPositions(int[] olderValues, int[] newerValues) {
        return olderPositions(olderValues, newerValues, new HandMatch[1]);
    }

    /** As above; puts the matching into {@code match[0]}. */
    private int[] olderPositions(int[] olderValues, int[] newerValues, HandMatch[] match) {
        HandDump older = HandMatch.olderDump();
        long[] olderLinks = stack(older, olderValues);
        HandDump newer = HandMatch.newerDump();
        long[] newerLinks = stack(newer, newerValues);
        match[0] = new HandMatch(dir, older, newer);
        int[] positions = new int[newerLinks.length];
        for (int i = 0; i < newerLinks.length; i++) {
            long olderId = match[0].olderOf(newerLinks[i]);
            positions[i] = -1;
            for (int k = 0; k < olderLinks.length; k++) {
                if (olderLinks[k] == olderId) {
                    positions[i] = k;
                }
            }
        }
        return positions;
    }

    /** A stack held by Roots.stack whose links have these values, top first; returns the links, top first. */
    private static long[] stack(HandDump d, int[] values) {
        long stackType = d.type("app.Stack", STACK);
        long linkType = d.type("app.Link", LINK);
        long[] links = new long[values.length];
        long next = 0;
        for (int i = values.length - 1; i >= 0; i--) {
            next = d.object(linkType, values[i], values[i], values[i], next);
            links[i] = next;
        }
        d.held("stack", d.object(stackType, next));
        return links;
    }

    @Test
    void aLinkPushedOnTopOfAnIdenticalOneLeavesTheBottomLinkWhereItWas() {
        // Older: 1, 2. Pop 1, push another 2: newer 2, 2. The older 2 is the newer bottom link, the newer top is new.
        // (The longest common subsequence alone pairs the older 2 with the first newer 2 it meets: the top.)
        assertArrayEquals(new int[] {-1, 1}, olderPositions(new int[] {1, 2}, new int[] {2, 2}));
    }

    @Test
    void linksKeptInTheMiddleArePairedAlongTheChainWhateverChangedAtBothEnds() {
        // Older 1 2 3 4 5, newer 6 2 3 4 7: the top and the bottom were replaced. The longest common subsequence of
        // the two chains is 2 3 4, paired through the chain (ELEMENT); 6 and 7 are new (3 fields changed each).
        HandMatch[] match = new HandMatch[1];
        assertArrayEquals(new int[] {-1, 1, 2, 3, -1},
                olderPositions(new int[] {1, 2, 3, 4, 5}, new int[] {6, 2, 3, 4, 7}, match));
        assertEquals(3, match[0].count(MatchRule.ELEMENT));
    }

    @Test
    void aLinkInsertedAndOneRemovedInTheMiddleShiftNothing() {
        // Older 1 2 3 4 5 6, newer 7 2 8 4 5 9: 3 replaced by 8 in the middle.
        HandMatch[] match = new HandMatch[1];
        assertArrayEquals(new int[] {-1, 1, -1, 3, 4, -1},
                olderPositions(new int[] {1, 2, 3, 4, 5, 6}, new int[] {7, 2, 8, 4, 5, 9}, match));
        assertEquals(3, match[0].count(MatchRule.ELEMENT));
    }

    @Test
    void poppingTheTopLeavesEveryOtherLinkWhereItWas() {
        // Older 1 2 2, newer 2 2: the whole newer chain is the older one's tail.
        assertArrayEquals(new int[] {1, 2}, olderPositions(new int[] {1, 2, 2}, new int[] {2, 2}));
    }

    @Test
    void aPushLeavesTheWholeOlderStackBelowTheNewTop() {
        // Older 1 2, newer 3 1 2: the older chain is the newer one's tail, its first link included.
        assertArrayEquals(new int[] {-1, 0, 1}, olderPositions(new int[] {1, 2}, new int[] {3, 1, 2}));
    }

    @Test
    void aNewerChainUsedUpBeforeTheOlderOneEndsTheAlignment() {
        // Older 1 2 3 9, newer 6 2: the alignment pairs 2 with 2 and has no newer link left for 3 and 9.
        assertArrayEquals(new int[] {-1, 1}, olderPositions(new int[] {1, 2, 3, 9}, new int[] {6, 2}));
    }
}
