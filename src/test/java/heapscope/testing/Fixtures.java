package heapscope.testing;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The committed real snapshots (made by src/test/scripts/) and the DevTools-oracle JSON beside them. The demo series
 * lives in the app's resources; its oracle files live under fixtures/v8/demo/. Loaded heaps are cached per file.
 *
 * <p>The mutation run (pom.xml, profile {@code mutation}) sets {@code heapscope.fixtures=mutation}: PIT swaps
 * mutated engine classes into one JVM test after test, so nothing is cached (a heap analysed before the swap would
 * hide the mutant), and the oracle tests run on the files {@link #inMutationSubset} names, one fixture of each
 * kind, so that a mutant that survives costs seconds, not minutes.
 */
public final class Fixtures {
    public static final Path V8 = Path.of("src/test/resources/fixtures/v8");
    public static final Path DEMO = Path.of("src/main/resources/demo");
    /** The committed JDK 25 dump of SmallFixture.java (beside it), whose objects the Java view tests know. */
    public static final Path JDK25_SMALL = Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz");
    /** Whether this is the mutation run (see the class comment). */
    public static final boolean MUTATION_RUN = "mutation".equals(System.getProperty("heapscope.fixtures"));
    private static final Map<Path, AnalyzedHeap> LOADED = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /**
     * Whether the mutation run checks this oracle file (a path under {@link #V8}): a small Chromium worker (summary,
     * statistics), the detached-DOM page (summary, statistics, named filters), the hand-written snapshots (a few
     * dozen nodes each, every one on a boundary), and of the Node leak series one comparison, the allocation filter,
     * the LeakyItem instances and the retainer path of the first of them.
     */
    static boolean inMutationSubset(String path) {
        return path.startsWith("layouts/worker-base.") || path.startsWith("browser/detached-dom.")
                || path.startsWith("hand/")
                || path.equals("leak4/leak-3__leak-4.diff.json") || path.equals("leak4/leak-4.allocated-1-3.summary.json")
                || path.equals("leak4/leak-4.instances-LeakyItem.json")
                || path.equals("leak4/leak-4.retainers-"
                        + Oracle.instanceIds(V8.resolve("leak4/leak-4.instances-LeakyItem.json")).get(0) + ".json");
    }

    /** Every V8 snapshot fixture, the demo series included (only {@link #inMutationSubset}'s in the mutation run). */
    public static List<Path> v8Snapshots() {
        try (Stream<Path> fixtures = Files.walk(V8); Stream<Path> demo = Files.list(DEMO)) {
            List<Path> all = Stream.concat(fixtures, demo).filter(p -> p.toString().endsWith(".heapsnapshot.gz"))
                    .sorted().toList();
            return MUTATION_RUN ? all.stream().filter(p -> inMutationSubset(relative(oracleFile(p,
                    "summary.json")))).toList() : all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every committed oracle file whose name ends with {@code suffix} and passes {@code kind}; fails unless there are
     * {@code expected} of them, so that a fixture regenerated in part fails loudly instead of halving a test. In the
     * mutation run, only those in {@link #inMutationSubset}.
     */
    public static List<Path> oracleFiles(String suffix, Predicate<String> kind, int expected) {
        List<Path> found;
        try (Stream<Path> files = Files.walk(V8)) {
            found = files.filter(p -> p.getFileName().toString().endsWith(suffix)
                    && kind.test(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.size() != expected) {
            throw new IllegalStateException("expected " + expected + " oracle files *" + suffix + " under " + V8
                    + ", found " + found.size() + " (regenerate with src/test/scripts/v8/make-fixtures.sh): " + found);
        }
        return MUTATION_RUN ? found.stream().filter(p -> inMutationSubset(relative(p))).toList() : found;
    }

    /** A path under {@link #V8} as {@code folder/name}. */
    public static String relative(Path oracleFile) {
        return V8.relativize(oracleFile).toString().replace('\\', '/');
    }

    /** The oracle file {@code <name>.<suffix>} that belongs to a snapshot. */
    public static Path oracleFile(Path snapshot, String suffix) {
        String name = snapshot.getFileName().toString().replace(".heapsnapshot.gz", "." + suffix);
        Path beside = snapshot.resolveSibling(name);
        return Files.exists(beside) ? beside : V8.resolve("demo").resolve(name);
    }

    /** The file analysed, from the cache outside the mutation run. */
    public static AnalyzedHeap load(Path file) {
        Path path = file.toAbsolutePath().normalize();
        return MUTATION_RUN ? loadNow(path) : LOADED.computeIfAbsent(path, Fixtures::loadNow);
    }

    private static AnalyzedHeap loadNow(Path path) {
        try {
            return HeapLoader.load(path, ProgressListener.NO_OP, CancelSignal.NEVER);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load fixture " + path, e);
        }
    }
}
