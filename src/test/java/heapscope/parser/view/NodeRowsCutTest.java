package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NodeRowsCutTest {
    @Test
    void controlCharactersBecomeSpacesSoANameStaysOnOneLine() {
        assertEquals("GET /a HTTP/1.1  Host: x \u00e9", NodeRows.cut("GET /a HTTP/1.1\r\nHost: x\u0000\u00e9"));
    }

    @Test
    void longNamesEndWithAnEllipsisAtTheLimit() {
        String name = "x".repeat(NodeRows.MAX_NAME_LENGTH + 1);
        String cut = NodeRows.cut(name);
        assertEquals(NodeRows.MAX_NAME_LENGTH, cut.length());
        assertEquals("x".repeat(NodeRows.MAX_NAME_LENGTH - 1) + "\u2026", cut);
        assertEquals("x".repeat(NodeRows.MAX_NAME_LENGTH), NodeRows.cut("x".repeat(NodeRows.MAX_NAME_LENGTH)));
    }
}
