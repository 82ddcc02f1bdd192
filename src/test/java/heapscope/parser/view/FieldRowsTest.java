package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapGraph;
import heapscope.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Fields pane's rows on the committed JDK 25 dump, against what SmallFixture.java (beside the dump) put in its
 * objects: each Square has sides = 4, area = i * i, label = 'A' + i % 26, and every tenth one an owner (the KEEP list).
 */
class FieldRowsTest {
    private static AnalyzedHeap heap;
    private static NodeRows rows;

    @BeforeAll
    static void load() {
        heap = Fixtures.load(Fixtures.JDK25_SMALL);
        rows = new NodeRows(heap);
    }

    @Test
    void aSquaresFieldsHoldWhatTheProgramStored() {
        HeapGraph g = heap.graph();
        int squares = 0;
        int owned = 0;
        for (int node = 0; node < g.nodeCount(); node++) {
            if (!"SmallFixture$Square".equals(g.nodeName(node))) {
                continue;
            }
            squares++;
            Map<String, FieldRow> fields = byName(FieldRows.of(rows, node));
            assertEquals(List.of("label", "owner", "sides", "area"), List.copyOf(fields.keySet()));
            assertEquals("4", fields.get("sides").value());
            assertEquals("SmallFixture$Shape", fields.get("sides").declaringClass());
            double area = Double.parseDouble(fields.get("area").value());
            int i = (int) Math.round(Math.sqrt(area));
            assertEquals("'" + (char) ('A' + i % 26) + "'", fields.get("label").value());
            String owner = fields.get("owner").value();
            // The pane links a reference to the object it holds, never a primitive or a null.
            assertEquals(i % 10 == 0, fields.get("owner").isLink(), owner);
            assertEquals(false, fields.get("sides").isLink());
            if (i % 10 == 0) {
                owned++;
                assertTrue(owner.startsWith("java.util.ArrayList @0x"), owner);
            } else {
                assertEquals("null", owner);
            }
        }
        assertEquals(300, squares);
        assertEquals(30, owned);
    }

    @Test
    void aClassObjectListsItsStaticsAndAStringShowsItsText() {
        HeapGraph g = heap.graph();
        int fixtureClass = -1;
        for (int node = 0; node < g.nodeCount(); node++) {
            if ("class SmallFixture".equals(g.nodeLabel(node))) {
                fixtureClass = node;
            }
        }
        Map<String, FieldRow> statics = byName(FieldRows.of(rows, fixtureClass));
        assertTrue(statics.get("TEXT").value().startsWith("java.lang.String \"Heapscope fixture: grüße, 日本語\" @0x"),
                statics.get("TEXT").value());
        assertTrue(statics.get("BY_NAME").value().startsWith("java.util.HashMap @0x"));
    }

    @Test
    void aPrimitiveArrayListsItsFirstElements() {
        HeapGraph g = heap.graph();
        for (int node = 0; node < g.nodeCount(); node++) {
            if ("long[]".equals(g.nodeName(node)) && heap.shallowSizes().get(node) == 16 + 100 * 8) {
                List<FieldRow> elements = FieldRows.of(rows, node);
                assertEquals(100, elements.size());
                assertEquals(new FieldRow("[99]", "long", "0", "long[]", -1), elements.get(99));
                return;
            }
        }
        throw new AssertionError("no long[100] in the dump");
    }

    @Test
    void aByteArrayPreviewsAsTextAndHex() {
        // KEEP holds new byte[] {1, 2, 3}.
        ArrayPreview preview = bytePreview(3, "00000000  01 02 03 ");
        assertEquals("byte", preview.elementType());
        assertEquals(3, preview.shown());
        assertEquals("\u2401\u2402\u2403", preview.text());
        assertEquals("00000000  01 02 03" + "   ".repeat(13) + "  |...|", preview.hex());
        assertEquals(null, ArrayPreview.of(heap.graph(), heap.graph().rootOrdinal()));
    }

