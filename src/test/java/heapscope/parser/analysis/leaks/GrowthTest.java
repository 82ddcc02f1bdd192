package heapscope.parser.analysis.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The rule that decides whether a retained size kept growing, on series worked out by hand: a step rises or falls
 * only beyond 1 % of the size before it and at least 256 bytes; an unknown size (-1) counts as 0; the growth is the
 * last size minus the first known one.
 */
class GrowthTest {
    @Test
    void aStepWithinTheToleranceIsFlat() {
        // 256 more on 1,000 is within the 256-byte floor; 257 more is a rise. 1 % of 100,000 is 1,000.
        assertEquals(new Growth(0, false, 256), Growth.of(new long[] {1_000, 1_256}));
        assertEquals(new Growth(1, false, 257), Growth.of(new long[] {1_000, 1_257}));
        assertEquals(new Growth(0, false, 1_000), Growth.of(new long[] {100_000, 101_000}));
        assertEquals(new Growth(1, false, 1_001), Growth.of(new long[] {100_000, 101_001}));
        assertEquals(new Growth(0, false, 0), Growth.of(new long[] {100_000, 99_000}));
        assertEquals(new Growth(0, true, 0), Growth.of(new long[] {100_000, 98_999}));
        assertEquals(new Growth(0, true, 0), Growth.of(new long[] {1_000, 743}));
        assertEquals(new Growth(0, false, 0), Growth.of(new long[] {1_000, 744}));
    }

    @Test
    void unknownSizesCountAsNothingAndTheGrowthStartsAtTheFirstKnown() {
        // -1, 300, 900: the first step rises from 0 to 300 (beyond 256), the second from 300 to 900.
        Growth growth = Growth.of(new long[] {-1, 300, 900});
        assertEquals(new Growth(2, false, 600), growth);
        assertEquals(new Growth(1, false, 0), Growth.of(new long[] {-1, -1, 5_000}), "first known 5,000, last 5,000");
        // A known size of 0 is the first known one.
        assertEquals(new Growth(1, false, 5_000), Growth.of(new long[] {0, 5_000}));
        // Shrinking overall is no growth.
        assertEquals(new Growth(0, true, 0), Growth.of(new long[] {10_000, 5_000}));
    }

    @Test
    void keptMeansTwoRisesAndNoFallEveryStepMeansARiseInEach() {
        Growth twoOfThree = Growth.of(new long[] {1_000, 2_000, 2_000, 3_000});
        assertEquals(2, twoOfThree.rises());
        assertTrue(twoOfThree.kept(4));
        assertFalse(twoOfThree.everyStep(4));
        Growth oneOfThree = Growth.of(new long[] {1_000, 2_000, 2_000, 2_000});
        assertFalse(oneOfThree.kept(4));
        Growth everyStep = Growth.of(new long[] {1_000, 2_000, 3_000, 4_000});
        assertTrue(everyStep.kept(4));
        assertTrue(everyStep.everyStep(4));
        Growth withAFall = Growth.of(new long[] {1_000, 2_000, 1_000, 4_000});
        assertFalse(withAFall.kept(4));
        assertFalse(withAFall.everyStep(4));
        // Two snapshots: the one step is enough.
        assertTrue(Growth.of(new long[] {1_000, 2_000}).kept(2));
        assertTrue(Growth.of(new long[] {1_000, 2_000}).everyStep(2));
        assertFalse(Growth.of(new long[] {1_000, 1_000}).kept(2));
    }
}
