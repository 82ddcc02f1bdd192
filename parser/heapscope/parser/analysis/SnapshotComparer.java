package heapscope.parser.analysis;

import com.carrotsearch.hppc.IntArrayList;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Comparison view of two V8 snapshots of one process (DevTools' {@code aggregatesForDiff} and
 * {@code calculateSnapshotDiff}). The target's interface definitions are applied to the base first, so plain objects
 * are grouped alike on both sides; then, per class key, the ids of the counted objects (non-zero shallow size) are
 * merged: ids only in the base are deleted, ids only in the target are new. Classes with nothing new or deleted are
 * left out; rows are sorted by allocated size, largest first. Reads both heaps, changes neither; thread-safe. No IO.
 */
public final class SnapshotComparer {
    private SnapshotComparer() {
    }

    public static List<ClassDiff> compare(AnalyzedHeap base, AnalyzedHeap target, CancelSignal cancel) {
        if (base.format() != HeapFormat.V8_HEAPSNAPSHOT || target.format() != HeapFormat.V8_HEAPSNAPSHOT) {
            throw new IllegalArgumentException("objects are matched by V8 id; compare HPROF dumps with "
                    + "MatchedComparer");
        }
        Side before = Side.of(base, classesWithDefinitionsOf(base, target, cancel));
        Side after = Side.of(target, target.classes());
        List<ClassDiff> rows = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : before.nodesByKey.entrySet()) {
            ClassDiff diff = diff(entry.getKey(), before, entry.getValue(), after, after.nodesByKey.get(entry.getKey()));
            if (diff != null) {
                rows.add(diff);
            }
        }
        for (Map.Entry<String, int[]> entry : after.nodesByKey.entrySet()) {
            if (!before.nodesByKey.containsKey(entry.getKey())) {
                ClassDiff diff = diff(entry.getKey(), before, new int[0], after, entry.getValue());
                if (diff != null) {
                    rows.add(diff);
                }
            }
        }
        rows.sort(Comparator.comparingLong(ClassDiff::allocSize).reversed().thenComparing(ClassDiff::name)
                .thenComparing(ClassDiff::key));
        return rows;
    }

    /** Merges two id-sorted node lists of one class key. */
    private static ClassDiff diff(String key, Side base, int[] baseNodes, Side target, int[] targetNodes) {
        if (targetNodes == null) {
            targetNodes = new int[0];
        }
        IntArrayList added = new IntArrayList();
        IntArrayList deleted = new IntArrayList();
        long allocSize = 0;
        long freedSize = 0;
        int i = 0;
        int j = 0;
        while (i < baseNodes.length || j < targetNodes.length) {
            long baseId = i < baseNodes.length ? base.graph.nodeId(baseNodes[i]) : Long.MAX_VALUE;
            long targetId = j < targetNodes.length ? target.graph.nodeId(targetNodes[j]) : Long.MAX_VALUE;
            if (baseId < targetId) {
                deleted.add(baseNodes[i]);
                freedSize += base.shallow.get(baseNodes[i++]);
            } else if (targetId < baseId) {
                added.add(targetNodes[j]);
                allocSize += target.shallow.get(targetNodes[j++]);
            } else {
                i++;
                j++;
            }
        }
        if (added.isEmpty() && deleted.isEmpty()) {
            return null;
        }
        String name = targetNodes.length > 0 ? target.classes.name(target.classes.classByNode().get(targetNodes[0]))
                : base.classes.name(base.classes.classByNode().get(baseNodes[0]));
        return new ClassDiff(name, key, added.size(), deleted.size(), allocSize, freedSize, added.toArray(),
                deleted.toArray());
    }

    /**
     * The base's classes as DevTools forms them for a comparison: its plain objects renamed after the target's
     * interfaces instead of its own; every other class unchanged. Nothing is written to the base heap.
     */
    private static ClassTable classesWithDefinitionsOf(AnalyzedHeap base, AnalyzedHeap target, CancelSignal cancel) {
        List<InterfaceDefinitions.Definition> definitions = target.interfaceDefinitions();
        if (definitions.equals(base.interfaceDefinitions())) {
            return base.classes();
        }
        var graph = base.graph();
        int[] matches = InterfaceDefinitions.match(graph, definitions, cancel);
        NameMask object = NameMask.of(graph.strings(), "Object");
        ClassTable own = base.classes();
        int[] nameKeys = new int[graph.nodeCount()];
        for (int node = 0; node < nameKeys.length; node++) {
            boolean plain = graph.nodeTypes().get(node) == NodeType.OBJECT && object.test(graph.nodeNames().get(node));
            if (!plain) {
                nameKeys[node] = own.nameKey(own.classByNode().get(node));
            } else if (matches[node] == InterfaceDefinitions.NO_MATCH) {
                nameKeys[node] = graph.nodeNames().get(node);
            } else {
                nameKeys[node] = -1 - matches[node];
            }
        }
        return ClassTable.build(graph, nameKeys,
                k -> k >= 0 ? graph.strings().get(k) : definitions.get(-1 - k).name());
    }

    /** One snapshot's counted nodes grouped by public class key, each group sorted by id. */
    private record Side(HeapGraph graph, NodeSizes shallow, ClassTable classes, Map<String, int[]> nodesByKey) {
        static Side of(AnalyzedHeap heap, ClassTable classes) {
            HeapGraph graph = heap.graph();
            NodeSizes shallow = heap.shallowSizes();
            // The objects the Summary counts are the ones Comparison matches.
            BitSet counted = ClassAggregator.accepted(heap, NodeFilter.ALL);
            IntColumn classByNode = classes.classByNode();
            int classCount = classes.classCount();
            int[] firstNode = new int[classCount];
            Arrays.fill(firstNode, -1);
            int[] counts = new int[classCount];
            for (int node = counted.nextSetBit(0); node >= 0; node = counted.nextSetBit(node + 1)) {
                int c = classByNode.get(node);
                if (counts[c]++ == 0) {
                    firstNode[c] = node;
                }
            }
            Map<String, int[]> nodesByKey = new HashMap<>();
            int[][] nodesByClass = new int[classCount][];
            int[] filled = new int[classCount];
            for (Map.Entry<String, Integer> shown : ClassAggregator.shownClassByKey(classes, firstNode).entrySet()) {
                int c = shown.getValue();
                nodesByClass[c] = new int[counts[c]];
                nodesByKey.put(shown.getKey(), nodesByClass[c]);
            }
            for (int node = counted.nextSetBit(0); node >= 0; node = counted.nextSetBit(node + 1)) {
                int c = classByNode.get(node);
                if (nodesByClass[c] != null) {
                    nodesByClass[c][filled[c]++] = node;
                }
            }
            for (int[] nodes : nodesByKey.values()) {
                sortById(nodes, graph);
            }
            return new Side(graph, shallow, classes, nodesByKey);
        }

        /** Sorts by V8 id (a uint32, unique in a snapshot), packing id and position into one long per node. */
        private static void sortById(int[] nodes, HeapGraph graph) {
            long[] keyed = new long[nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                keyed[i] = (graph.nodeId(nodes[i]) << 31) | i;
            }
            Arrays.sort(keyed);
            int[] copy = nodes.clone();
            for (int i = 0; i < keyed.length; i++) {
                nodes[i] = copy[(int) (keyed[i] & Integer.MAX_VALUE)];
            }
        }
    }
}