    /**
     * TEXT ("Heapscope fixture: grüße, 日本語") has characters beyond Latin-1, so the JVM keeps its value as UTF-16 in
     * the machine's byte order (little-endian here): 29 characters, 58 bytes, four lines of hex, the last one short.
     */
    @Test
    void aLongByteArrayPreviewsLineByLine() {
        ArrayPreview preview = bytePreview(58, "00000000  48 00 65 00");
        assertEquals(58, preview.shown());
        assertEquals(String.join("\n",
                "00000000  48 00 65 00 61 00 70 00 73 00 63 00 6f 00 70 00  |H.e.a.p.s.c.o.p.|",
                "00000010  65 00 20 00 66 00 69 00 78 00 74 00 75 00 72 00  |e. .f.i.x.t.u.r.|",
                "00000020  65 00 3a 00 20 00 67 00 72 00 fc 00 df 00 65 00  |e.:. .g.r.....e.|",
                "00000030  2c 00 20 00 e5 65 2c 67 9e 8a                    |,. ..e,g..|"), preview.hex());
        assertTrue(preview.text().startsWith("H\u2400e\u2400a\u2400p\u2400"), preview.text());
    }

    /** The preview of the dump's byte[] of this length whose hex dump starts so. */
    private static ArrayPreview bytePreview(long length, String hexStart) {
        HeapGraph g = heap.graph();
        for (int node = 0; node < g.nodeCount(); node++) {
            ArrayPreview preview = "byte[]".equals(g.nodeName(node)) ? ArrayPreview.of(g, node) : null;
            if (preview != null && preview.length() == length && preview.hex().startsWith(hexStart)) {
                return preview;
            }
        }
        throw new AssertionError("no byte[" + length + "] starting " + hexStart + " in the dump");
    }

    @Test
    void anArrayOfReferencesListsItsNonNullElements() {
        HeapGraph g = heap.graph();
        for (int node = 0; node < g.nodeCount(); node++) {
            if (!"java.lang.String[]".equals(g.nodeName(node))) {
                continue;
            }
            List<FieldRow> elements = FieldRows.of(rows, node);
            // KEEP holds new String[] {"a", "b", null}: two elements, the null one has no edge.
            if (elements.size() == 2 && elements.get(0).value().startsWith("java.lang.String \"a\" @0x")) {
                assertEquals("[1]", elements.get(1).name());
                assertTrue(elements.get(1).value().startsWith("java.lang.String \"b\" @0x"));
                assertEquals("reference", elements.get(1).type());
                // The element is a link to the String it holds.
                assertEquals("java.lang.String", rows.row(elements.get(1).target()).className());
                return;
            }
        }
        throw new AssertionError("no String[] {\"a\", \"b\", null} in the dump");
    }

    /** BY_NAME's table holds about 300 entries: the pane lists its first 100 non-null elements, in index order. */
    @Test
    void aLongArrayOfReferencesListsItsFirstHundredElements() {
        HeapGraph g = heap.graph();
        int table = -1;
        for (int node = 0; node < g.nodeCount(); node++) {
            if ("java.util.HashMap$Node[]".equals(g.nodeName(node)) && heap.shallowSizes().get(node) == 16 + 512 * 4) {
                table = node;
            }
        }
        List<FieldRow> elements = FieldRows.of(rows, table);
        assertEquals(100, elements.size());
        int previous = -1;
        for (FieldRow element : elements) {
            int index = Integer.parseInt(element.name().substring(1, element.name().length() - 1));
            assertTrue(index > previous, element.name());
            previous = index;
            assertTrue(element.value().startsWith("java.util.HashMap$Node @0x"), element.value());
            assertEquals("java.util.HashMap$Node[]", element.declaringClass());
        }
    }

    private static Map<String, FieldRow> byName(List<FieldRow> fields) {
        return fields.stream().collect(Collectors.toMap(FieldRow::name, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
