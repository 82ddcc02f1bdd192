package heapscope.parser.analysis.matching;

import static heapscope.parser.analysis.matching.HandDump.intField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.read.hprof.HprofTestWriter.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Anchors} with classes of one name from two class loaders: a name that two class objects share does not say
 * which is which, so neither is anchored by it alone, while a name of one class object still is; once the loaders are
 * matched (here through the statics that hold them), each loader's class of that name is matched to its own.
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
    void eachLoadersClassOfASharedNameIsMatchedToThatLoadersClass() {
        HandDump older = HandMatch.olderDump();
        long[] before = plugins(older);
        HandDump newer = HandMatch.newerDump();
        long[] after = plugins(newer);
        HandMatch match = new HandMatch(dir, older, newer);
        assertEquals(before[2], match.olderOf(after[2]), "app.Solo");
        assertEquals(before[0], match.olderOf(after[0]), "the first loader's app.Plugin");
        assertEquals(before[1], match.olderOf(after[1]), "the second loader's app.Plugin");
        // By name: java.lang.Object, Class, String, byte[], app.Roots, app.Loader, app.Solo, the root and its one
        // group; by name and loader: the two app.Plugin.
        assertEquals(11, match.count(MatchRule.ANCHOR));
    }

    @Test
    void aSharedNameWhoseLoadersChangedPlacesFollowsTheLoaders() {
        // The newer dump's Roots.first holds the loader of serial 2: the loaders are matched by their values (serial 1
        // is serial 1 wherever it is held), and so are their classes.
        HandDump older = HandMatch.olderDump();
        long[] before = plugins(older);
        HandDump newer = HandMatch.newerDump();
        long loaderType = newer.type("app.Loader", LOADER);
        long second = newer.held("first", newer.object(loaderType, 2));
        long first = newer.held("second", newer.object(loaderType, 1));
        long secondPlugin = newer.type("app.Plugin", second, intField("y"));
        long firstPlugin = newer.type("app.Plugin", first, intField("x"));
        HandMatch match = new HandMatch(dir, older, newer);
        assertEquals(before[0], match.olderOf(firstPlugin), "the first loader's app.Plugin");
        assertEquals(before[1], match.olderOf(secondPlugin), "the second loader's app.Plugin");
    }
}
