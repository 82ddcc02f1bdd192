package heapscope.parser.analysis.matching;

import com.carrotsearch.hppc.IntArrayList;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.analysis.ClassTable;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.model.NodeFilter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Comparison view of two Java heap dumps of one process, object by object: per class, the objects of the target
 * that the {@link ObjectMatching} found in no object of the base are new, and the base's objects that no target object
 * matched are deleted; sizes are shallow. The same objects as the Summary counts, on both sides (reachable, with a
 * size). Rows as {@link heapscope.parser.analysis.SnapshotComparer}'s: classes with nothing new or deleted left out,
 * largest allocated size first. Reads both heaps, changes neither; thread-safe. No IO.
 */
public final class MatchedComparer {
    private MatchedComparer() {
    }

    public static List<ClassDiff> compare(AnalyzedHeap base, AnalyzedHeap target, ObjectMatching matching) {
        BitSet matchedInBase = new BitSet(base.graph().nodeCount());
        for (int node = 0; node < matching.newerNodeCount(); node++) {
            int older = matching.olderOf(node);
            if (older >= 0) {
                matchedInBase.set(older);
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        BitSet targetCounted = ClassAggregator.accepted(target, NodeFilter.ALL);
        ClassTable targetClasses = target.classes();
        NodeSizes targetSizes = target.shallowSizes();
        for (int node = targetCounted.nextSetBit(0); node >= 0; node = targetCounted.nextSetBit(node + 1)) {
            if (matching.olderOf(node) < 0) {
                int c = targetClasses.classByNode().get(node);
                Row row = rows.computeIfAbsent(targetClasses.key(c), key -> new Row(targetClasses.name(c)));
                row.added.add(node);
                row.allocSize += targetSizes.get(node);
            }
        }
        BitSet baseCounted = ClassAggregator.accepted(base, NodeFilter.ALL);
        ClassTable baseClasses = base.classes();
        NodeSizes baseSizes = base.shallowSizes();
        for (int node = baseCounted.nextSetBit(0); node >= 0; node = baseCounted.nextSetBit(node + 1)) {
            if (!matchedInBase.get(node)) {
                int c = baseClasses.classByNode().get(node);
                Row row = rows.computeIfAbsent(baseClasses.key(c), key -> new Row(baseClasses.name(c)));
                row.deleted.add(node);
                row.freedSize += baseSizes.get(node);
            }
        }
        List<ClassDiff> diffs = new ArrayList<>(rows.size());
        rows.forEach((key, row) -> diffs.add(new ClassDiff(row.name, key, row.added.size(), row.deleted.size(),
                row.allocSize, row.freedSize, row.added.toArray(), row.deleted.toArray())));
        diffs.sort(Comparator.comparingLong(ClassDiff::allocSize).reversed().thenComparing(ClassDiff::name)
                .thenComparing(ClassDiff::key));
        return diffs;
    }

    /** One class's new and deleted objects while they are collected. */
    private static final class Row {
        final String name;
        final IntArrayList added = new IntArrayList();
        final IntArrayList deleted = new IntArrayList();
        long allocSize;
        long freedSize;

        Row(String name) {
            this.name = name;
        }
    }
}
