package heapscope.app.cli;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.model.ClassAggregate;
import java.nio.file.Path;
import java.util.List;

/** The JSON document of {@code summary --json}; the README documents every field. */
record SummaryJson(String file, String format, int nodeCount, int edgeCount, long totalSize, long maxJsObjectId,
        List<String> warnings, Object filter, UnreachableJson unreachable, List<Row> classes,
        SummaryCommand.InstancesJson instances) {

    record Row(String name, String key, long count, int distance, long shallowSize, long retainedSize) {
    }

    static SummaryJson of(Path file, AnalyzedHeap heap, Object filter, UnreachableJson unreachable,
            List<ClassAggregate> rows, SummaryCommand.InstancesJson instances) {
        List<Row> classes = rows.stream().map(r -> new Row(r.name(), r.key(), r.count(), r.distance(), r.shallowSize(),
                r.retainedSize())).toList();
        return new SummaryJson(Paths.absolute(file), heap.format().jsonName(),
                heap.graph().nodeCount(), heap.graph().edgeCount(), heap.totalSize(), heap.maxJsObjectId(),
                heap.graph().fileNotes().warnings(), filter, unreachable, classes, instances);
    }
}
