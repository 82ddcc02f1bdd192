package heapscope.app.cli;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.analysis.Distances;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heapscope summary FILE [--json] [--top N]}: the Summary view, one row per class, largest retained size
 * first. Exit codes as {@link HeapscopeCommand}.
 */
@Command(name = "summary", description = "Classes with their instance count, distance, shallow and retained size.")
final class SummaryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A .heapsnapshot or .hprof file, plain or gzip-compressed.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", description = "Only the N classes with the largest retained size.")
    Integer top;

    @Mixin
    HeapLoading loading;

    @Override
    public Integer call() throws Exception {
        AnalyzedHeap heap = loading.load(file, loading.listener());
        List<ClassAggregate> rows = ClassAggregator.aggregate(heap, NodeFilter.ALL);
        if (top != null && top < rows.size()) {
            rows = rows.subList(0, Math.max(0, top));
        }
        PrintStream out = System.out;
        if (json) {
            Json.print(SummaryJson.of(file, heap, null, rows), out);
        } else {
            printTable(heap, rows, out);
        }
        return 0;
    }

    private static void printTable(AnalyzedHeap heap, List<ClassAggregate> rows, PrintStream out) {
        long total = heap.totalSize();
        TextTable table = new TextTable("Constructor", "Distance", "Count", "Shallow Size", "", "Retained Size", "");
        for (ClassAggregate row : rows) {
            table.row(abbreviate(row.name()), distanceText(row.distance()), Long.toString(row.count()),
                    Sizes.bytes(row.shallowSize()), Sizes.percent(row.shallowSize(), total),
                    Sizes.bytes(row.retainedSize()), Sizes.percent(row.retainedSize(), total));
        }
        out.println(heap.format().jsonName() + ", " + heap.graph().nodeCount() + " nodes, " + heap.graph().edgeCount()
                + " edges, total " + Sizes.bytes(total));
        table.print(out);
    }

    /** Keeps the table readable: interface names and string classes can be hundreds of characters long. */
    private static String abbreviate(String name) {
        String oneLine = name.replace('\n', ' ');
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "\u2026";
    }

    /** As DevTools shows it: a number for user-reachable objects, "−" for the rest. */
    static String distanceText(int distance) {
        return Distances.isUserReachable(distance) ? Integer.toString(distance) : "\u2212";
    }
}
