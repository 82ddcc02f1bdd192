package heapscope.parser.analysis;

import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.model.NodeFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Comparison of two HPROF dumps, class by class. Object ids are addresses, which the garbage collector changes between
 * dumps, so objects cannot be matched one to one (MAT, YourKit and JProfiler compare HPROF dumps the same way): a
 * class whose count grew has that many "new" objects, one that shrank that many "deleted", and likewise for bytes.
 * No instances are listed. Stateless; thread-safe. No IO.
 */
public final class HistogramComparer {
    private HistogramComparer() {
    }

    public static List<ClassDiff> compare(AnalyzedHeap base, AnalyzedHeap target) {
        Map<String, ClassAggregate> before = byKey(base);
        Map<String, ClassAggregate> after = byKey(target);
        Map<String, String> names = new HashMap<>();
        before.values().forEach(c -> names.put(c.key(), c.name()));
        after.values().forEach(c -> names.put(c.key(), c.name()));
        List<ClassDiff> rows = new ArrayList<>();
        int[] none = new int[0];
        for (Map.Entry<String, String> entry : names.entrySet()) {
            ClassAggregate b = before.get(entry.getKey());
            ClassAggregate a = after.get(entry.getKey());
            long countDelta = (a == null ? 0 : a.count()) - (b == null ? 0 : b.count());
            long sizeDelta = (a == null ? 0 : a.shallowSize()) - (b == null ? 0 : b.shallowSize());
            if (countDelta == 0 && sizeDelta == 0) {
                continue;
            }
            rows.add(new ClassDiff(entry.getValue(), entry.getKey(), Math.max(0, countDelta), Math.max(0, -countDelta),
                    Math.max(0, sizeDelta), Math.max(0, -sizeDelta), none, none));
        }
        rows.sort(Comparator.comparingLong(ClassDiff::allocSize).reversed().thenComparing(ClassDiff::name)
                .thenComparing(ClassDiff::key));
        return rows;
    }

    private static Map<String, ClassAggregate> byKey(AnalyzedHeap heap) {
        Map<String, ClassAggregate> rows = new HashMap<>();
        for (ClassAggregate row : ClassAggregator.aggregate(heap, NodeFilter.ALL)) {
            rows.put(row.key(), row);
        }
        return rows;
    }
}
