package heapscope.app.cli;

import java.util.Locale;

/** Formats byte counts and shares for the text tables. */
final class Sizes {
    private Sizes() {
    }

    /** Exact bytes with thousands separators, e.g. {@code 12,345,678}. */
    static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes);
    }

    static String percent(long part, long total) {
        return total == 0 ? "" : String.format(Locale.ROOT, "%d %%", Math.round(100.0 * part / total));
    }
}
