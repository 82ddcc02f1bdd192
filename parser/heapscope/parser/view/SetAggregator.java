package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassTable;
import heapscope.parser.model.ClassAggregate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Summary's rows over an arbitrary set of nodes, by the rules of the engine's {@code ClassAggregator} (which only
 * takes its own filters): per class the accepted instances, their smallest distance and shallow sizes, and the
 * retained sizes of those no accepted instance of the same class dominates; when two classes share a public key the
 * class whose first node comes later is shown. Stateless. No IO.
 */
final class SetAggregator {
    private SetAggregator() {
    }

    static List<ClassAggregate> aggregate(AnalyzedHeap heap, ObjectFilter filter) {
        int nodeCount = heap.graph().nodeCount();
        BitSet accepted = new BitSet(nodeCount);
        for (int node = 0; node < nodeCount; node++) {
            if (filter.accepts(heap, node)) {
                accepted.set(node);
            }
        }
        ClassTable classes = heap.classes();
        int classCount = classes.classCount();
        int[] classByNode = classes.classByNode();
        long[] counts = new long[classCount];
        long[] shallowSums = new long[classCount];
        int[] minDistances = new int[classCount];
        int[] firstNode = new int[classCount];
        Arrays.fill(firstNode, -1);
        for (int node = accepted.nextSetBit(0); node >= 0; node = accepted.nextSetBit(node + 1)) {
            int c = classByNode[node];
            if (counts[c] == 0) {
                firstNode[c] = node;
                minDistances[c] = heap.distances()[node];
            } else {
                minDistances[c] = Math.min(minDistances[c], heap.distances()[node]);
            }
            counts[c]++;
            shallowSums[c] += heap.shallowSizes()[node];
        }
        long[] retained = classRetainedSizes(heap, accepted, classByNode, classCount);
        Map<String, Integer> classByKey = new HashMap<>();
        for (int c = 0; c < classCount; c++) {
            if (firstNode[c] < 0) {
                continue;
            }
            String key = classes.key(c);
            Integer other = classByKey.get(key);
            if (other == null || firstNode[other] < firstNode[c]) {
                classByKey.put(key, c);
            }
        }
        List<ClassAggregate> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : classByKey.entrySet()) {
            int c = entry.getValue();
            rows.add(new ClassAggregate(c, classes.name(c), entry.getKey(), counts[c], minDistances[c],
                    shallowSums[c], retained[c]));
        }
        rows.sort(Comparator.comparingLong(ClassAggregate::retainedSize).reversed()
                .thenComparing(ClassAggregate::name).thenComparing(ClassAggregate::key));
        return rows;
    }

    /** Depth-first over the dominator tree, counting an instance unless one of its class is among its dominators. */
    private static long[] classRetainedSizes(AnalyzedHeap heap, BitSet accepted, int[] classByNode, int classCount) {
        long[] result = new long[classCount];
        int[] active = new int[classCount];
        int[] firstDominated = heap.dominatedNodes().firstDominated();
        int[] dominated = heap.dominatedNodes().dominatedNodes();
        long[] retained = heap.retainedSizes();
        int[] stack = new int[2 * heap.graph().nodeCount() + 1];
        int top = 0;
        stack[top++] = heap.graph().rootOrdinal();
        while (top > 0) {
            int entry = stack[--top];
            if (entry < 0) {
                active[classByNode[-1 - entry]]--;
                continue;
            }
            if (accepted.get(entry)) {
                int c = classByNode[entry];
                if (active[c] == 0) {
                    result[c] += retained[entry];
                }
                active[c]++;
                stack[top++] = -1 - entry;
            }
            for (int i = firstDominated[entry]; i < firstDominated[entry + 1]; i++) {
                stack[top++] = dominated[i];
            }
        }
        return result;
    }
}
