package heapscope.parser.analysis;

/** JavaScript number conversions that DevTools' rules rely on, reproduced exactly. Stateless. */
final class JsNumbers {
    private JsNumbers() {
    }

    /**
     * JavaScript's {@code parseInt(text, 10)}: optional leading white space and sign, then the longest run of
     * decimal digits; NaN when there is none.
     */
    static double parseInt(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && isJsWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int start = i;
        double value = 0;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        if (i == start) {
            return Double.NaN;
        }
        return negative ? -value : value;
    }

    private static boolean isJsWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
