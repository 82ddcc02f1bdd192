package heapscope.app.cli;

import heapscope.app.Json;
import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.analysis.Distances;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.read.HeapFileException;
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

    @Option(names = "--allocated-between", arity = "2", paramLabel = "SNAPSHOT",
            description = "Only objects allocated between two earlier snapshots of the same process (V8), as DevTools' "
                    + "\"Objects allocated between Snapshot 1 and Snapshot 2\": ids above the first's largest JS "
                    + "object id, up to the second's.")
    List<Path> allocatedBetween;

    @Option(names = "--filter", paramLabel = "NAME",
            description = "duplicated-strings (strings whose text another string has) or detached-dom (objects "
                    + "retained by detached DOM nodes), as DevTools' Summary filters.")
    NamedFilter namedFilter;

    @Option(names = "--include-unreachable",
            description = "Count the objects of an HPROF dump that no GC root reaches (left out by default).")
    boolean includeUnreachable;

    @Mixin
    HeapLoading loading;

    /** The Summary's named filters, by their CLI names. */
    enum NamedFilter {
        DUPLICATED_STRINGS("duplicated-strings", new NodeFilter.DuplicatedStrings()),
        DETACHED_DOM("detached-dom", new NodeFilter.DetachedDom());

        final String cliName;
        final NodeFilter filter;

        NamedFilter(String cliName, NodeFilter filter) {
            this.cliName = cliName;
            this.filter = filter;
        }

        @Override
        public String toString() {
            return cliName;
        }
    }

    /** The {@code filter} object of the JSON for {@code --filter NAME}. */
    record NamedFilterJson(String kind) {
    }

    /** The {@code filter} object of the JSON for {@code --allocated-between}. */
    record AllocatedBetweenJson(String kind, String first, String last, long minIdExclusive, long maxIdInclusive) {
    }

    @Override
    public Integer call() throws Exception {
        NodeFilter filter = NodeFilter.ALL;
        Object filterJson = null;
        if (allocatedBetween != null && namedFilter != null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--allocated-between and --filter cannot be combined");
        }
        if (namedFilter != null) {
            filter = namedFilter.filter;
            filterJson = new NamedFilterJson(namedFilter.cliName);
        }
        if (allocatedBetween != null) {
            long first = HeapLoader.maxJsObjectId(allocatedBetween.get(0), loading.cache());
            long last = HeapLoader.maxJsObjectId(allocatedBetween.get(1), loading.cache());
            filter = new NodeFilter.AllocatedBetween(first, last);
            filterJson = new AllocatedBetweenJson("allocated-between", Paths.absolute(allocatedBetween.get(0)),
                    Paths.absolute(allocatedBetween.get(1)), first, last);
        }
        AnalyzedHeap heap = loading.load(file, loading.listener());
        if (filter != NodeFilter.ALL && heap.format() != HeapFormat.V8_HEAPSNAPSHOT) {
            throw new HeapFileException(file, "--allocated-between needs V8 snapshots: HPROF object ids are "
                    + "addresses, which move between dumps, so they do not tell when an object was allocated");
        }
        if (includeUnreachable && filter == NodeFilter.ALL) {
            filter = new NodeFilter.AllIncludingUnreachable();
        }
        UnreachableJson unreachable = UnreachableJson.of(heap, includeUnreachable);
        List<ClassAggregate> rows = ClassAggregator.aggregate(heap, filter);
        if (top != null && top < rows.size()) {
            rows = rows.subList(0, Math.max(0, top));
        }
        PrintStream out = System.out;
        if (json) {
            Json.print(SummaryJson.of(file, heap, filterJson, unreachable, rows), out);
        } else {
            printTable(heap, rows, out);
            if (unreachable != null) {
                out.println(unreachable.describe());
            }
        }
        return 0;
    }

    private static void printTable(AnalyzedHeap heap, List<ClassAggregate> rows, PrintStream out) {
        long total = heap.totalSize();
        TextTable table = new TextTable("Constructor", "Distance", "Count", "Shallow Size", "", "Retained Size", "");
        for (ClassAggregate row : rows) {
            table.row(Names.abbreviate(row.name()), distanceText(row.distance()), Long.toString(row.count()),
                    Sizes.bytes(row.shallowSize()), Sizes.percent(row.shallowSize(), total),
                    Sizes.bytes(row.retainedSize()), Sizes.percent(row.retainedSize(), total));
        }
        out.println(heap.format().jsonName() + ", " + heap.graph().nodeCount() + " nodes, " + heap.graph().edgeCount()
                + " edges, total " + Sizes.bytes(total));
        table.print(out);
    }

    /** As DevTools shows it: a number for user-reachable objects, "−" for the rest. */
    static String distanceText(int distance) {
        return Distances.isUserReachable(distance) ? Integer.toString(distance) : "\u2212";
    }
}
