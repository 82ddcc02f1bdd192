package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Fields pane's preview of a char[] and a byte[] on the committed JDK 25 dump, against the arrays SmallFixture.java
 * (beside the dump) keeps in its statics CHARS, LONG_CHARS and BYTES. The expected text and hex are worked out by hand
 * from the program's literals: a character is two bytes, high byte first, so a hex line holds 8 of them.
 */
class ArrayPreviewTest {
    private static NodeRows rows;

    @BeforeAll
    static void load() {
        rows = new NodeRows(Fixtures.load(Fixtures.JDK25_SMALL));
    }

    /**
     * CHARS = "Heap", a tab, "scope", DEL, " éŁ日!": 16 characters, two full lines and no third. The tab and DEL show
     * as their control pictures in the text (a space stays a space); in the ASCII column only 0x20 to 0x7e show, and a
     * character beyond Latin-1 shows as a dot even where its low byte is printable ("Ł" is 0x0141, "A" 0x0041).
     */
    @Test
    void aCharArrayPreviewsItsTextAndEachCharacterAsTwoBytes() {
        ArrayPreview preview = ArrayPreview.of(rows.heap().graph(), fixtureStatic("CHARS"));
        assertEquals("char", preview.elementType());
        assertEquals(16, preview.length());
        assertEquals(16, preview.shown());
        assertEquals("Heap\u2409scope\u2421 \u00e9\u0141\u65e5!", preview.text());
        assertEquals(String.join("\n",
                "00000000  0048 0065 0061 0070 0009 0073 0063 006f  |Heap.sco|",
                "00000008  0070 0065 007f 0020 00e9 0141 65e5 0021  |pe. ...!|"), preview.hex());
    }

    /**
     * LONG_CHARS is "0123456789abcdef" 256 times and a "!": 4,097 characters, one more than the preview reads. It shows
     * the first 4,096, in 512 lines of 8; the last line starts at element 4,088 (0xff8) and the "!" is not shown.
     */
    @Test
    void aCharArrayLongerThanThePreviewShowsItsFirst4096Characters() {
        ArrayPreview preview = ArrayPreview.of(rows.heap().graph(), fixtureStatic("LONG_CHARS"));
        assertEquals(4097, preview.length());
        assertEquals(4096, preview.shown());
        assertEquals("0123456789abcdef".repeat(256), preview.text());
        String[] lines = preview.hex().split("\n");
        assertEquals(512, lines.length);
        assertEquals("00000000  0030 0031 0032 0033 0034 0035 0036 0037  |01234567|", lines[0]);
        assertEquals("00000008  0038 0039 0061 0062 0063 0064 0065 0066  |89abcdef|", lines[1]);
        assertEquals("00000ff8  0038 0039 0061 0062 0063 0064 0065 0066  |89abcdef|", lines[511]);
    }

    /**
     * BYTES: "Heap ", "ü" in UTF-8 (c3 bc), DEL, a line feed, 0xff, "end!" and the first two bytes of "日" (e6 97),
     * 16 bytes: one full line. As UTF-8 text, 0xff and the cut-short "日" each become one U+FFFD (the standard's
     * "maximal subpart" rule); DEL and the line feed show as their control pictures.
     */
    @Test
    void aByteArrayOfOneFullLineDecodesAsUtf8AndReplacesWhatIsNotUtf8() {
        ArrayPreview preview = ArrayPreview.of(rows.heap().graph(), fixtureStatic("BYTES"));
        assertEquals("byte", preview.elementType());
        assertEquals(16, preview.length());
        assertEquals(16, preview.shown());
        assertEquals("Heap \u00fc\u2421\u240a\ufffdend!\ufffd", preview.text());
        assertEquals("00000000  48 65 61 70 20 c3 bc 7f 0a ff 65 6e 64 21 e6 97  |Heap .....end!..|", preview.hex());
    }

    /** The ordinal of the array a static field of class SmallFixture holds, found as the Fields pane links it. */
    private static int fixtureStatic(String field) {
        for (int node = 0; node < rows.heap().graph().nodeCount(); node++) {
            if ("class SmallFixture".equals(rows.heap().graph().nodeLabel(node))) {
                for (FieldRow row : FieldRows.of(rows, node)) {
                    if (row.name().equals(field)) {
                        return row.target();
                    }
                }
            }
        }
        throw new AssertionError("no static " + field + " in class SmallFixture");
    }
}
