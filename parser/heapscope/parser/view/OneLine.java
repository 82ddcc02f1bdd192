package heapscope.parser.view;

/**
 * Names as one line of bounded length, for every place that shows a name in a row (the grids, the CLI's tables):
 * control characters (line breaks, tabs, NULs) become spaces, and a name longer than the room ends with an ellipsis.
 * Stateless; no IO.
 */
public final class OneLine {
    private OneLine() {
    }

    /** {@code text} on one line, cut to at most {@code maxChars} characters (the last one an ellipsis when cut). */
    public static String of(String text, int maxChars) {
        int length = Math.min(text.length(), maxChars);
        StringBuilder line = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            line.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (text.length() > maxChars) {
            // Do not leave half of a surrogate pair before the ellipsis.
            int keep = maxChars - 1;
            if (keep > 0 && Character.isHighSurrogate(line.charAt(keep - 1))) {
                keep--;
            }
            line.setLength(keep);
            line.append('\u2026');
        }
        return line.toString();
    }
}
