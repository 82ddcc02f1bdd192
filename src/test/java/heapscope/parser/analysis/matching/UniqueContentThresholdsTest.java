package heapscope.parser.analysis.matching;

import static heapscope.parser.analysis.matching.HandDump.intField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.read.hprof.HprofTestWriter.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UniqueContent}: which classes' values identify their objects (at least half of a class's objects distinct,
 * and more than one value unless there is one object), judged in each dump, at that threshold. A tag that moved from
 * one static to another cannot be found from where it was: a class whose values identify its objects has it matched
 * by its unique value ({@link MatchRule#CONTENT}); otherwise it is paired only as the last tie-break
 * ({@link MatchRule#TIE_BREAK}), a guess the Comparison counts apart. The dumps hold no Strings, so every CONTENT
 * match is a tag's.
 */
class UniqueContentThresholdsTest {
    private static final Field[] TAG = {intField("value")};

    @TempDir
    Path dir;

    /**
     * Tags held by Roots.stay0, stay1, ... with these values in each dump, and one more of value 99 held by Roots.was
     * in the older dump and by Roots.now in the newer: the rule that matched the moved tag.
     */
    private MatchRule ruleForTheMovedTag(int[] olderStaying, int[] newerStaying) {
        HandDump older = HandMatch.olderDump();
        long moved = older.held("was", tags(older, olderStaying));
        HandDump newer = HandMatch.newerDump();
        long after = newer.held("now", tags(newer, newerStaying));
        HandMatch match = new HandMatch(dir, older, newer);
        assertEquals(moved, match.olderOf(after));
        long content = match.count(MatchRule.CONTENT);
        long tieBreaks = match.count(MatchRule.TIE_BREAK);
        assertEquals(1, content + tieBreaks, "the moved tag alone is matched by neither place nor holder");
        return content == 1 ? MatchRule.CONTENT : MatchRule.TIE_BREAK;
    }

    /** Writes the staying tags and returns a new tag of value 99 (not yet held). */
    private static long tags(HandDump d, int[] staying) {
        long type = d.type("app.Tag", TAG);
        for (int i = 0; i < staying.length; i++) {
            d.held("stay" + i, d.object(type, staying[i]));
        }
        return d.object(type, 99);
    }

    @Test
    void aClassOfOneObjectIdentifiesIt() {
        assertEquals(MatchRule.CONTENT, ruleForTheMovedTag(new int[0], new int[0]));
    }

    @Test
    void twoObjectsOfOneValueIdentifyNeither() {
        // 2 tags, both of value 99: 1 distinct value of 2 objects says nothing of which is which.
        assertEquals(MatchRule.TIE_BREAK, ruleForTheMovedTag(new int[] {99}, new int[] {99}));
    }

    @Test
    void twoDistinctValuesOfFourObjectsIdentifyThem() {
        // 4 tags (1, 1, 1 staying; 99 moved), 2 distinct: 2 * 2 >= 4.
        assertEquals(MatchRule.CONTENT, ruleForTheMovedTag(new int[] {1, 1, 1}, new int[] {1, 1, 1}));
    }

    @Test
    void twoDistinctValuesOfFiveObjectsDoNotIdentifyThem() {
        // 5 tags, 2 distinct: 4 < 5.
        assertEquals(MatchRule.TIE_BREAK, ruleForTheMovedTag(new int[] {1, 1, 1, 1}, new int[] {1, 1, 1, 1}));
    }

    @Test
    void aClassMustIdentifyItsObjectsInTheNewerDumpToo() {
        // Older: 1 and 99 (identifying); newer: 1, 1, 1, 1 and 99, three tags of value 1 new (not identifying).
        assertEquals(MatchRule.TIE_BREAK, ruleForTheMovedTag(new int[] {1}, new int[] {1, 1, 1, 1}));
    }

    @Test
    void aClassMustIdentifyItsObjectsInTheOlderDumpToo() {
        assertEquals(MatchRule.TIE_BREAK, ruleForTheMovedTag(new int[] {1, 1, 1, 1}, new int[] {1}));
    }

    @Test
    void distinctValuesAreCountedWhateverOrderTheObjectsComeIn() {
        // 7 tags (1, 2, 1, 1, 1, 1 staying; 99 moved), 3 distinct: 6 < 7, not identifying. In dump order the value
        // changes 4 times (1, 2, 1, 99), which counted as distinct values would make it identifying.
        assertEquals(MatchRule.TIE_BREAK, ruleForTheMovedTag(new int[] {1, 2, 1, 1, 1, 1}, new int[] {1, 2, 1, 1, 1, 1}));
    }

    @Test
    void anArrayOfNoValuesThatMovedIsNotFoundByItsLength() {
        // Object[2] of nulls, moved from Roots.was to Roots.now: its content hash is its length alone, which says
        // nothing of which array it is, so it is new (neither by unique content nor as a tie-break). The array
        // written next holds a String: it stays where it was.
        HandDump older = HandMatch.olderDump();
        long[] before = nullsThenAStringArray(older, "was");
        HandDump newer = HandMatch.newerDump();
        long[] after = nullsThenAStringArray(newer, "now");
        HandMatch match = new HandMatch(dir, older, newer);
        assertEquals(0, match.olderOf(after[0]));
        assertEquals(before[1], match.olderOf(after[1]), "the array of a String");
    }

    /**
     * An Object[2] of nulls held by the static {@code nullsHeldBy}, and right after it in the dump an Object[] holding
     * a String, held by Roots.other: their ids.
     */
    private static long[] nullsThenAStringArray(HandDump d, String nullsHeldBy) {
        long arrayType = d.arrayType("[Ljava.lang.Object;");
        long text = d.string("s");
        long nulls = d.held(nullsHeldBy, d.array(arrayType, 0, 0));
        return new long[] {nulls, d.held("other", d.array(arrayType, text))};
    }
}
