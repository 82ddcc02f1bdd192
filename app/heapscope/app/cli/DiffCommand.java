package heapscope.app.cli;

import heapscope.app.Json;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotComparer;
import heapscope.parser.analysis.matching.MatchedComparer;
import heapscope.parser.analysis.matching.ObjectMatcher;
import heapscope.parser.analysis.matching.ObjectMatching;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heapscope diff BASE TARGET [--json] [--top N]}: the Comparison view of TARGET against BASE, two snapshots of
 * one process: V8 objects matched by id, Java objects by the object matching (their addresses move between dumps).
 * Exit codes as {@link HeapscopeCommand}.
 */
@Command(name = "diff", description = "Objects new in TARGET and deleted since BASE, per class (V8: matched by object "
        + "id; Java dumps: matched by their values and places, since addresses move between dumps).")
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "The earlier snapshot.")
    Path base;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The later snapshot.")
    Path target;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", description = "Only the N classes with the largest allocated size.")
    Integer top;

    @Mixin
    HeapLoading loading;

    record Header(int nodeCount, int edgeCount, long totalSize, long maxJsObjectId) {
        static Header of(AnalyzedHeap heap) {
            return new Header(heap.graph().nodeCount(), heap.graph().edgeCount(), heap.totalSize(),
                    heap.maxJsObjectId());
        }
    }

    record Row(String name, String key, long newCount, long deletedCount, long countDelta, long allocSize,
            long freedSize, long sizeDelta) {
    }

    record DiffJson(String base, String target, String matching, Header baseInfo, Header targetInfo,
            MatchingJson objectMatching, List<String> warnings, List<Row> classes) {
    }

    /** The readers' warnings about both files, each naming its file. */
    private List<String> warnings(AnalyzedHeap before, AnalyzedHeap after) {
        List<String> warnings = new java.util.ArrayList<>(HeapLoading.warnings(base, before));
        warnings.addAll(HeapLoading.warnings(target, after));
        return warnings;
    }

    @Override
    public Integer call() throws Exception {
        ProgressListener listener = loading.listener();
        AnalyzedHeap before = loading.load(base, listener);
        AnalyzedHeap after = loading.load(target, listener);
        if (before.format() != after.format()) {
            throw new HeapFileException(target, "is a " + after.format().jsonName() + " file but "
                    + base.getFileName() + " is a " + before.format().jsonName() + " file: they cannot be compared");
        }
        boolean v8 = before.format() == HeapFormat.V8_HEAPSNAPSHOT;
        List<ClassDiff> diffs;
        MatchingJson matchingJson = null;
        if (v8) {
            diffs = SnapshotComparer.compare(before, after, CancelSignal.NEVER);
        } else {
            listener.phaseStarted(Phase.MATCHING_OBJECTS);
            ObjectMatching matching = ObjectMatcher.match(before, after, CancelSignal.NEVER);
            diffs = MatchedComparer.compare(before, after, matching);
            matchingJson = MatchingJson.of(Paths.absolute(base), Paths.absolute(target), matching);
        }
        if (top != null && top < diffs.size()) {
            diffs = diffs.subList(0, Math.max(0, top));
        }
        List<Row> rows = diffs.stream().map(d -> new Row(d.name(), d.key(), d.newCount(), d.deletedCount(),
                d.countDelta(), d.allocSize(), d.freedSize(), d.sizeDelta())).toList();
        PrintStream out = System.out;
        if (json) {
            Json.print(new DiffJson(Paths.absolute(base), Paths.absolute(target),
                    v8 ? "v8-object-id" : "structural",
                    Header.of(before), Header.of(after), matchingJson, warnings(before, after), rows), out);
            return 0;
        }
        TextTable table = new TextTable("Constructor", "# New", "# Deleted", "# Delta", "Alloc. Size", "Freed Size",
                "Size Delta");
        for (Row row : rows) {
            table.row(Names.abbreviate(row.name()), Long.toString(row.newCount()), Long.toString(row.deletedCount()),
                    Sizes.signed(row.countDelta()), Sizes.bytes(row.allocSize()), Sizes.bytes(row.freedSize()),
                    Sizes.signed(row.sizeDelta()));
        }
        table.print(out);
        return 0;
    }
}
