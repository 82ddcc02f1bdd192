package heapscope.parser.view;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.ObjectContents;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A readable preview of a {@code byte[]} or {@code char[]} for the Fields pane: its first bytes or characters as text
 * and as a hex dump ({@code 00000000  48 65 61 70 ... |Heap...|}), so that a buffer, an encoded String or a token can be
 * recognised at a glance. Reads the file: call it off the UI thread. Immutable.
 *
 * @param elementType {@code byte} or {@code char}
 * @param length the array's length
 * @param shown how many of its first elements the preview holds
 * @param text the elements as text: bytes decoded as UTF-8 (what cannot be decoded shows as U+FFFD), characters as
 *     they are; control characters written as {@code ␊}-style symbols
 * @param hex the hex dump, 16 bytes (or 8 characters) a line, with the printable ASCII beside them
 */
public record ArrayPreview(String elementType, long length, int shown, String text, String hex) {
    /** How many elements a preview reads. */
    public static final int MAX_ELEMENTS = 4096;

    /** The preview of a {@code byte[]} or {@code char[]} node, or null for any other node (or when unreadable). */
    public static ArrayPreview of(HeapGraph graph, int ordinal) {
        ObjectContents.ArrayElements array = graph.arrayElements(ordinal, MAX_ELEMENTS);
        if (array == null) {
            return null;
        }
        List<Object> values = array.values();
        if (array.elementType().equals("byte")) {
            byte[] bytes = new byte[values.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (Byte) values.get(i);
            }
            return new ArrayPreview("byte", array.length(), bytes.length, printable(utf8(bytes)), hexDump(bytes, 1));
        }
        if (array.elementType().equals("char")) {
            StringBuilder text = new StringBuilder(values.size());
            byte[] units = new byte[2 * values.size()];
            for (int i = 0; i < values.size(); i++) {
                char c = (Character) values.get(i);
                text.append(c);
                units[2 * i] = (byte) (c >> 8);
                units[2 * i + 1] = (byte) c;
            }
            return new ArrayPreview("char", array.length(), values.size(), printable(text.toString()),
                    hexDump(units, 2));
        }
        return null;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
    }

    /** Control characters as the Unicode control pictures (U+2400 + code), so that text stays on its lines. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(printable(text.charAt(i)));
        }
        return out.toString();
    }

    static char printable(char c) {
        if (c < 0x20) {
            return (char) (0x2400 + c);
        }
        return c == 0x7f ? '\u2421' : c;
    }

    /** Lines of 16 bytes: offset in elements, the bytes in hex grouped by element, the printable ASCII. */
    private static String hexDump(byte[] bytes, int bytesPerElement) {
        StringBuilder out = new StringBuilder(bytes.length * 4);
        for (int line = 0; line < bytes.length; line += 16) {
            if (line > 0) {
                out.append('\n');
            }
            out.append(String.format("%08x ", line / bytesPerElement));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = line; i < line + 16; i++) {
                if (i % bytesPerElement == 0) {
                    out.append(' ');
                }
                if (i < bytes.length) {
                    out.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf,
                            16));
                    int b = bytes[i] & 0xff;
                    boolean asciiByte = bytesPerElement == 1 || i % 2 == 1;
                    if (asciiByte) {
                        int value = bytesPerElement == 1 ? b : ((bytes[i - 1] & 0xff) << 8) | b;
                        ascii.append(value >= 0x20 && value < 0x7f ? (char) value : '.');
                    }
                } else {
                    out.append("  ");
                }
            }
            out.append("  |").append(ascii).append('|');
        }
        return out.toString();
    }
}
