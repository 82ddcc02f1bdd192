package heapscope.parser.read.hprof.format;

/**
 * Decodes the JVM's modified UTF-8 (as in class files and HPROF UTF8 records: NUL as {@code C0 80}, supplementary
 * characters as two 3-byte surrogates). Malformed bytes become U+FFFD instead of failing. Stateless; no IO.
 */
public final class ModifiedUtf8 {
    private ModifiedUtf8() {
    }

    public static String decode(byte[] bytes, int offset, int length) {
        int end = offset + length;
        boolean ascii = true;
        for (int i = offset; i < end && ascii; i++) {
            ascii = bytes[i] > 0;
        }
        if (ascii) {
            return new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(length);
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                out.append((char) b);
                i++;
            } else if ((b & 0xe0) == 0xc0 && i + 1 < end && (bytes[i + 1] & 0xc0) == 0x80) {
                out.append((char) (((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f)));
                i += 2;
            } else if ((b & 0xf0) == 0xe0 && i + 2 < end && (bytes[i + 1] & 0xc0) == 0x80
                    && (bytes[i + 2] & 0xc0) == 0x80) {
                out.append((char) (((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f)));
                i += 3;
            } else if ((b & 0xf8) == 0xf0 && i + 3 < end && (bytes[i + 1] & 0xc0) == 0x80
                    && (bytes[i + 2] & 0xc0) == 0x80 && (bytes[i + 3] & 0xc0) == 0x80) {
                // Standard 4-byte UTF-8 (not JVM-written, but seen from other writers).
                int cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6)
                        | (bytes[i + 3] & 0x3f);
                out.appendCodePoint(Character.isValidCodePoint(cp) ? cp : 0xfffd);
                i += 4;
            } else {
                out.append('\ufffd');
                i++;
            }
        }
        return out.toString();
    }
}
