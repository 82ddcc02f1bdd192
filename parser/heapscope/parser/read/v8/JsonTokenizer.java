package heapscope.parser.read.v8;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Reads JSON tokens straight from the bytes of a stream, one pass, through a single large buffer: numbers become
 * {@code long}s without any object, strings are decoded into a reused {@link Utf8Builder}, and values nobody needs
 * are skipped without being decoded. Errors name the current {@link #within context} and the byte position (in the
 * uncompressed stream), e.g. {@code truncated: the file ends inside the edges array (at byte 1234)}.
 *
 * <p>Not thread-safe. Does IO: reads from the stream it was given, which the caller closes.
 */
final class JsonTokenizer {
    private static final int BUFFER_SIZE = 1 << 20;
    /** 18 decimal digits always fit in a {@code long}; no count or size in a snapshot comes near that. */
    private static final int MAX_DIGITS = 18;
    /**
     * The longest string kept, 64 MiB: V8 cuts string values to {@code --heap-snapshot-string-limit} (1024
     * characters) and other names (script URLs, even data: URLs) stay far below, so a longer one is damage or a
     * bomb, and buffers must not grow without bound.
     */
    static final int MAX_STRING_BYTES = 1 << 26;
    /** The deepest nesting a skipped section may have; V8's trace tree is as deep as the deepest allocation stack. */
    static final int MAX_SKIPPED_DEPTH = 1 << 20;
    /** Keys are names such as {@code node_count}; they become Java strings. */
    private static final int MAX_KEY_BYTES = 1 << 16;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    /** Stream offset of {@code buffer[0]}. */
    private long bufferStart;
    private String context = "the file";

    JsonTokenizer(InputStream in) {
        this.in = in;
    }

    /** Names the part of the file being read, for error messages ("the nodes array"). */
    void within(String context) {
        this.context = context;
    }

    /** Offset in the (uncompressed) stream of the next byte to read. */
    long position() {
        return bufferStart + pos;
    }

    /** The next byte that is not whitespace, without consuming it, or -1 at the end of the stream. */
    int peekOrEnd() throws IOException, SnapshotFormatException {
        while (true) {
            if (pos == limit && !refill()) {
                return -1;
            }
            int b = buffer[pos] & 0xFF;
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
            pos++;
        }
    }

    /** The next byte that is not whitespace, without consuming it; the stream must not end here. */
    int peek() throws IOException, SnapshotFormatException {
        int b = peekOrEnd();
        if (b < 0) {
            throw truncated();
        }
        return b;
    }

    void expect(char expected) throws IOException, SnapshotFormatException {
        if (peek() != expected) {
            throw unexpected("'" + expected + "'");
        }
        pos++;
    }

    /** Consumes {@code [} and tells whether an element follows (false: the array was empty and is consumed). */
    boolean enterArray() throws IOException, SnapshotFormatException {
        expect('[');
        return !consumeIf(']');
    }

    /** After an element: consumes {@code ,} and returns true, or consumes {@code ]} and returns false. */
    boolean nextArrayElement() throws IOException, SnapshotFormatException {
        // Fast path for the usual cases: a comma right after the number, or a newline and a comma (V8 ends every
        // row of the nodes and edges arrays with a newline).
        int p = pos;
        if (p + 1 < limit) {
            byte b = buffer[p];
            if (b == ',') {
                pos = p + 1;
                return true;
            }
            if (b == '\n' && buffer[p + 1] == ',') {
                pos = p + 2;
                return true;
            }
        }
        return nextOrEnd(']', "',' or ']'");
    }

    /** Consumes <code>{</code> and tells whether a member follows (false: the object was empty and is consumed). */
    boolean enterObject() throws IOException, SnapshotFormatException {
        expect('{');
        return !consumeIf('}');
    }

    /** After a member: consumes {@code ,} and returns true, or consumes <code>}</code> and returns false. */
    boolean nextObjectMember() throws IOException, SnapshotFormatException {
        return nextOrEnd('}', "',' or '}'");
    }

    /** Reads a member's key and the colon after it. Keys are few and short, so they may be Strings. */
    String readKey(Utf8Builder scratch) throws IOException, SnapshotFormatException {
        if (peek() != '"') {
            throw unexpected("a quoted key");
        }
        scratch.clear();
        readString(scratch, MAX_KEY_BYTES);
        expect(':');
        return scratch.toString();
    }

    /**
     * Reads a non-negative integer without a sign, fraction or exponent: the only kind of number in the big
     * arrays. Allocation-free; this is the hot loop of reading a snapshot, hence the fast path for a number that
     * starts right here and ends well inside the buffer, kept in locals so no field is written per digit.
     */
    long readUnsignedLong() throws IOException, SnapshotFormatException {
        int p = pos;
        if (limit - p > MAX_DIGITS) {
            byte[] bytes = buffer;
            int digit = bytes[p] - '0';
            if (digit == 0) {
                int next = bytes[p + 1] - '0';
                if (next < 0 || next > 9) {
                    pos = p + 1;
                    return 0;
                }
            } else if (digit > 0 && digit <= 9) {
                long value = digit;
                int end = p + MAX_DIGITS;
                while (++p < end) {
                    digit = bytes[p] - '0';
                    if (digit < 0 || digit > 9) {
                        pos = p;
                        return value;
                    }
                    value = value * 10 + digit;
                }
            }
        }
        return readUnsignedLongSlowly();
    }

