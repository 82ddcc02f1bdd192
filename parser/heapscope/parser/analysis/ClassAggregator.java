package heapscope.parser.analysis;

import com.carrotsearch.hppc.IntArrayList;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Summary view's rows (DevTools' {@code buildAggregates} and {@code calculateClassesRetainedSize}): per class,
 * the instances that pass the filter and have a non-zero shallow size, their smallest distance, their shallow sizes
 * added up, and the retained sizes of those instances that no instance of the same class dominates. Rows are sorted
 * by retained size (largest first), then name and key. Stateless. No IO.
 */
public final class ClassAggregator {
    private ClassAggregator() {
    }

    /**
     * The rows under {@code filter}; under a filter without arguments ({@link StoredSummaries#FILTERS}) they are made
     * once per heap (or restored with it from the analysis cache) and the same unmodifiable list is returned.
     */
    public static List<ClassAggregate> aggregate(AnalyzedHeap heap, NodeFilter filter) {
        if (StoredSummaries.FILTERS.contains(filter)) {
            return heap.summary(filter, f -> aggregateNodes(heap, f));
        }
        return aggregateNodes(heap, filter);
    }

    private static List<ClassAggregate> aggregateNodes(AnalyzedHeap heap, NodeFilter filter) {
        BitSet accepted = accepted(heap, filter);
        ClassTable classes = heap.classes();
        int classCount = classes.classCount();
        IntColumn classByNode = classes.classByNode();
        NodeSizes shallow = heap.shallowSizes();
        IntColumn distances = heap.distances();
        long[] counts = new long[classCount];
        long[] shallowSums = new long[classCount];
        int[] minDistances = new int[classCount];
        int[] firstNode = new int[classCount];
        Arrays.fill(firstNode, -1);
        for (int node = accepted.nextSetBit(0); node >= 0; node = accepted.nextSetBit(node + 1)) {
            int c = classByNode.get(node);
            if (counts[c] == 0) {
                firstNode[c] = node;
                minDistances[c] = distances.get(node);
            } else {
                minDistances[c] = Math.min(minDistances[c], distances.get(node));
            }
            counts[c]++;
            shallowSums[c] += shallow.get(node);
        }
        long[] retained = classRetainedSizes(heap, accepted, classByNode, classCount);

        Map<String, Integer> classByKey = shownClassByKey(classes, firstNode);
        List<ClassAggregate> rows = new ArrayList<>(classByKey.size());
        for (Map.Entry<String, Integer> entry : classByKey.entrySet()) {
            int c = entry.getValue();
            rows.add(new ClassAggregate(c, classes.name(c), entry.getKey(), counts[c], minDistances[c], shallowSums[c],
                    retained[c]));
        }
        rows.sort(Comparator.comparingLong(ClassAggregate::retainedSize).reversed()
                .thenComparing(ClassAggregate::name).thenComparing(ClassAggregate::key));
        return rows;
    }

    /**
     * The class each public key shows, among the classes with a first counted node ({@code firstNode[c] >= 0}).
     * DevTools keys its result object by public key and fills it in order of each class's first node, so when two
     * classes share a key (an object constructor named like a derived name such as "Function") the later one wins.
     */
    static Map<String, Integer> shownClassByKey(ClassTable classes, int[] firstNode) {
        Map<String, Integer> classByKey = new HashMap<>();
        for (int c = 0; c < classes.classCount(); c++) {
            if (firstNode[c] < 0) {
                continue;
            }
            String key = classes.key(c);
            Integer other = classByKey.get(key);
            if (other == null || firstNode[other] < firstNode[c]) {
                classByKey.put(key, c);
            }
        }
        return classByKey;
    }

    /**
     * The nodes the Summary counts: with a shallow size, passing the filter, and reachable (HPROF) unless the filter
     * asks for unreachable objects. Unreachable objects retain nothing: their retained size is 0.
     */
    public static BitSet accepted(AnalyzedHeap heap, NodeFilter filter) {
        int nodeCount = heap.graph().nodeCount();
        NodeSizes shallow = heap.shallowSizes();
        BitSet uncounted = heap.uncountedNodes() != null ? heap.uncountedNodes() : new BitSet();
        boolean onlyUncounted = filter instanceof NodeFilter.Unreachable;
        boolean withUncounted = filter instanceof NodeFilter.AllIncludingUnreachable;
        BitSet named = NamedFilters.of(heap, filter);
        BitSet accepted = new BitSet(nodeCount);
        for (int node = 0; node < nodeCount; node++) {
            if (shallow.get(node) == 0 || (named != null && !named.get(node))) {
                continue;
            }
            if (onlyUncounted ? !uncounted.get(node) : !withUncounted && uncounted.get(node)) {
                continue;
            }
            if (filter instanceof NodeFilter.AllocatedBetween range && !range.accepts(heap.graph().nodeId(node))) {
                continue;
            }
            if (filter instanceof NodeFilter.FirstSeenBetween range && !range.accepts(node)) {
                continue;
            }
            accepted.set(node);
        }
        return accepted;
    }

    /**
     * Walks the dominator tree depth-first, counting an accepted instance's retained size unless an accepted instance
     * of its class is among its dominators; {@code active[c]} counts such dominators on the current path. The stack
     * holds the path (a node and where it is in its children), so it is as deep as the tree, not as wide.
     */
    private static long[] classRetainedSizes(AnalyzedHeap heap, BitSet accepted, IntColumn classByNode, int classCount) {
        long[] result = new long[classCount];
        int[] active = new int[classCount];
        IntColumn firstDominated = heap.dominatedNodes().firstDominated();
        IntColumn dominated = heap.dominatedNodes().dominatedNodes();
        NodeSizes retained = heap.retainedSizes();
        IntArrayList path = new IntArrayList();
        IntArrayList nextChild = new IntArrayList();
        int root = heap.graph().rootOrdinal();
        enter(root, accepted, classByNode, retained, active, result);
        path.add(root);
        nextChild.add(firstDominated.get(root));
        while (!path.isEmpty()) {
            int top = path.size() - 1;
            int node = path.get(top);
            int cursor = nextChild.get(top);
            if (cursor < firstDominated.get(node + 1)) {
                nextChild.set(top, cursor + 1);
                int child = dominated.get(cursor);
                enter(child, accepted, classByNode, retained, active, result);
                path.add(child);
                nextChild.add(firstDominated.get(child));
            } else {
                if (accepted.get(node)) {
                    active[classByNode.get(node)]--;
                }
                path.removeLast();
                nextChild.removeLast();
            }
        }
        return result;
    }

    private static void enter(int node, BitSet accepted, IntColumn classByNode, NodeSizes retained, int[] active,
            long[] result) {
        if (accepted.get(node)) {
            int c = classByNode.get(node);
            if (active[c] == 0) {
                result[c] += retained.get(node);
            }
            active[c]++;
        }
    }
}
