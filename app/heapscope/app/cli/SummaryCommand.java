package heapscope.app.cli;

import heapscope.app.Json;
import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.analysis.ClassTable;
import heapscope.parser.analysis.matching.Lineage;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.OneLine;
import heapscope.parser.view.Units;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.HeapFiles;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
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
    /** Widest name in the text tables (longer ones end with an ellipsis). */
    static final int NAME_WIDTH = 80;

    @Parameters(paramLabel = "FILE", description = "A .heapsnapshot or .hprof file, plain or gzip-compressed.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", description = "Only the N classes with the largest retained size.")
    Integer top;

    @Option(names = "--allocated-between", arity = "2", paramLabel = "SNAPSHOT",
            description = "Only objects allocated between two earlier snapshots of the same process, as DevTools' "
                    + "\"Objects allocated between Snapshot 1 and Snapshot 2\": V8 objects by id (above the first's "
                    + "largest JS object id, up to the second's); Java dumps by matching each dump's objects to the one "
                    + "before it (FIRST, LAST, FILE in that order).")
    List<Path> allocatedBetween;

    @Option(names = "--instances", paramLabel = "CLASS",
            description = "Also list the ids of the objects of this class that the filter keeps.")
    String instancesOf;

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

    /** The {@code filter} object of the JSON for {@code --allocated-between} on V8 snapshots. */
    record AllocatedBetweenJson(String kind, String first, String last, String matching, long minIdExclusive,
            long maxIdInclusive) {
    }

    /** The {@code filter} object of the JSON for {@code --allocated-between} on Java dumps. */
    record FirstSeenBetweenJson(String kind, String first, String last, String matching, int afterSnapshot,
            int upToSnapshot, List<MatchingJson> steps) {
    }

    /** The {@code instances} object of the JSON for {@code --instances}. */
    record InstancesJson(String className, long[] ids) {
    }

    @Override
    public Integer call() throws Exception {
        if (allocatedBetween != null && namedFilter != null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--allocated-between and --filter cannot be combined");
        }
        NodeFilter filter = NodeFilter.ALL;
        Object filterJson = null;
        AnalyzedHeap heap;
        if (allocatedBetween != null && HeapLoader.format(file) == HeapFormat.HPROF) {
            Lineage.Last series = matchSeries();
            heap = series.heap();
            filter = new NodeFilter.FirstSeenBetween(series.births(), 1, 2);
            filterJson = firstSeenJson(series);
        } else {
            if (allocatedBetween != null) {
                long first = HeapLoader.maxJsObjectId(allocatedBetween.get(0), loading.cache());
                long last = HeapLoader.maxJsObjectId(allocatedBetween.get(1), loading.cache());
                filter = new NodeFilter.AllocatedBetween(first, last);
                filterJson = new AllocatedBetweenJson("allocated-between", Paths.absolute(allocatedBetween.get(0)),
                        Paths.absolute(allocatedBetween.get(1)), "v8-object-id", first, last);
            }
            if (namedFilter != null) {
                filter = namedFilter.filter;
                filterJson = new NamedFilterJson(namedFilter.cliName);
            }
            heap = loading.load(file, loading.listener());
            if (namedFilter != null && heap.format() != HeapFormat.V8_HEAPSNAPSHOT) {
                throw new HeapFileException(file, "--filter " + namedFilter.cliName + " is one of DevTools' filters "
                        + "for V8 snapshots; a Java heap dump has no such objects");
            }
        }
        if (includeUnreachable && filter == NodeFilter.ALL) {
            filter = new NodeFilter.AllIncludingUnreachable();
        }
        UnreachableJson unreachable = UnreachableJson.of(heap, includeUnreachable);
        List<ClassAggregate> rows = ClassAggregator.aggregate(heap, filter);
        InstancesJson instances = instancesOf == null ? null : instances(heap, filter);
        if (top != null && top < rows.size()) {
            rows = rows.subList(0, Math.max(0, top));
        }
        PrintStream out = System.out;
        if (json) {
            Json.print(SummaryJson.of(file, heap, filterJson, unreachable, rows, instances), out);
        } else {
            printTable(heap, rows, out);
            if (unreachable != null) {
                out.println(unreachable.describe());
            }
            if (instances != null) {
                out.println(instances.ids().length + " objects of " + instances.className() + ":");
                boolean addresses = heap.format() == HeapFormat.HPROF;
                for (long id : instances.ids()) {
                    out.println(addresses ? "@0x" + Long.toHexString(id) : "@" + id);
                }
            }
        }
        return 0;
    }

    /**
     * Matches the Java dumps FIRST, LAST and FILE in turn (LAST may be FILE itself); FILE's objects first seen after
     * FIRST and by LAST are the ones allocated between them.
     */
    private Lineage.Last matchSeries() throws HeapFileException, java.io.IOException {
        Path first = allocatedBetween.get(0);
        Path last = allocatedBetween.get(1);
        if (Files.isSameFile(first, file)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--allocated-between: FILE must come after FIRST; objects allocated after FIRST are not in it");
        }
        List<Path> files = Files.isSameFile(last, file) ? List.of(first, last) : List.of(first, last, file);
        return Lineage.ofLast(loading.series(files), loading.listener(), CancelSignal.NEVER);
    }

    private FirstSeenBetweenJson firstSeenJson(Lineage.Last series) {
        List<Path> files = new java.util.ArrayList<>(allocatedBetween);
        if (series.steps().size() == 2) {
            files.add(file);
        }
        List<MatchingJson> steps = new java.util.ArrayList<>();
        for (int k = 0; k < series.steps().size(); k++) {
            steps.add(MatchingJson.of(Paths.absolute(files.get(k)), Paths.absolute(files.get(k + 1)),
                    series.steps().get(k)));
        }
        return new FirstSeenBetweenJson("allocated-between", Paths.absolute(allocatedBetween.get(0)),
                Paths.absolute(allocatedBetween.get(1)), "structural", 1, 2, steps);
    }

    /** The ids of the objects of class {@code instancesOf} that the filter keeps, in node order. */
    private InstancesJson instances(AnalyzedHeap heap, NodeFilter filter) {
        BitSet accepted = ClassAggregator.accepted(heap, filter);
        ClassTable classes = heap.classes();
        com.carrotsearch.hppc.LongArrayList ids = new com.carrotsearch.hppc.LongArrayList();
        for (int node = accepted.nextSetBit(0); node >= 0; node = accepted.nextSetBit(node + 1)) {
            if (classes.name(classes.classByNode().get(node)).equals(instancesOf)) {
                ids.add(heap.graph().nodeId(node));
            }
        }
        return new InstancesJson(instancesOf, ids.toArray());
    }

    private static void printTable(AnalyzedHeap heap, List<ClassAggregate> rows, PrintStream out) {
        long total = heap.totalSize();
        TextTable table = new TextTable("Constructor", "Distance", "Count", "Shallow Size", "", "Retained Size", "");
        for (ClassAggregate row : rows) {
            table.row(OneLine.of(row.name(), NAME_WIDTH), Units.distance(row.distance()), Long.toString(row.count()),
                    Units.count(row.shallowSize()), Units.percent(row.shallowSize(), total),
                    Units.count(row.retainedSize()), Units.percent(row.retainedSize(), total));
        }
        out.println(heap.format().jsonName() + ", " + heap.graph().nodeCount() + " nodes, " + heap.graph().edgeCount()
                + " edges, total " + Units.count(total));
        table.print(out);
    }

    /** As DevTools shows it: a number for user-reachable objects, "−" for the rest. */
}