    /** {@link #readUnsignedLong} for the rare cases: whitespace first, a buffer boundary, bad input. */
    private long readUnsignedLongSlowly() throws IOException, SnapshotFormatException {
        int first = peek();
        int digit = first - '0';
        if (digit < 0 || digit > 9) {
            throw unexpected("a non-negative whole number");
        }
        long start = position();
        pos++;
        long value = digit;
        int digits = 1;
        while (true) {
            // A number is never the last token of a JSON document: the end of the input here means it was cut.
            if (pos >= limit && !refill()) {
                throw truncated();
            }
            digit = buffer[pos] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            digits++;
            pos++;
        }
        if (digits > MAX_DIGITS) {
            throw problemAt("a number with more than " + MAX_DIGITS + " digits", start);
        }
        if (first == '0' && digits > 1) {
            throw problemAt("a number with a leading zero", start);
        }
        return value;
    }

    /**
     * Decodes the JSON string at the current position (all escapes, surrogate pairs joined, lone surrogates as
     * U+FFFD) and appends it to {@code out} as UTF-8. Runs without escapes are copied in bulk.
     */
    void readString(Utf8Builder out) throws IOException, SnapshotFormatException {
        readString(out, MAX_STRING_BYTES);
    }

    /** {@link #readString(Utf8Builder)} for a string of at most {@code maxBytes} (UTF-8); a longer one is an error. */
    void readString(Utf8Builder out, int maxBytes) throws IOException, SnapshotFormatException {
        long start = position();
        int limitLength = out.length() + maxBytes;
        expect('"');
        int pendingHighSurrogate = -1;
        while (true) {
            int runStart = pos;
            while (pos < limit && isPlainStringByte(buffer[pos])) {
                pos++;
            }
            if (pos > runStart) {
                pendingHighSurrogate = flushLoneSurrogate(pendingHighSurrogate, out);
                out.append(buffer, runStart, pos);
                if (out.length() > limitLength) {
                    throw problemAt("a string longer than " + maxBytes + " bytes", start);
                }
            }
            if (pos == limit) {
                if (!refill()) {
                    throw truncated();
                }
                continue;
            }
            int b = buffer[pos++];
            if (b == '"') {
                flushLoneSurrogate(pendingHighSurrogate, out);
                return;
            }
            if (b != '\\') {
                throw problemAt("a raw control character (" + describe(b) + ") inside a string", position() - 1);
            }
            int escape = nextRawByte();
            if (escape != 'u') {
                pendingHighSurrogate = flushLoneSurrogate(pendingHighSurrogate, out);
                out.appendAscii(unescape(escape));
                continue;
            }
            int unit = readHexUnit();
            if (Character.isHighSurrogate((char) unit)) {
                flushLoneSurrogate(pendingHighSurrogate, out);
                pendingHighSurrogate = unit;
            } else if (Character.isLowSurrogate((char) unit) && pendingHighSurrogate >= 0) {
                out.appendCodePoint(Character.toCodePoint((char) pendingHighSurrogate, (char) unit));
                pendingHighSurrogate = -1;
            } else {
                pendingHighSurrogate = flushLoneSurrogate(pendingHighSurrogate, out);
                out.appendCodePoint(unit);
            }
        }
    }

    /**
     * Skips one value of any shape without decoding it. Brackets must match and strings must end; what lies
     * between (numbers, literals) is not checked, because sections we skip are not ours to judge. Iterative, so
     * deeply nested values such as {@code trace_tree} cannot overflow the stack.
     */
    void skipValue() throws IOException, SnapshotFormatException {
        byte[] openers = new byte[64];
        int depth = 0;
        do {
            int b = peek();
            if (b == '[' || b == '{') {
                if (depth == MAX_SKIPPED_DEPTH) {
                    throw problemAt("values nested more than " + MAX_SKIPPED_DEPTH + " levels deep", position());
                }
                if (depth == openers.length) {
                    openers = Arrays.copyOf(openers, depth * 2);
                }
                openers[depth++] = (byte) b;
                pos++;
            } else if (b == ']' || b == '}') {
                char expected = depth == 0 ? 0 : openers[depth - 1] == '[' ? ']' : '}';
                if (b != expected) {
                    throw unexpected(depth == 0 ? "a value" : "'" + expected + "'");
                }
                depth--;
                pos++;
            } else if (b == '"') {
                skipString();
            } else if (b == ',' || b == ':') {
                if (depth == 0) {
                    throw unexpected("a value");
                }
                pos++;
            } else {
                skipScalar();
            }
        } while (depth > 0);
    }

