package heapscope.parser.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The user's cache folder for Heapscope, where the analysis cache keeps its entries and pipes are spooled: the system
 * property {@code heapscope.cache.dir}, else the environment variable
 * {@code HEAPSCOPE_CACHE_DIR}, else the platform's cache folder: {@code $XDG_CACHE_HOME/heapscope} or
 * {@code ~/.cache/heapscope} on Linux and other Unixes, {@code ~/Library/Caches/Heapscope} on macOS,
 * {@code %LOCALAPPDATA%\Heapscope\Cache} on Windows. Never beside the files it caches. Stateless. No IO.
 */
public final class CacheFolder {
    static final String PROPERTY = "heapscope.cache.dir";
    static final String ENVIRONMENT = "HEAPSCOPE_CACHE_DIR";

    private CacheFolder() {
    }

    public static Path resolve() {
        return resolve(System.getProperties(), System.getenv());
    }

    /** The folder for these system properties and this environment. */
    public static Path resolve(Properties properties, Map<String, String> environment) {
        String configured = properties.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = environment.get(ENVIRONMENT);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path home = Path.of(properties.getProperty("user.home"));
        String os = properties.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = environment.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("Heapscope").resolve("Cache");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("Heapscope");
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        // The XDG spec says to ignore a relative path.
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("heapscope");
    }
}
