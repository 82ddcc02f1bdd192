package heapscope.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.analysis.ClassTable;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeLocations;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.view.NodeRow;
import heapscope.parser.view.NodeRows;
import java.util.Arrays;
import java.util.List;

/**
 * Asserts that a heap restored from a store is the heap that was stored: every array of the graph and of the
 * analyses that a view reads, element by element, and every grid row's text (String texts included).
 */
public final class SameHeap {
    private SameHeap() {
    }

    public static void assertSame(AnalyzedHeap expected, AnalyzedHeap actual) {
        HeapGraph a = expected.graph();
        HeapGraph b = actual.graph();
        int n = a.nodeCount();
        assertEquals(a.format(), b.format());
        assertEquals(n, b.nodeCount());
        assertEquals(a.edgeCount(), b.edgeCount());
        assertEquals(a.rootOrdinal(), b.rootOrdinal());
        assertEquals(a.extraNativeBytes(), b.extraNativeBytes());
        assertEquals(a.fileNotes(), b.fileNotes());
        assertEquals(a.strings().size(), b.strings().size());
        for (int s = 0; s < a.strings().size(); s++) {
            assertEquals(a.strings().get(s), b.strings().get(s), "string " + s);
        }
        assertArrayEquals(a.nodeTypes().toArray(n), b.nodeTypes().toArray(n));
        assertArrayEquals(a.nodeNames().toArray(n), b.nodeNames().toArray(n));
        assertArrayEquals(a.firstEdgeIndex().toArray(n + 1), b.firstEdgeIndex().toArray(n + 1));
        assertArrayEquals(a.edgeTargets().toArray(a.edgeCount()), b.edgeTargets().toArray(a.edgeCount()));
        assertArrayEquals(a.nodeDetachedness(), b.nodeDetachedness());
        assertEquals(a.contentHashes() == null, b.contentHashes() == null, "content hashes");
        if (a.contentHashes() != null) {
            assertArrayEquals(a.contentHashes().toArray(n), b.contentHashes().toArray(n));
        }
        for (int node = 0; node < n; node++) {
            assertEquals(a.nodeId(node), b.nodeId(node), "id of node " + node);
            assertEquals(a.nodeSelfSizes().get(node), b.nodeSelfSizes().get(node), "self size of node " + node);
            assertEquals(a.nodeTypeName(node), b.nodeTypeName(node));
            assertEquals(a.nodeLabel(node), b.nodeLabel(node));
        }
        for (int e = 0; e < a.edgeCount(); e++) {
            assertEquals(a.edgeType(e), b.edgeType(e), "type of edge " + e);
            assertEquals(a.edgeNameIndex(e), b.edgeNameIndex(e), "name of edge " + e);
            assertEquals(a.edgeTypeName(e), b.edgeTypeName(e));
        }
        NodeLocations la = a.locations();
        NodeLocations lb = b.locations();
        assertEquals(la.size(), lb.size());
        for (int i = 0; i < la.size(); i++) {
            assertEquals(la.node(i), lb.node(i));
            assertEquals(la.place(i), lb.place(i));
            assertEquals(List3.of(la.scriptId(i), la.line(i), la.column(i)), List3.of(lb.scriptId(i), lb.line(i),
                    lb.column(i)));
        }

        assertArrayEquals(expected.retainers().firstRetainerSlot().toArray(n + 1),
                actual.retainers().firstRetainerSlot().toArray(n + 1));
        assertArrayEquals(expected.retainers().retainerSources().toArray(a.edgeCount()),
                actual.retainers().retainerSources().toArray(a.edgeCount()));
        assertArrayEquals(expected.domStates().toArray(n), actual.domStates().toArray(n));
        assertArrayEquals(expected.distances().toArray(n), actual.distances().toArray(n));
        assertArrayEquals(expected.dominators().toArray(n), actual.dominators().toArray(n));
        assertArrayEquals(expected.dominatedNodes().firstDominated().toArray(n + 1),
                actual.dominatedNodes().firstDominated().toArray(n + 1));
        assertArrayEquals(expected.dominatedNodes().dominatedNodes().toArray(n - 1),
                actual.dominatedNodes().dominatedNodes().toArray(n - 1));
        for (int node = 0; node < n; node++) {
            assertEquals(expected.shallowSizes().get(node), actual.shallowSizes().get(node), "shallow " + node);
            assertEquals(expected.retainedSizes().get(node), actual.retainedSizes().get(node), "retained " + node);
        }
        assertEquals(expected.uncountedNodes(), actual.uncountedNodes());
        assertEquals(expected.statistics(), actual.statistics());
        assertEquals(expected.totalSize(), actual.totalSize());
        assertEquals(expected.maxJsObjectId(), actual.maxJsObjectId());
        ClassTable ca = expected.classes();
        ClassTable cb = actual.classes();
        assertArrayEquals(ca.classByNode().toArray(ca.classByNode().length()),
                cb.classByNode().toArray(cb.classByNode().length()));
        assertEquals(ca.classCount(), cb.classCount());
        for (int c = 0; c < ca.classCount(); c++) {
            assertEquals(ca.name(c), cb.name(c));
            assertEquals(ca.key(c), cb.key(c));
        }
        for (NodeFilter filter : List.of(NodeFilter.ALL, new NodeFilter.Unreachable())) {
            assertEquals(ClassAggregator.aggregate(expected, filter), ClassAggregator.aggregate(actual, filter),
                    "Summary rows under " + filter);
        }
        NodeRows ra = new NodeRows(expected);
        NodeRows rb = new NodeRows(actual);
        for (int node = 0; node < n; node++) {
            NodeRow rowA = ra.row(node);
            NodeRow rowB = rb.row(node);
            assertEquals(rowA, rowB, "row of node " + node);
        }
    }

    /** Three ints compared as one value. */
    private record List3(int a, int b, int c) {
        static List3 of(int a, int b, int c) {
            return new List3(a, b, c);
        }
    }
}
