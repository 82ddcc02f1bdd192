package heapscope.parser.read.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.HeapAnalyzer;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.store.IntColumn;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The analyses' retained sizes on a real dump against brute force: an object retains what stops being reachable from
 * the root (over non-weak edges) when the object is taken away. Uses the committed JDK 25 dump.
 */
class HprofRetainedSizesTest {
    @Test
    void retainedSizesOnARealDumpMatchBruteForce() throws Exception {
        HprofHeap hprof = HprofReader.read(Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz"),
                ProgressListener.NO_OP, CancelSignal.NEVER);
        HeapGraph g = hprof.graph();
        AnalyzedHeap heap = HeapAnalyzer.analyze(g, ProgressListener.NO_OP, CancelSignal.NEVER);
        BitSet reachable = reachableWithout(g, -1);
        BitSet unreachable = heap.uncountedNodes();
        assertEquals(g.nodeCount() - reachable.cardinality(), unreachable.cardinality());
        Random random = new Random(5);
        int checked = 0;
        for (int attempt = 0; attempt < 400; attempt++) {
            int node = 1 + random.nextInt(g.nodeCount() - 1);
            if (!reachable.get(node)) {
                continue;
            }
            BitSet without = reachableWithout(g, node);
            long retained = 0;
            for (int u = reachable.nextSetBit(0); u >= 0; u = reachable.nextSetBit(u + 1)) {
                if (!without.get(u)) {
                    retained += g.nodeSelfSizes().get(u);
                }
            }
            assertEquals(retained, heap.retainedSizes().get(node), "retained size of node " + node + " ("
                    + g.nodeName(node) + ")");
            checked++;
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    /** Nodes reachable from the root over non-weak edges when {@code removed} (if >= 0) is taken away. */
    private static BitSet reachableWithout(HeapGraph g, int removed) {
        BitSet seen = new BitSet(g.nodeCount());
        int[] stack = new int[g.nodeCount()];
        int top = 0;
        stack[top++] = g.rootOrdinal();
        seen.set(g.rootOrdinal());
        IntColumn first = g.firstEdgeIndex();
        while (top > 0) {
            int node = stack[--top];
            for (int e = first.get(node); e < first.get(node + 1); e++) {
                int target = g.edgeTarget(e);
                if (g.edgeType(e) != EdgeType.WEAK && target != removed && !seen.get(target)) {
                    seen.set(target);
                    stack[top++] = target;
                }
            }
        }
        return seen;
    }
}
