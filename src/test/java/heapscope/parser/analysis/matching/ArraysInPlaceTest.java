package heapscope.parser.analysis.matching;

import static heapscope.parser.analysis.matching.HandDump.intField;
import static heapscope.parser.analysis.matching.HandDump.refField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.read.hprof.HprofTestWriter.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two byte arrays held by the same field of one object in both dumps, with different contents: one array changed in
 * place when they have one length (an array's length never changes), else two arrays. A {@code byte[3]} and a
 * {@code byte[4]} take the same aligned bytes, so only the length bits of the arrays' content hashes tell them apart.
 */
class ArraysInPlaceTest {
    private static final Field[] HOLDER = {intField("id"), refField("data")};

    @TempDir
    Path dir;

    /** {@code Roots.holder.data} in both dumps: the matching and both arrays' ids. */
    private record Held(HandMatch match, long olderArray, long newerArray) {
        long selfSize(boolean older) {
            AnalyzedHeap heap = older ? match.olderHeap() : match.newerHeap();
            return heap.graph().nodeSelfSizes().get(HandDump.ordinal(heap, older ? olderArray : newerArray));
        }
    }

    private Held held(byte[] olderData, byte[] newerData) {
        HandDump older = HandMatch.olderDump();
        long olderArray = older.bytes(olderData);
        older.held("holder", older.object(older.type("app.Holder", HOLDER), 7, olderArray));
        HandDump newer = HandMatch.newerDump();
        long newerArray = newer.bytes(newerData);
        newer.held("holder", newer.object(newer.type("app.Holder", HOLDER), 7, newerArray));
        return new Held(new HandMatch(dir, older, newer), olderArray, newerArray);
    }

    @Test
    void anArrayOfTheSameLengthWithAChangedElementIsTheSameArray() {
        Held held = held(new byte[] {1, 2, 3}, new byte[] {1, 2, 9});
        assertEquals(held.olderArray(), held.match().olderOf(held.newerArray()));
    }

    @Test
    void anArrayOneLongerInTheSameBytesIsANewArray() {
        Held held = held(new byte[] {1, 2, 3}, new byte[] {1, 2, 3, 4});
        assertEquals(held.selfSize(true), held.selfSize(false), "the test's premise: sizes alone cannot tell");
        assertEquals(0, held.match().olderOf(held.newerArray()));
    }
}
