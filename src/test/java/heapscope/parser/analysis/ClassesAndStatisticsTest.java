package heapscope.parser.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.JavaStatistics;
import heapscope.parser.model.V8Statistics;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.TestGraph;
import org.junit.jupiter.api.Test;

/**
 * The Summary's class grouping and the Statistics pane's categories on hand-built heaps whose answer is counted by
 * hand: which nodes share a class row, and how many bytes each category holds.
 */
class ClassesAndStatisticsTest {
    private static AnalyzedHeap analyze(HeapGraph graph) {
        return HeapAnalyzer.analyze(graph, ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    /** Nodes of one name are one class, whichever class id that name got first (the first, 0, included). */
    @Test
    void nodesOfOneNameShareOneClassFromTheFirstOn() {
        HeapGraph graph = new TestGraph().root().node("A", 1).node("B", 1).node("C", 1).node("D", 1).build();
        ClassTable classes = ClassTable.build(graph, new int[] {5, 7, 5, 9, 5}, key -> "name" + key);
        assertArrayEquals(new int[] {0, 1, 0, 2, 0}, classes.classByNode().toArray(5));
        assertEquals(3, classes.classCount());
        assertEquals(",name5", classes.key(0));
    }

    /**
     * DevTools' class key: objects with a source location are grouped by location and name, so two names at one
     * location are two classes, and one name at one location one class, also when it is the very first node.
     */
    @Test
    void oneLocationHoldsOneClassPerName() {
        TestGraph g = new TestGraph()
                .node("Foo1", NodeType.OBJECT, "Foo", 1).location(7, 3, 1)
                .node("Foo2", NodeType.OBJECT, "Foo", 1).location(7, 3, 1)
                .node("Bar", NodeType.OBJECT, "Bar", 1).location(7, 3, 1)
                .node("Foo3", NodeType.OBJECT, "Foo", 1).location(9, 1, 5);
        HeapGraph graph = g.build();
        int[] names = graph.nodeNames().toArray(graph.nodeCount());
        ClassTable classes = ClassTable.build(graph, names);
        assertArrayEquals(new int[] {0, 0, 1, 2}, classes.classByNode().toArray(4));
        assertEquals("7,3,1,Foo", classes.key(0));
        assertEquals("7,3,1,Bar", classes.key(1));
        assertEquals("9,1,5,Foo", classes.key(2));
    }

    /**
     * Java's categories, as MAT and VisualVM sort a class histogram: a String's value array counts with the Strings
     * (also when the array comes before its String in the dump), a byte[] no String holds with the byte and char
     * arrays, then the other primitive arrays, object arrays, class objects and every other instance.
     */
    @Test
    void javaCategoriesCountEachObjectOnce() {
        TestGraph g = new TestGraph().root().element(0, "S1").element(1, "Holder").element(2, "S2").element(3, "I")
                .element(4, "OA").element(5, "K")
                .node("B1", NodeType.OBJECT, "byte[]", 40)
                .node("S1", NodeType.OBJECT, "java.lang.String", 24).edge("value", "B1")
                .node("Lone", NodeType.OBJECT, "byte[]", 16)
                .node("Holder", NodeType.OBJECT, "Holder", 12).edge("bytes", "Lone")
                .node("C", NodeType.OBJECT, "char[]", 30)
                .node("S2", NodeType.OBJECT, "java.lang.String", 24).edge("value", "C")
                .node("I", NodeType.OBJECT, "int[]", 20)
                .node("OA", NodeType.OBJECT, "java.lang.Object[]", 28)
                .node("K", NodeType.OBJECT, "java.lang.Class", 100);
        JavaStatistics s = (JavaStatistics) analyze(g.build(HeapFormat.HPROF)).statistics();
        assertEquals(new JavaStatistics(294, 24 + 40 + 24 + 30, 16, 20, 28, 100, 12), s);
    }

    /**
     * A JS array counts its own size and its elements store when it alone holds the store; an array without a store
     * counts only itself, whatever the next node holds.
     */
    @Test
    void anArrayWithoutElementsCountsOnlyItself() {
        TestGraph g = new TestGraph().root().element(0, "A1").element(1, "A2")
                .node("A1", NodeType.OBJECT, "Array", 16)
                .node("A2", NodeType.OBJECT, "Array", 16).edge(EdgeType.INTERNAL, "elements", "Store")
                .node("Store", NodeType.ARRAY, "(object elements)", 100);
        V8Statistics s = (V8Statistics) analyze(g.build()).statistics();
        assertEquals(16 + 16 + 100, s.jsArrays());
    }
}
