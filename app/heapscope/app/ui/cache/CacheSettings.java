package heapscope.app.ui.cache;

import heapscope.parser.cache.AnalysisCache;
import java.util.prefs.Preferences;

/**
 * The app's analysis cache setting (on by default), kept in the user's preferences beside the recent files (the node
 * {@code heapscope}, or the one the system property {@code heapscope.preferences} names). Thread-safe.
 */
public final class CacheSettings {
    private static final String KEY = "analysisCache";

    private CacheSettings() {
    }

    private static Preferences preferences() {
        return Preferences.userRoot().node(System.getProperty("heapscope.preferences", "heapscope"));
    }

    public static boolean enabled() {
        return preferences().getBoolean(KEY, true);
    }

    public static void setEnabled(boolean enabled) {
        preferences().putBoolean(KEY, enabled);
    }

    /** The cache the app's loads use: the user's, unless turned off here (or for the process); notes to stderr. */
    public static AnalysisCache cache() {
        return enabled() ? AnalysisCache.standard(note -> System.err.println("heapscope: note: " + note))
                : AnalysisCache.disabled();
    }
}
