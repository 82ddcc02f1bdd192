package heapscope.parser.cache;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build of Heapscope is running, as Maven wrote it into {@code heapscope/version.properties}: the version and
 * the build time. A cache entry is trusted only by the build that wrote it (a new build may compute other numbers);
 * a portable index records it for the user. Stateless. Reads a class-path resource once.
 */
final class EngineBuild {
    private static final String CURRENT = read();

    private EngineBuild() {
    }

    /** {@code "heapscope 0.1.0 (built 2026-12-03T15:00:00Z)"}. */
    static String current() {
        return CURRENT;
    }

    private static String read() {
        Properties properties = new Properties();
        try (InputStream in = EngineBuild.class.getResourceAsStream("/heapscope/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unknown build: its entries are trusted by unknown builds only
        }
        String version = properties.getProperty("version", "unknown");
        String built = properties.getProperty("built", "");
        return "heapscope " + version + (built.isEmpty() || built.startsWith("$") ? "" : " (built " + built + ")");
    }
}
