package heapscope.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Real heap dumps of src/test/resources/programs/GrowingStaticMap.java, made once per test run: the program is
 * compiled (so that no compiler lives in its heap, as the single-file launcher's would) and run in a child JVM of the
 * JDK running the tests, and dumps its own heap after each of three rounds of 3,000 leaked sessions. The files stay in
 * a temporary folder until the test JVM exits.
 */
public final class JavaDumps {
    /** Sessions the program leaks per round (its own count). */
    public static final int SESSIONS_PER_ROUND = 3000;
    private static List<Path> rounds;

    private JavaDumps() {
    }

    /** round-1.hprof, round-2.hprof, round-3.hprof, oldest first. */
    public static synchronized List<Path> growingStaticMap() {
        if (rounds == null) {
            rounds = make();
        }
        return rounds;
    }

    private static List<Path> make() {
        try {
            Path dir = Files.createTempDirectory("heapscope-java-dumps");
            Path classes = Files.createDirectories(dir.resolve("classes"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int compiled = javac.run(null, null, null, "-d", classes.toString(),
                    "src/test/resources/programs/GrowingStaticMap.java");
            if (compiled != 0) {
                throw new IllegalStateException("GrowingStaticMap.java does not compile");
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-Xshare:off", "-cp", classes.toString(),
                    "GrowingStaticMap", dir.toString()).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes());
            if (!child.waitFor(120, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IllegalStateException("GrowingStaticMap failed: " + output);
            }
            List<Path> files = List.of(dir.resolve("round-1.hprof"), dir.resolve("round-2.hprof"),
                    dir.resolve("round-3.hprof"));
            for (Path file : files) {
                file.toFile().deleteOnExit();
            }
            classes.resolve("GrowingStaticMap.class").toFile().deleteOnExit();
            classes.resolve("GrowingStaticMap$Session.class").toFile().deleteOnExit();
            classes.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return files;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
