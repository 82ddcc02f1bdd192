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
import java.util.stream.Stream;

/**
 * The committed real snapshots (made by src/test/scripts/) and the DevTools-oracle JSON beside them. The demo series
 * lives in the app's resources; its oracle files live under fixtures/v8/demo/. Loaded heaps are cached per file, unless
 * the system property {@code heapscope.fixtures.cache} is {@code off}: the mutation run (pom.xml, profile mutation)
 * swaps mutated engine classes into one JVM test after test, and a heap cached before the swap would hide the mutant.
 */
public final class Fixtures {
    public static final Path V8 = Path.of("src/test/resources/fixtures/v8");
    public static final Path DEMO = Path.of("src/main/resources/demo");
    private static final Map<Path, AnalyzedHeap> LOADED = new ConcurrentHashMap<>();
    private static final boolean CACHED = !"off".equals(System.getProperty("heapscope.fixtures.cache"));

    private Fixtures() {
    }

    /** Every V8 snapshot fixture, the demo series included. */
    public static List<Path> v8Snapshots() {
        try (Stream<Path> fixtures = Files.walk(V8); Stream<Path> demo = Files.list(DEMO)) {
            return Stream.concat(fixtures, demo).filter(p -> p.toString().endsWith(".heapsnapshot.gz")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The oracle file {@code <name>.<suffix>} that belongs to a snapshot. */
    public static Path oracleFile(Path snapshot, String suffix) {
        String name = snapshot.getFileName().toString().replace(".heapsnapshot.gz", "." + suffix);
        Path beside = snapshot.resolveSibling(name);
        return Files.exists(beside) ? beside : V8.resolve("demo").resolve(name);
    }

    public static AnalyzedHeap load(Path file) {
        Path path = file.toAbsolutePath().normalize();
        return CACHED ? LOADED.computeIfAbsent(path, Fixtures::loadNow) : loadNow(path);
    }

    private static AnalyzedHeap loadNow(Path path) {
        try {
            return HeapLoader.load(path, ProgressListener.NO_OP, CancelSignal.NEVER);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load fixture " + path, e);
        }
    }
}
