package heapscope.parser.view;

/**
 * Object ids as users type and read them: a V8 snapshot's ids in decimal ({@code @81933}), an HPROF dump's ids, which
 * are addresses, in hex ({@code @0x7ff0a1c8}). The app's Find and the CLI's {@code retainers} parse what the grids
 * print. Stateless; no IO.
 */
public final class ObjectIds {
    /** Returned by {@link #parse} for text that is not an id. */
    public static final long NOT_AN_ID = -1;

    private ObjectIds() {
    }

    /**
     * The id written as {@code @123}, {@code 123}, {@code @0x7b} or {@code 0x7b} (hex in either case, the {@code @}
     * optional, spaces around ignored), or {@link #NOT_AN_ID}.
     */
    public static long parse(String text) {
        String t = text.strip();
        if (t.startsWith("@")) {
            t = t.substring(1);
        }
        boolean hex = t.length() > 2 && (t.startsWith("0x") || t.startsWith("0X"));
        String digits = hex ? t.substring(2) : t;
        int radix = hex ? 16 : 10;
        if (digits.isEmpty() || digits.length() > (hex ? 16 : 18)
                || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
            return NOT_AN_ID;
        }
        long id = Long.parseUnsignedLong(digits, radix);
        return id < 0 ? NOT_AN_ID : id;
    }

    /** The id as the grids write it: decimal, or {@code 0x...} for addresses. */
    public static String text(long id, boolean hex) {
        return hex ? "0x" + Long.toHexString(id) : Long.toString(id);
    }
}
