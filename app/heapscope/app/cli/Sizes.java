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

    /** A delta with its sign, as DevTools' Comparison shows it: {@code +1,024}, {@code −12}, {@code 0}. */
    static String signed(long delta) {
        String text = bytes(Math.abs(delta));
        return delta > 0 ? "+" + text : delta < 0 ? "\u2212" + text : text;
    }

    static String percent(long part, long total) {
        return total == 0 ? "" : String.format(Locale.ROOT, "%d %%", Math.round(100.0 * part / total));
    }
}
