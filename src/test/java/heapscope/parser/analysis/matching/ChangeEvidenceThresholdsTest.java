package heapscope.parser.analysis.matching;

import static heapscope.parser.analysis.matching.HandDump.booleanField;
import static heapscope.parser.analysis.matching.HandDump.charField;
import static heapscope.parser.analysis.matching.HandDump.intField;
import static heapscope.parser.analysis.matching.HandDump.refField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.read.hprof.HprofTestWriter.Field;
import java.nio.file.Path;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ChangeEvidence}'s weights at their thresholds: one object held by the same static field in both dumps, with
 * values that differ, decided as one object changed in place or an old object replaced by a new one. Each answer is
 * worked out from the rule: "same" counts 1 (a kept non-default primitive that is not a flag, a kept owned object or
 * an owned array that kept at least half of the shorter's elements), a changed primitive counts 1/2 against it and a
 * changed String 2; the object is kept when same &gt; 0 and 2·same &ge; changed + 4·changedValues, or when fields were
 * only filled in from their defaults.
 */
class ChangeEvidenceThresholdsTest {
    private static final Field[] SESSION = {intField("id"), intField("a"), intField("b"), intField("c"),
        refField("name")};
    private static final long SAME = 1;
    private static final long NEW = 0;

    @TempDir
    Path dir;

    /** Matches a session held by {@code Roots.current} in both dumps; 1 when it is kept, 0 when it is new. */
    private long kept(Field[] fields, ToLongFunction<HandDump> olderSession, ToLongFunction<HandDump> newerSession) {
        HandDump older = HandMatch.olderDump();
        long before = older.held("current", olderSession.applyAsLong(older));
        HandDump newer = HandMatch.newerDump();
        long after = newer.held("current", newerSession.applyAsLong(newer));
        long olderId = new HandMatch(dir, older, newer).olderOf(after);
        if (olderId != 0) {
            assertEquals(before, olderId, "matched to another object");
        }
        return olderId == 0 ? NEW : SAME;
    }

    private long keptSession(long[] olderInts, String olderName, long[] newerInts, String newerName) {
        return kept(SESSION, d -> session(d, olderInts, olderName), d -> session(d, newerInts, newerName));
    }

    private static long session(HandDump d, long[] ints, String name) {
        long type = d.type("app.Session", SESSION);
        return d.object(type, ints[0], ints[1], ints[2], ints[3], name == null ? 0 : d.string(name));
    }

    @Test
    void oneKeptIdOutweighsTwoChangedCountersExactly() {
        // same 1, changed 2: 2 >= 2. The zero field c stays zero and says nothing.
        assertEquals(SAME, keptSession(new long[] {7, 1, 1, 0}, null, new long[] {7, 2, 2, 0}, null));
    }

    @Test
    void oneKeptIdDoesNotOutweighThreeChangedCounters() {
        // same 1, changed 3: 2 < 3.
        assertEquals(NEW, keptSession(new long[] {7, 1, 1, 1}, null, new long[] {7, 2, 2, 2}, null));
    }

    @Test
    void twoKeptFieldsOutweighAChangedNameExactly() {
        // same 2, changed String 1: 4 >= 4.
        assertEquals(SAME, keptSession(new long[] {7, 3, 0, 0}, "ann", new long[] {7, 3, 0, 0}, "bob"));
    }

    @Test
    void twoKeptFieldsDoNotOutweighAChangedNameAndACounter() {
        // same 2, changed 1, changed String 1: 4 < 1 + 4.
        assertEquals(NEW, keptSession(new long[] {7, 3, 1, 0}, "ann", new long[] {7, 3, 2, 0}, "bob"));
    }

    @Test
    void aCounterFilledInFromZeroAloneKeepsTheObject() {
        assertEquals(SAME, keptSession(new long[] {0, 0, 0, 0}, null, new long[] {0, 5, 0, 0}, null));
    }

    @Test
    void aNameFilledInFromNullAloneKeepsTheObject() {
        // All fields default before; only the name was set since (a null reference is no edge): filled in.
        assertEquals(SAME, keptSession(new long[] {0, 0, 0, 0}, null, new long[] {0, 0, 0, 0}, "bob"));
    }

    @Test
    void aNameFilledInBesideAChangedCounterIsANewObject() {
        // filled in 1, changed 1, same 0: nothing says "same".
        assertEquals(NEW, keptSession(new long[] {0, 3, 0, 0}, null, new long[] {0, 4, 0, 0}, "bob"));
    }

    @Test
    void aCounterFilledInBesideAChangedOneIsANewObject() {
        // filled in 1, changed 1, same 0: nothing says "same".
        assertEquals(NEW, keptSession(new long[] {0, 0, 3, 0}, null, new long[] {0, 5, 4, 0}, null));
    }

    @Test
    void aFieldNowHoldingAValueOfAnotherClassSaysNothingSoTheObjectIsNew() {
        // A String before, an Integer after: neither "same" nor "changed" nor filled in; the values differ, so the
        // hashes do and the pair is a candidate, but nothing says it is one object.
        Field[] holder = {intField("zero"), refField("name")};
        long verdict = kept(holder, d -> d.object(d.type("app.Holder", holder), 0, d.string("ann")),
                d -> d.object(d.type("app.Holder", holder), 0, d.integer(5)));
        assertEquals(NEW, verdict);
    }

    @Test
    void aFlagThatStayedSaysNothing() {
        // The flag stayed true: not "same" (half of all objects share a flag). a changed: new.
        Field[] flagged = {booleanField("open"), intField("a")};
        long verdict = kept(flagged, d -> d.object(d.type("app.Flagged", flagged), 1, 1),
                d -> d.object(d.type("app.Flagged", flagged), 1, 2));
        assertEquals(NEW, verdict);
    }

    @Test
    void aCharFilledInFromZeroKeepsTheObject() {
        Field[] lettered = {charField("initial"), intField("a")};
        long verdict = kept(lettered, d -> d.object(d.type("app.Lettered", lettered), 0, 0),
                d -> d.object(d.type("app.Lettered", lettered), 'x', 0));
        assertEquals(SAME, verdict);
    }

    private static final Field[] ENTRY = {refField("key"), intField("x"), intField("y"), intField("z")};

    private static long entry(HandDump d, String key, long x, long y, long z) {
        return entry(d, d.string(key), x, y, z);
    }

    private static long entry(HandDump d, long key, long x, long y, long z) {
        return d.object(d.type("app.Entry", ENTRY), key, x, y, z);
    }

    @Test
    void holdingTheKeyAnotherEntryHeldMakesANewEntryWhateverStayed() {
        // Older: current {a 1 2 3}, second {b 4 5 6}; newer: current {b 1 2 3}. The String b is matched by its text;
        // only the older second held it, so the newer current is the second entry (changed 3 of 3: new) and not the
        // older current, although three fields stayed (same 3 against one changed String would keep it: 6 >= 4).
        HandDump older = HandMatch.olderDump();
        older.held("current", entry(older, "a", 1, 2, 3));
        older.held("second", entry(older, "b", 4, 5, 6));
        HandDump newer = HandMatch.newerDump();
        long after = newer.held("current", entry(newer, "b", 1, 2, 3));
        assertEquals(0, new HandMatch(dir, older, newer).olderOf(after));
    }

    @Test
    void anEntryWhoseOwnKeyWentToAnotherEntryIsANewEntry() {
        // Older: current {a 1 2 3}; newer: current {c 1 2 3}, other {a 7 8 9}. The String a, matched by its text,
        // was only the older current's: that entry's key went to another object, so the newer current is new.
        HandDump older = HandMatch.olderDump();
        older.held("current", entry(older, "a", 1, 2, 3));
        HandDump newer = HandMatch.newerDump();
        long after = newer.held("current", entry(newer, "c", 1, 2, 3));
        newer.held("other", entry(newer, "a", 7, 8, 9));
        assertEquals(0, new HandMatch(dir, older, newer).olderOf(after));
    }

    @Test
    void aSharedKeyThatAnotherEntryNowHoldsIsOnlyAChangedValue() {
        // As above, but Roots.shared holds the same String a too, in both dumps: a key that two objects held
        // identifies neither, so the changed key weighs as a changed String (4) against the three fields that stayed
        // (6): kept.
        HandDump older = HandMatch.olderDump();
        long olderKey = older.held("shared", older.string("a"));
        long before = older.held("current", entry(older, olderKey, 1, 2, 3));
        HandDump newer = HandMatch.newerDump();
        long newerKey = newer.held("shared", newer.string("a"));
        long after = newer.held("current", entry(newer, "c", 1, 2, 3));
        newer.held("other", entry(newer, newerKey, 7, 8, 9));
        assertEquals(before, new HandMatch(dir, older, newer).olderOf(after));
    }

    private static final Field[] LISTED = {intField("id"), intField("a"), intField("b"), intField("c"),
        refField("items")};

    /**
     * A session whose id stayed and whose three counters changed (same 1, changed 3: new on its own), with a list
     * array only it holds, of Strings with these texts: the array decides. 1 when the session is kept.
     */
    private long keptWithItems(String[] olderItems, String[] newerItems) {
        return kept(LISTED, d -> listed(d, 1, olderItems), d -> listed(d, 2, newerItems));
    }

    private static long listed(HandDump d, long counters, String[] items) {
        long type = d.type("app.Listed", LISTED);
        long arrayType = d.arrayType("[Ljava.lang.Object;");
        long[] elements = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            elements[i] = d.string(items[i]);
        }
        return d.object(type, 7, counters, counters, counters, d.array(arrayType, elements));
    }

    @Test
    void anArrayThatGrewKeepingHalfOfItsElementsSaysSame() {
        // 1 of the shorter's 2 found in the longer: 2 >= 2, same 2 against changed 3: 4 >= 3.
        assertEquals(SAME, keptWithItems(new String[] {"a", "b"}, new String[] {"a", "c", "d"}));
    }

    @Test
    void anArrayThatGrewKeepingLessThanHalfSaysNothing() {
        // 1 of 3: 2 < 3. (Five elements, not four: an array of 3 references and one of 4 have one size, 32 bytes,
        // and the matcher tells array lengths by size, so it would pair those two arrays as one.)
        assertEquals(NEW, keptWithItems(new String[] {"a", "b", "c"}, new String[] {"a", "d", "e", "f", "g"}));
    }

    @Test
    void anArrayThatShrankIsJudgedByTheShorterNewerOne() {
        // The newer array is the shorter: 1 of its 2 elements is in the older 4: 2 >= 2. Judged by the older
        // one's 4, it would be 1 of 4.
        assertEquals(SAME, keptWithItems(new String[] {"a", "b", "c", "d"}, new String[] {"a", "e"}));
    }

    @Test
    void anEmptyArrayKeptNothingOfItself() {
        assertEquals(NEW, keptWithItems(new String[0], new String[] {"a"}));
    }

    @Test
    void aFlagSetFromFalseAloneKeepsTheObject() {
        // false is a flag's default, as 0 is a counter's: a connection that only opened is filled in, not changed.
        Field[] flagged = {booleanField("open"), intField("a")};
        long verdict = kept(flagged, d -> d.object(d.type("app.Flagged", flagged), 0, 0),
                d -> d.object(d.type("app.Flagged", flagged), 1, 0));
        assertEquals(SAME, verdict);
    }

    @Test
    void ofTwoArraysOfOneLengthTheOlderIsLookedForInTheNewer() {
        // a a b against a c d: 2 of the older's 3 found in the newer (4 >= 3), though only 1 of the newer's 3 is in
        // the older. (No element is matched before the session is decided: a is not unique, b, c, d are each in one
        // dump only, so the arrays are not paired first.)
        assertEquals(SAME, keptWithItems(new String[] {"a", "a", "b"}, new String[] {"a", "c", "d"}));
    }

    @Test
    void anElementFoundFirstInTheLongerArrayCounts() {
        // a against a a: the one element is found in the longer array (at its first sorted place): 2 >= 1, kept.
        assertEquals(SAME, keptWithItems(new String[] {"a"}, new String[] {"a", "a"}));
    }

    @Test
    void onlyTheShortersFirst1024ElementsAreLookedFor() {
        // Older: 1,024 Strings the newer array holds too, then 1,025 of its own; newer: the 1,024, then 1,100 of its
        // own. The older is the shorter; its first 1,024 elements are all found: similar, kept. (All 2,049 looked
        // for would be 1,024 found of 2,049: not similar, new.)
        assertEquals(SAME, keptWithItems(texts(1024, "o", 1025), texts(1024, "n", 1100)));
    }

    /** {@code common} texts c0, c1, ..., then {@code own} texts with the given prefix. */
    private static String[] texts(int common, String prefix, int own) {
        String[] texts = new String[common + own];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = i < common ? "c" + i : prefix + (i - common);
        }
        return texts;
    }
}
