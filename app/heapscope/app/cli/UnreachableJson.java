package heapscope.app.cli;

import heapscope.parser.view.Units;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import java.util.List;

/**
 * The {@code unreachable} object of the JSON: objects of an HPROF dump that no GC root reaches, per class, largest
 * first. They are left out of every size and of the Summary unless asked for; null for V8 snapshots.
 */
record UnreachableJson(long count, long shallowSize, boolean included, List<Row> classes) {

    record Row(String name, long count, long shallowSize) {
    }

    static UnreachableJson of(AnalyzedHeap heap, boolean included) {
        if (heap.uncountedNodes() == null) {
            return null;
        }
        List<ClassAggregate> rows = ClassAggregator.aggregate(heap, new NodeFilter.Unreachable());
        List<Row> classes = rows.stream()
                .sorted((a, b) -> Long.compare(b.shallowSize(), a.shallowSize()))
                .map(r -> new Row(r.name(), r.count(), r.shallowSize())).toList();
        return new UnreachableJson(classes.stream().mapToLong(Row::count).sum(),
                classes.stream().mapToLong(Row::shallowSize).sum(), included, classes);
    }

    /** One line for the text output. */
    String describe() {
        return "Unreachable:   " + Units.count(count) + " objects, " + Units.count(shallowSize) + " bytes, "
                + (included ? "counted in the classes above" : "left out (--include-unreachable counts them)");
    }
}
