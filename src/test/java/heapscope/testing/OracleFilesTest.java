package heapscope.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed oracle files are all there and nothing else is: for every snapshot its summary and statistics, for
 * every series its comparisons, allocation filter, instances and the retainers of exactly those instances, and the
 * named filters of two snapshots (src/test/scripts/v8/make-fixtures.sh makes them all; fixtures/v8/README.md lists
 * them), and the hand-written snapshots' comparison. A partial regeneration fails here by name.
 */
class OracleFilesTest {
    /** Each series: its folder under fixtures/v8, snapshot name prefix, length and leaking class. */
    private record Series(String folder, String prefix, int length, String leakingClass) {
    }

    private static final List<Series> SERIES = List.of(new Series("demo", "leak", 3, "LeakyItem"),
            new Series("leak4", "leak", 4, "LeakyItem"), new Series("listeners", "listeners", 3, "Session"),
            new Series("buffer-cache", "buffer-cache", 3, "CacheEntry"));
    private static final Map<String, List<String>> SINGLE_SNAPSHOTS = Map.of("browser", List.of("detached-dom"),
            "layouts", List.of("worker-base", "no-detachedness", "with-trace-node-id", "locations-4",
                    "extra-header-keys"), "reader", List.of("chromium-worker"), "hand", List.of("interfaces",
                    "interfaces-base", "interfaces-target", "duplicated-strings"));
    private static final List<String> NAMED_FILTERS = List.of("leak4/leak-4", "browser/detached-dom",
            "hand/duplicated-strings");
    /** Comparisons outside the series: the hand-written pair whose target names a property the base lacks. */
    private static final List<String> OTHER_DIFFS = List.of("hand/interfaces-base__interfaces-target");

    @Test
    void everyOracleFileTheScriptMakesIsCommittedAndNoOther() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        for (Series s : SERIES) {
            for (int i = 1; i <= s.length(); i++) {
                expected.add(s.folder() + "/" + s.prefix() + "-" + i + ".summary.json");
                expected.add(s.folder() + "/" + s.prefix() + "-" + i + ".stats.json");
                if (i < s.length()) {
                    expected.add(s.folder() + "/" + s.prefix() + "-" + i + "__" + s.prefix() + "-" + (i + 1)
                            + ".diff.json");
                }
            }
            String last = s.folder() + "/" + s.prefix() + "-" + s.length();
            expected.add(last + ".allocated-1-" + (s.length() - 1) + ".summary.json");
            String instances = last + ".instances-" + s.leakingClass() + ".json";
            expected.add(instances);
            List<Long> ids = Oracle.instanceIds(Fixtures.V8.resolve(instances));
            assertEquals(3, ids.size(), instances);
            for (long id : ids) {
                expected.add(last + ".retainers-" + id + ".json");
            }
        }
        SINGLE_SNAPSHOTS.forEach((folder, names) -> names.forEach(name -> {
            expected.add(folder + "/" + name + ".summary.json");
            expected.add(folder + "/" + name + ".stats.json");
        }));
        OTHER_DIFFS.forEach(pair -> expected.add(pair + ".diff.json"));
        for (String snapshot : NAMED_FILTERS) {
            expected.add(snapshot + ".duplicatedStrings.summary.json");
            expected.add(snapshot + ".objectsRetainedByDetachedDomNodes.summary.json");
        }
        TreeSet<String> committed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Fixtures.V8)) {
            files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz"))
                    .forEach(p -> committed.add(Fixtures.relative(p)));
        }
        assertEquals(expected, committed);
    }

    @Test
    void everySnapshotHasItsSummaryAndStatistics() {
        List<Path> snapshots = Fixtures.v8Snapshots();
        if (!Fixtures.MUTATION_RUN) {
            assertEquals(SERIES.stream().mapToInt(Series::length).sum()
                    + SINGLE_SNAPSHOTS.values().stream().mapToInt(List::size).sum(), snapshots.size());
        }
        for (Path snapshot : snapshots) {
            assertEquals(true, Files.isRegularFile(Fixtures.oracleFile(snapshot, "summary.json")), snapshot.toString());
            assertEquals(true, Files.isRegularFile(Fixtures.oracleFile(snapshot, "stats.json")), snapshot.toString());
        }
    }
}
