package heapscope.parser.read.v8;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that one decoded JSON string at a time is written into as UTF-8, then cleared and reused, so
 * decoding millions of strings allocates nothing per string. Not thread-safe. No IO.
 */
final class Utf8Builder {
    private static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private byte[] bytes = new byte[4096];
    private int length;

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    void append(byte[] source, int from, int to) {
        int count = to - from;
        ensureRoom(count);
        System.arraycopy(source, from, bytes, length, count);
        length += count;
    }

    void appendAscii(int b) {
        ensureRoom(1);
        bytes[length++] = (byte) b;
    }

    /** Appends a code point; a lone UTF-16 surrogate, which UTF-8 cannot carry, becomes U+FFFD. */
    void appendCodePoint(int codePoint) {
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            codePoint = REPLACEMENT_CHARACTER;
        }
        ensureRoom(4);
        if (codePoint < 0x80) {
            bytes[length++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            bytes[length++] = (byte) (0xC0 | codePoint >> 6);
            bytes[length++] = (byte) (0x80 | codePoint & 0x3F);
        } else if (codePoint < 0x10000) {
            bytes[length++] = (byte) (0xE0 | codePoint >> 12);
            bytes[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | codePoint & 0x3F);
        } else {
            bytes[length++] = (byte) (0xF0 | codePoint >> 18);
            bytes[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            bytes[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | codePoint & 0x3F);
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void ensureRoom(int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
    }
}
