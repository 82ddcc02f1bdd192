package heapscope.app.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.AbstractPreferences;

/**
 * A preferences node that lives in memory only, for the UI tests: the app's recent files go here instead of the
 * user's real preferences, so running the tests changes nothing on the machine. Not thread-safe beyond what
 * {@link AbstractPreferences} locks; no children.
 */
final class InMemoryPreferences extends AbstractPreferences {
    private final Map<String, String> values = new HashMap<>();

    InMemoryPreferences() {
        super(null, "");
    }

    @Override
    protected void putSpi(String key, String value) {
        values.put(key, value);
    }

    @Override
    protected String getSpi(String key) {
        return values.get(key);
    }

    @Override
    protected void removeSpi(String key) {
        values.remove(key);
    }

    @Override
    protected void removeNodeSpi() {
        values.clear();
    }

    @Override
    protected String[] keysSpi() {
        return values.keySet().toArray(new String[0]);
    }

    @Override
    protected String[] childrenNamesSpi() {
        return new String[0];
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
        throw new UnsupportedOperationException("the test preferences have no child nodes");
    }

    @Override
    protected void syncSpi() {
        // nothing is stored anywhere
    }

    @Override
    protected void flushSpi() {
        // nothing is stored anywhere
    }
}
