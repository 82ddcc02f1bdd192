package heapscope.app.ui.common;

import heapscope.parser.analysis.Distances;
import java.util.Locale;

/** How the app writes sizes, shares and distances: humanised in cells, exact in tooltips. */
public final class Sizes {
    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private Sizes() {
    }

    /** {@code 512 B}, {@code 12.3 KB}, {@code 1.2 GB} (units of 1024). */
    public static String human(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.2f %s" : Math.abs(value) < 100 ? "%.1f %s"
                : "%.0f %s", value, UNITS[unit]);
    }

    /** {@code 1,234,567 bytes}. */
    public static String exact(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    /** {@code 12 %}, or {@code < 1 %} for a small non-zero share. */
    public static String percent(long part, long total) {
        if (total <= 0) {
            return "";
        }
        double share = 100.0 * part / total;
        if (share > 0 && share < 1) {
            return "<1 %";
        }
        return String.format(Locale.ROOT, "%d %%", Math.round(share));
    }

    /** As DevTools: the distance for user-reachable objects, "−" for the rest. */
    public static String distance(int distance) {
        return Distances.isUserReachable(distance) ? Integer.toString(distance) : "\u2212";
    }

    /** {@code 1,234}. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** A signed count or size delta: {@code +12}, {@code −3}, {@code 0}. */
    public static String signed(long value, boolean asSize) {
        String magnitude = asSize ? human(Math.abs(value)) : count(Math.abs(value));
        return value > 0 ? "+" + magnitude : value < 0 ? "\u2212" + magnitude : magnitude;
    }
}
