package heapscope.parser.view;

import heapscope.parser.analysis.Distances;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How every face of Heapscope writes sizes, counts, shares and distances, with Chrome DevTools' rules
 * ({@code ByteUtilities} and {@code HeapSnapshotGridNodes} of devtools-frontend) so that a number reads the same here
 * and in DevTools: units of 1000 ({@code kB}, {@code MB}), one decimal below 100 of a unit, numbers rounded half up as
 * {@code Intl.NumberFormat} does, thousands grouped with commas, and shares of the heap as whole percents. The app and
 * the CLI call these and format nothing themselves. Stateless; no IO.
 */
public final class Units {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Units() {
    }

    /**
     * DevTools' {@code bytesToString}: {@code 512 B}, {@code 79.4 kB}, {@code 172 kB}, {@code 3.1 MB},
     * {@code 1,253 MB} (there is no larger unit). Negative values keep their sign.
     */
    public static String bytes(long bytes) {
        if (Math.abs(bytes) < 1000) {
            return bytes + " B";
        }
        BigDecimal kilobytes = BigDecimal.valueOf(bytes).divide(THOUSAND);
        if (kilobytes.abs().compareTo(THOUSAND) < 0) {
            return unit(kilobytes, "kB");
        }
        return unit(kilobytes.divide(THOUSAND), "MB");
    }

    /**
     * DevTools' {@code formatBytesToKb}, the unit of its heap grids' size columns: always kilobytes, {@code 0.0 kB},
     * {@code 79.4 kB}, {@code 3,051 kB}.
     */
    public static String kilobytes(long bytes) {
        return unit(BigDecimal.valueOf(bytes).divide(THOUSAND), "kB");
    }

    /** DevTools' Statistics legend: whole kilobytes, rounded half up ({@code 3,612 kB}, {@code 0 kB}). */
    public static String wholeKilobytes(long bytes) {
        return unit(BigDecimal.valueOf(bytes).divide(THOUSAND), 0, "kB");
    }

    /** One decimal below 100 of the unit, none from there on; half up, as ICU rounds a decimal. */
    private static String unit(BigDecimal value, String unit) {
        return unit(value, value.abs().compareTo(HUNDRED) < 0 ? 1 : 0, unit);
    }

    private static String unit(BigDecimal value, int scale, String unit) {
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        // The number of decimals is chosen before rounding, as DevTools does: 99.95 kB is "100.0 kB".
        String digits = rounded.toPlainString();
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        String fraction = point < 0 ? "" : digits.substring(point);
        boolean negative = whole.startsWith("-");
        String grouped = group(negative ? whole.substring(1) : whole);
        return (negative ? "-" : "") + grouped + fraction + " " + unit;
    }

    /** {@code 1,234,567} (as DevTools' {@code withThousandsSeparator}). */
    public static String count(long count) {
        String grouped = group(Long.toString(Math.abs(count)));
        return count < 0 ? "-" + grouped : grouped;
    }

    private static String group(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** {@code 1,234,567 bytes}: the exact figure behind a rounded one. */
    public static String exactBytes(long bytes) {
        return count(bytes) + " bytes";
    }

    /**
     * The share of {@code total} as DevTools' grids write it ({@code toFixed(0)} and a percent sign): {@code 5 %},
     * {@code 0 %} for a small share; empty when there is no total.
     */
    public static String percent(long part, long total) {
        if (total <= 0) {
            return "";
        }
        // The order of operations is DevTools' (part / total * 100), so that halves round the same way.
        return Math.round((double) part / total * 100.0) + " %";
    }

    /** A count delta as DevTools' Comparison writes it: {@code +12}, {@code −3}, {@code 0}. */
    public static String signedCount(long delta) {
        return sign(delta) + count(Math.abs(delta));
    }

    /** A size delta as DevTools' Comparison writes it: {@code +1.2 kB}, {@code −512 B}, {@code 0 B}. */
    public static String signedBytes(long delta) {
        return sign(delta) + bytes(Math.abs(delta));
    }

    private static String sign(long delta) {
        return delta > 0 ? "+" : delta < 0 ? "\u2212" : "";
    }

    /** As DevTools: the distance of objects a user root reaches, "−" for the rest. */
    public static String distance(int distance) {
        return Distances.isUserReachable(distance) ? Integer.toString(distance) : "\u2212";
    }
}
