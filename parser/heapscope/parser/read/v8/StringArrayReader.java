package heapscope.parser.read.v8;

import heapscope.parser.graph.StringTable;
import java.io.IOException;

/**
 * Reads the {@code strings} array into a {@link StringTable}, one decoded string at a time through a reused buffer:
 * the section is never held whole, so its size has no limit (DevTools fails once it passes V8's ~512 M character
 * string limit). Not thread-safe. Does IO through its tokenizer.
 */
final class StringArrayReader {
    private StringArrayReader() {
    }

    static void read(JsonTokenizer tokenizer, StringTable strings) throws IOException, SnapshotFormatException {
        tokenizer.within("the strings array");
        if (!tokenizer.enterArray()) {
            return;
        }
        Utf8Builder text = new Utf8Builder();
        do {
            if (tokenizer.peek() != '"') {
                throw tokenizer.unexpected("a string");
            }
            text.clear();
            tokenizer.readString(text);
            strings.add(text.bytes(), 0, text.length());
        } while (tokenizer.nextArrayElement());
    }
}
