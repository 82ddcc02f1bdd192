package heapscope.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds installed JDKs by major version for the tests that dump a child JVM: the Java homes listed in the environment
 * variable {@code HEAPSCOPE_TEST_JDKS} (separated like a class path) come first, then every folder under
 * {@code /usr/lib/jvm}. A folder counts when it has {@code bin/java}, {@code bin/jcmd} and a {@code release} file
 * naming its version. Tests that need a JDK that is not found skip with {@link #missing}'s reason.
 */
public final class Jdks {
    public static final String VARIABLE = "HEAPSCOPE_TEST_JDKS";
    private static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

    private Jdks() {
    }

    /** The first JDK found whose major version is {@code major}. */
    public static Optional<Path> find(int major) {
        return candidates().stream().filter(home -> major(home) == major).findFirst();
    }

    /** Why {@link #find} found nothing: the sentence a skipped test reports. */
    public static String missing(int major) {
        return "no JDK " + major + " found in $" + VARIABLE + " or under " + SYSTEM_JVMS
                + " (a Java home with bin/java, bin/jcmd and a release file)";
    }

    /** The major version a Java home's release file names, or -1. */
    static int major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isExecutable(home.resolve("bin/jcmd"))
                || !Files.isRegularFile(release)) {
            return -1;
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> candidates() {
        List<Path> homes = new ArrayList<>();
        String listed = System.getenv(VARIABLE);
        if (listed != null) {
            for (String home : listed.split(File.pathSeparator)) {
                if (!home.isBlank()) {
                    homes.add(Path.of(home.strip()));
                }
            }
        }
        if (Files.isDirectory(SYSTEM_JVMS)) {
            try (Stream<Path> installed = Files.list(SYSTEM_JVMS)) {
                installed.sorted().forEach(homes::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return homes;
    }
}
