package heapscope.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDKs the tests can run child JVMs with: the one running the tests, and others found where Debian and the
 * Temurin packages install them ({@code /usr/lib/jvm}, or the folders in {@code HEAPSCOPE_JDKS}, separated by the path
 * separator), by the major version in their {@code release} file.
 */
public final class Jdks {
    private Jdks() {
    }

    /** The home of the JDK running the tests. */
    public static Path current() {
        return Path.of(System.getProperty("java.home"));
    }

    /** A JDK of this major version with a {@code bin/java}, if one is installed. */
    public static Optional<Path> find(int majorVersion) {
        String configured = System.getenv("HEAPSCOPE_JDKS");
        Stream<Path> roots = configured != null
                ? Stream.of(configured.split(java.io.File.pathSeparator)).map(Path::of)
                : Stream.of(Path.of("/usr/lib/jvm"));
        return roots.flatMap(Jdks::children).filter(home -> majorVersion(home) == majorVersion)
                .filter(home -> Files.isExecutable(home.resolve("bin/java"))).sorted().findFirst();
    }

    /**
     * The home of a JDK of this major version (the test JVM's own when it is one); when none is installed, the calling
     * test is skipped with {@link #missing}'s reason.
     */
    public static Path require(int majorVersion) {
        if (Runtime.version().feature() == majorVersion) {
            return current();
        }
        Optional<Path> found = find(majorVersion);
        org.junit.jupiter.api.Assumptions.assumeTrue(found.isPresent(), missing(majorVersion));
        return found.get();
    }

    /** Why a test needing JDK {@code majorVersion} cannot run, for its skip message. */
    public static String missing(int majorVersion) {
        return "no JDK " + majorVersion + " found under " + (System.getenv("HEAPSCOPE_JDKS") != null
                ? "HEAPSCOPE_JDKS" : "/usr/lib/jvm") + " (set HEAPSCOPE_JDKS to the folders holding JDKs)";
    }

    private static Stream<Path> children(Path root) {
        if (Files.isRegularFile(root.resolve("release"))) {
            return Stream.of(root);
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** The major version a Java home's release file names, or -1. */
    static int majorVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
