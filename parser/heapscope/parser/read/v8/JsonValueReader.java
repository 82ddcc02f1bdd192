package heapscope.parser.read.v8;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one small JSON value (the {@code snapshot} header) into plain Java objects: {@code Map<String, Object>},
 * {@code List<Object>}, {@code String}, {@code Long} (whole numbers that fit), {@code Double}, {@code Boolean} and
 * {@code null}. Only for values of a few kilobytes; the big arrays never go through here.
 *
 * <p>Not thread-safe. Does IO through its tokenizer.
 */
final class JsonValueReader {
    /** The header nests three levels deep; a deeper value is damage, and recursion must stay bounded. */
    private static final int MAX_DEPTH = 32;
    /** The header is a few kilobytes; one this large is damage, and it is held as Java objects. */
    static final int MAX_BYTES = 1 << 20;
    /** Compiled once: a damaged header can be a megabyte of numbers. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final JsonTokenizer tokenizer;
    private final Utf8Builder scratch = new Utf8Builder();
    private long start = -1;

    JsonValueReader(JsonTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    Object read() throws IOException, SnapshotFormatException {
        start = tokenizer.position();
        return read(0);
    }

    private Object read(int depth) throws IOException, SnapshotFormatException {
        if (depth > MAX_DEPTH) {
            throw tokenizer.unexpected("a value nested less than " + MAX_DEPTH + " levels deep");
        }
        if (tokenizer.position() - start > MAX_BYTES) {
            throw tokenizer.problemAt("a value longer than " + MAX_BYTES + " bytes", start);
        }
        int b = tokenizer.peek();
        if (b == '{') {
            return readObject(depth);
        }
        if (b == '[') {
            return readArray(depth);
        }
        if (b == '"') {
            scratch.clear();
            tokenizer.readString(scratch, MAX_BYTES);
            return scratch.toString();
        }
        if (b == '-' || b >= '0' && b <= '9') {
            return readNumber();
        }
        if (b >= 'a' && b <= 'z') {
            return readLiteral();
        }
        throw tokenizer.unexpected("a value");
    }

    private Map<String, Object> readObject(int depth) throws IOException, SnapshotFormatException {
        Map<String, Object> object = new LinkedHashMap<>();
        if (tokenizer.enterObject()) {
            do {
                String key = tokenizer.readKey(scratch);
                object.put(key, read(depth + 1));
            } while (tokenizer.nextObjectMember());
        }
        return object;
    }

    private List<Object> readArray(int depth) throws IOException, SnapshotFormatException {
        List<Object> array = new ArrayList<>();
        if (tokenizer.enterArray()) {
            do {
                array.add(read(depth + 1));
            } while (tokenizer.nextArrayElement());
        }
        return array;
    }

    private Object readNumber() throws IOException, SnapshotFormatException {
        long start = tokenizer.position();
        String text = tokenizer.readNumberText();
        if (WHOLE_NUMBER.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLong) {
                // Falls through: a whole number beyond a long is still a valid JSON number.
            }
        }
        if (!NUMBER.matcher(text).matches()) {
            throw tokenizer.problemAt("a malformed number '" + text + "'", start);
        }
        return Double.parseDouble(text);
    }

    private Object readLiteral() throws IOException, SnapshotFormatException {
        long start = tokenizer.position();
        String word = tokenizer.readWord();
        switch (word) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                throw tokenizer.problemAt("an unknown word '" + word + "'", start);
        }
    }
}
