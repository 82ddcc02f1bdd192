package heapscope.leaks.programs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import heapscope.leaks.programs.classloader.ClassLoaderLeak;
import heapscope.leaks.programs.common.PhaseDumps;
import heapscope.leaks.programs.listeners.ListenerLeak;
import heapscope.leaks.programs.staticmap.StaticMapLeak;
import heapscope.leaks.programs.steady.SteadyLru;
import heapscope.leaks.programs.steady.SteadyLruRuntimeWarmup;
import heapscope.leaks.programs.threadlocal.ThreadLocalLeak;
import heapscope.leaks.programs.uniquekey.UniqueKeyCacheLeak;
import heapscope.testing.Jdks;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The leak programs: real programs that leak (or do not) in known ways, each writing a series of
 * {@value PhaseDumps#PHASES} snapshots of its own heap, with the truth about them ({@link #truth()}). Java programs
 * run in a child JVM from the test classes; Node programs run under {@code node --expose-gc} from the PATH (a test
 * that runs one is skipped, with a message, where Node is missing). Runs write only into the folder given. See
 * src/test/resources/programs/leaks/README.md.
 */
public enum LeakProgram {
    JAVA_STATIC_MAP("java-static-map", StaticMapLeak.class),
    JAVA_LISTENERS("java-listeners", ListenerLeak.class),
    JAVA_THREAD_LOCAL("java-thread-local", ThreadLocalLeak.class),
    JAVA_UNIQUE_KEY_CACHE("java-unique-key-cache", UniqueKeyCacheLeak.class),
    JAVA_CLASS_LOADER("java-class-loader", ClassLoaderLeak.class),
    JAVA_STEADY_LRU("java-steady-lru", SteadyLru.class),
    JAVA_STEADY_LRU_RUNTIME_WARMUP("java-steady-lru-runtime-warmup", SteadyLruRuntimeWarmup.class),
    NODE_CLOSURE("node-closure", null),
    NODE_LISTENERS("node-listeners", null),
    NODE_RESPONSE_CACHE("node-response-cache", null),
    NODE_STEADY_LRU("node-steady-lru", null);

    /** The folder of the Node programs, the truth files and the README, from the repository root. */
    public static final Path FOLDER = Path.of("src/test/resources/programs/leaks");
    /** The heap of a Java program's JVM: small, as the dumps are meant to be. */
    static final String JAVA_HEAP = "-Xmx128m";
    private static final long TIMEOUT_SECONDS = 180;

    private final String id;
    private final Class<?> mainClass;
    /** The run {@link #snapshots()} shares, once made. */
    private List<Path> sharedRun;

    LeakProgram(String id, Class<?> mainClass) {
        this.id = id;
        this.mainClass = mainClass;
    }

    /** The program with this id ({@code java-static-map}, {@code node-closure}, ...). */
    public static LeakProgram byId(String id) {
        return Stream.of(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no leak program " + id));
    }

    public String id() {
        return id;
    }

    public boolean isJava() {
        return mainClass != null;
    }

    /** The truth about this program, from {@code <id>.truth.json}. */
    public ProgramTruth truth() {
        return ProgramTruth.read(FOLDER.resolve(id + ".truth.json"));
    }

    /**
     * The program's snapshots from one run on the JDK running the tests, made the first time a test asks and shared by
     * every test of this JVM (in a temporary folder deleted when the JVM ends): the truth's check and the leak
     * report's read the same run. Skips the calling test where Node is needed and missing.
     */
    public synchronized List<Path> snapshots() throws IOException, InterruptedException {
        if (sharedRun == null) {
            Path dir = Files.createTempDirectory("heapscope-" + id);
            sharedRun = run(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path snapshot : sharedRun) {
                    snapshot.toFile().delete();
                }
                dir.toFile().delete();
            }));
        }
        return sharedRun;
    }

    /**
     * Runs the program (a Java one on the JDK running the tests) into {@code dir} and returns its snapshots, oldest
     * first. Skips the calling test where Node is needed and missing.
     */
    public List<Path> run(Path dir) throws IOException, InterruptedException {
        return run(dir, Jdks.current());
    }

    /** Runs the program, a Java one on the JDK at {@code javaHome}, into {@code dir}; returns its snapshots. */
    public List<Path> run(Path dir, Path javaHome) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> command = isJava() ? javaCommand(javaHome, dir) : nodeCommand(dir);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(id + " did not end within " + TIMEOUT_SECONDS + " s: " + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(id + " failed (exit " + process.exitValue() + "): " + output);
        }
        List<Path> snapshots = new ArrayList<>();
        for (int phase = 1; phase <= PhaseDumps.PHASES; phase++) {
            Path snapshot = dir.resolve(id + "-" + phase + (isJava() ? ".hprof" : ".heapsnapshot"));
            if (!Files.isRegularFile(snapshot)) {
                throw new IllegalStateException(id + " wrote no " + snapshot + ": " + output);
            }
            snapshots.add(snapshot);
        }
        return snapshots;
    }

    private List<String> javaCommand(Path javaHome, Path dir) {
        return List.of(javaHome.resolve("bin/java").toString(), JAVA_HEAP, "-cp", testClasses(), mainClass.getName(),
                dir.toString());
    }

    private List<String> nodeCommand(Path dir) {
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "node is not on the PATH: the Node leak program " + id + " needs Node >= 20");
        return List.of(node.get().toString(), "--expose-gc", FOLDER.resolve(id + ".js").toString(), dir.toString());
    }

    private String testClasses() {
        try {
            return Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the test classes of " + mainClass, e);
        }
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, executable)).filter(Files::isExecutable).findFirst();
    }
}
