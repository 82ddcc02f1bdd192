package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Sizes and shares read as Chrome DevTools writes them. The expected texts were printed by Node's own Intl with
 * DevTools' formatter options ({@code src/test/scripts/units/devtools-units.mjs}), not by us.
 */
class UnitsTest {
    private static final Path ORACLE = Path.of("src/test/resources/fixtures/units/devtools-units.json");

    @Test
    void bytesAreWrittenAsDevToolsWritesThem() throws IOException {
        JsonNode oracle = new ObjectMapper().readTree(ORACLE.toFile());
        assertEquals(33, oracle.get("bytes").size());
        for (JsonNode row : oracle.get("bytes")) {
            long bytes = row.get("bytes").asLong();
            assertEquals(row.get("bytesToString").asText(), Units.bytes(bytes), "bytesToString(" + bytes + ")");
            assertEquals(row.get("formatBytesToKb").asText(), Units.kilobytes(bytes), "formatBytesToKb(" + bytes + ")");
            assertEquals(row.get("statistics").asText(), Units.wholeKilobytes(bytes), "statistics(" + bytes + ")");
        }
    }

    @Test
    void sharesAreWholePercentsAsInDevToolsGrids() throws IOException {
        JsonNode oracle = new ObjectMapper().readTree(ORACLE.toFile());
        assertEquals(11, oracle.get("percent").size());
        for (JsonNode row : oracle.get("percent")) {
            assertEquals(row.get("text").asText(), Units.percent(row.get("part").asLong(), row.get("total").asLong()));
        }
        assertEquals("", Units.percent(1, 0));
    }

    @Test
    void countsDeltasAndDistances() {
        assertEquals("1,234,567", Units.count(1_234_567));
        assertEquals("-1,000", Units.count(-1000));
        assertEquals("999", Units.count(999));
        assertEquals("172,800 bytes", Units.exactBytes(172_800));
        assertEquals("+400", Units.signedCount(400));
        assertEquals("\u22123", Units.signedCount(-3));
        assertEquals("0", Units.signedCount(0));
        assertEquals("+22.4 kB", Units.signedBytes(22_400));
        assertEquals("\u2212512 B", Units.signedBytes(-512));
        assertEquals("\u2212", Units.distance(100_000_003));
        assertEquals("\u2212", Units.distance(-5));
        assertEquals("11", Units.distance(11));
    }

    @Test
    void idsAreReadAsTheGridsWriteThem() {
        assertEquals(81933, ObjectIds.parse("@81933"));
        assertEquals(81933, ObjectIds.parse(" 81933 "));
        assertEquals(0x687503f48L, ObjectIds.parse("@0x687503f48"));
        assertEquals(0x687503f48L, ObjectIds.parse("0X687503F48"));
        assertEquals("0x687503f48", ObjectIds.text(0x687503f48L, true));
        assertEquals("81933", ObjectIds.text(81933, false));
        assertEquals(ObjectIds.NOT_AN_ID, ObjectIds.parse("LeakyItem"));
        assertEquals(ObjectIds.NOT_AN_ID, ObjectIds.parse("@"));
        assertEquals(ObjectIds.NOT_AN_ID, ObjectIds.parse("0x"));
        assertEquals(ObjectIds.NOT_AN_ID, ObjectIds.parse("@0xfffffffffffffffff"));
    }

    @Test
    void namesBecomeOneLineWithAnEllipsisWhenCut() {
        assertEquals("a b c", OneLine.of("a\nb\tc", 80));
        assertEquals("abcd\u2026", OneLine.of("abcdefgh", 5));
        assertEquals("abcdefgh", OneLine.of("abcdefgh", 8));
        // A cut never leaves half of a surrogate pair.
        assertEquals("abc\u2026", OneLine.of("abc\uD83D\uDE00xyz", 5));
    }
}