    /** Reads the text of a number token, for the small header values; the caller checks its syntax. */
    String readNumberText() throws IOException, SnapshotFormatException {
        StringBuilder text = new StringBuilder();
        peek();
        while ((pos < limit || refill()) && isNumberByte(buffer[pos])) {
            text.append((char) buffer[pos++]);
        }
        return text.toString();
    }

    /** Reads a run of letters ({@code true}, {@code false}, {@code null}), for the small header values. */
    String readWord() throws IOException, SnapshotFormatException {
        StringBuilder text = new StringBuilder();
        peek();
        while ((pos < limit || refill()) && buffer[pos] >= 'a' && buffer[pos] <= 'z') {
            text.append((char) buffer[pos++]);
        }
        return text.toString();
    }

    SnapshotFormatException truncated() {
        return new SnapshotFormatException("truncated: the file ends inside " + context + " (at byte " + position()
                + ")");
    }

    /** An error about a token that starts at {@code at}: "PROBLEM in CONTEXT (at byte N)". */
    SnapshotFormatException problemAt(String problem, long at) {
        return new SnapshotFormatException(problem + " in " + context + " (at byte " + at + ")");
    }

    /** An error about the byte at the current position: "expected X in CONTEXT at byte N, found Y". */
    SnapshotFormatException unexpected(String expected) throws IOException, SnapshotFormatException {
        if (pos == limit && !refill()) {
            return truncated();
        }
        return new SnapshotFormatException("expected " + expected + " in " + context + " at byte " + position()
                + ", found " + describe(buffer[pos] & 0xFF));
    }

    private boolean consumeIf(char c) throws IOException, SnapshotFormatException {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean nextOrEnd(char end, String expected) throws IOException, SnapshotFormatException {
        int b = peek();
        if (b == ',') {
            pos++;
            return true;
        }
        if (b == end) {
            pos++;
            return false;
        }
        throw unexpected(expected);
    }

    private int nextRawByte() throws IOException, SnapshotFormatException {
        if (pos == limit && !refill()) {
            throw truncated();
        }
        return buffer[pos++] & 0xFF;
    }

    private int readHexUnit() throws IOException, SnapshotFormatException {
        int unit = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(nextRawByte(), 16);
            if (digit < 0) {
                pos--;
                throw unexpected("a hex digit of a \\u escape");
            }
            unit = unit << 4 | digit;
        }
        return unit;
    }

    private int unescape(int escape) throws IOException, SnapshotFormatException {
        switch (escape) {
            case '"':
            case '\\':
            case '/':
                return escape;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            default:
                pos--;
                throw unexpected("a valid escape after '\\'");
        }
    }

    /** A high surrogate not followed by a low one cannot be UTF-8: it becomes U+FFFD. Returns "none pending". */
    private static int flushLoneSurrogate(int pendingHighSurrogate, Utf8Builder out) {
        if (pendingHighSurrogate >= 0) {
            out.appendCodePoint(pendingHighSurrogate);
        }
        return -1;
    }

    private void skipString() throws IOException, SnapshotFormatException {
        pos++;
        while (true) {
            if (pos == limit && !refill()) {
                throw truncated();
            }
            byte b = buffer[pos++];
            if (b == '"') {
                return;
            }
            if (b == '\\') {
                nextRawByte();
            }
        }
    }

    private void skipScalar() throws IOException, SnapshotFormatException {
        while ((pos < limit || refill()) && !endsScalar(buffer[pos])) {
            pos++;
        }
    }

    private static boolean endsScalar(byte b) {
        return b == ',' || b == ':' || b == ']' || b == '}' || b == '[' || b == '{' || b == '"' || b == ' '
                || b == '\n' || b == '\r' || b == '\t';
    }

    /** Bytes a string run can copy as they are: not the closing quote, not a backslash, not a control character. */
    private static boolean isPlainStringByte(byte b) {
        return b != '"' && b != '\\' && (b < 0 || b >= 0x20);
    }

    private static boolean isNumberByte(byte b) {
        return b >= '0' && b <= '9' || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
    }

    private static String describe(int b) {
        return b >= 0x21 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02X", b);
    }

    /** Loads the next chunk; false at the end of the stream. Damaged gzip data is a format error, not an IO error. */
    private boolean refill() throws IOException, SnapshotFormatException {
        bufferStart += limit;
        pos = 0;
        limit = 0;
        int n;
        try {
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
        } catch (EOFException e) {
            throw new SnapshotFormatException("truncated: the compressed data ends inside " + context + " (at byte "
                    + bufferStart + ")");
        } catch (ZipException e) {
            throw new SnapshotFormatException("the gzip data is corrupt inside " + context + " (at byte "
                    + bufferStart + "): " + e.getMessage());
        }
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }
}
