package heapscope.parser.analysis.matching;

import static heapscope.parser.analysis.matching.HandDump.intField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.read.hprof.HprofTestWriter.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Anchors} with classes of one name from two class loaders: a name that two class objects share does not say
 * which is which, so neither is anchored by it, while a name of one class object still is.
 */
class AnchorsTest {
    private static final Field[] LOADER = {intField("serial")};

    @TempDir
    Path dir;

    /**
     * Two loaders (held by Roots.first and Roots.second), each defining a class app.Plugin, the first also app.Solo:
     * the class objects' ids, first loader's Plugin, second loader's Plugin, Solo.
     */
    private static long[] plugins(HandDump d) {
        long loaderType = d.type("app.Loader", LOADER);
        long first = d.held("first", d.object(loaderType, 1));
        long second = d.held("second", d.object(loaderType, 2));
        long firstPlugin = d.type("app.Plugin", first, intField("x"));
        long secondPlugin = d.type("app.Plugin", second, intField("y"));
        long solo = d.type("app.Solo", first, intField("z"));
        return new long[] {firstPlugin, secondPlugin, solo};
    }

    @Test
    void aClassNameOfTwoLoadersAnchorsNeitherWhileAClassNameOfOneStillAnchors() {
        HandDump older = HandMatch.olderDump();
        long[] before = plugins(older);
        HandDump newer = HandMatch.newerDump();
        long[] after = plugins(newer);
        HandMatch match = new HandMatch(dir, older, newer);
        assertEquals(before[2], match.olderOf(after[2]), "app.Solo");
        // Not anchored by name: paired with the other loader's class would be wrong, unmatched is what anchors leave.
        assertTrue(match.olderOf(after[0]) == 0 || match.olderOf(after[0]) == before[0], "first loader's app.Plugin");
        assertTrue(match.olderOf(after[1]) == 0 || match.olderOf(after[1]) == before[1], "second loader's app.Plugin");
        // java.lang.Object, Class, String, byte[], app.Roots, app.Loader, app.Solo, and the root and its one group.
        assertEquals(9, match.count(MatchRule.ANCHOR));
    }
}
