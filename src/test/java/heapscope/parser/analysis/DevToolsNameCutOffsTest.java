package heapscope.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.testing.TestGraph;
import org.junit.jupiter.api.Test;

/**
 * Where DevTools cuts the names it builds (JSHeapSnapshotNode {@code consStringName} and {@code #plainObjectName} in
 * the DevTools build the oracle runs, {@code entrypoints/heap_snapshot_worker/HeapSnapshot.js}): a cons string's text
 * grows by whole halves while it is shorter than 1024 characters; a plain object's sketch takes one property, then
 * more while the whole stays within 100 characters, and marks what it left out with {@code …}. Each case sits on the
 * boundary, so that a rule off by one shows.
 */
class DevToolsNameCutOffsTest {
    /**
     * Leaves L0 to L(n-1) of {@code leafLength} letters each (L0 all a, L1 all b, ...) under a chain of cons strings
     * C1 to C(n-1), each C(i) = C(i+1) + L(i) and the last = L0 + L(n-1): the text reads L0, L(n-1), ..., L1.
     */
    private static TestGraph consOf(int leaves, int leafLength) {
        TestGraph g = new TestGraph().root().element(0, "C1");
        for (int i = 1; i < leaves; i++) {
            g.node("C" + i, NodeType.CONCATENATED_STRING, "(cons)", 16)
                    .edge(EdgeType.INTERNAL, "first", i + 1 < leaves ? "C" + (i + 1) : "L0")
                    .edge(EdgeType.INTERNAL, "second", "L" + i);
        }
        for (int i = 0; i < leaves; i++) {
            g.node("L" + i, NodeType.STRING, String.valueOf((char) ('a' + i % 26)).repeat(leafLength), 16);
        }
        return g;
    }

    private static String name(TestGraph g, String label) {
        HeapGraph graph = g.build();
        return NodeNames.nodeName(graph, g.ordinal(label));
    }

    /** Four halves of 256 make exactly 1024 characters: the walk stops there, a fifth half (L1) is not read. */
    @Test
    void aConsStringStopsAtExactly1024Characters() {
        String text = name(consOf(5, 256), "C1");
        assertEquals("a".repeat(256) + "e".repeat(256) + "d".repeat(256) + "c".repeat(256), text);
    }

    /** 1,023 characters is short of the cap: one more whole half is appended, past 1024. */
    @Test
    void aConsStringOneShortOfTheCapTakesAWholeHalfMore() {
        TestGraph g = new TestGraph().root().element(0, "C")
                .node("C", NodeType.CONCATENATED_STRING, "(cons)", 16).edge(EdgeType.INTERNAL, "first", "A")
                .edge(EdgeType.INTERNAL, "second", "B")
                .node("A", NodeType.STRING, "x".repeat(1023), 16)
                .node("B", NodeType.STRING, "y".repeat(10), 16);
        assertEquals("x".repeat(1023) + "y".repeat(10), name(g, "C"));
    }

    /** Cons strings nested 100 deep (deeper than the walk's first stack) still read in order. */
    @Test
    void aDeeplyNestedConsStringReadsWhole() {
        TestGraph g = consOf(100, 1);
        StringBuilder expected = new StringBuilder("a");
        for (int i = 99; i >= 1; i--) {
            expected.append((char) ('a' + i % 26));
        }
        assertEquals(expected.toString(), name(g, "C1"));
    }

    /**
     * {@code {} + 40 characters, then 58 from the end make exactly 100 characters: kept; the next one (from the start)
     * would pass 100, so the sketch ends and marks the one property left out.
     */
    @Test
    void aPlainObjectSketchKeepsWhatFitsIn100Characters() {
        String first = "a".repeat(40);
        String last = "z".repeat(58);
        TestGraph g = new TestGraph().root().element(0, "O")
                .node("O", NodeType.OBJECT, "Object", 16).edge(first, "V").edge("m", "V").edge(last, "V")
                .node("V", 1);
        assertEquals("{" + first + ", \u2026, " + last + "}", name(g, "O"));
    }

    /** One property is always shown, however long; nothing is left out, so no mark. */
    @Test
    void aPlainObjectShowsItsFirstPropertyHoweverLong() {
        String only = "p".repeat(120);
        TestGraph g = new TestGraph().root().element(0, "O")
                .node("O", NodeType.OBJECT, "Object", 16).edge(only, "V")
                .node("V", 1);
        assertEquals("{" + only + "}", name(g, "O"));
    }
}
