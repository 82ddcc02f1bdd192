package heapscope.app.cli;

import heapscope.app.Json;
import heapscope.parser.FileSeries;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.LeakFinder;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.model.LeakGroup;
import heapscope.parser.model.LeakReport;
import heapscope.parser.progress.CancelSignal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heapscope leaks S1 S2 ... SN [--json]}: the automatic leak report over snapshots of one process, in the order
 * they were taken. Exit codes as {@link HeapscopeCommand}; the JSON is meant for CI jobs that fail on a leak.
 */
@Command(name = "leaks", description = "Objects that kept growing across snapshots S1..SN, grouped by class and "
        + "retainer path, most suspicious first.")
final class LeaksCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "SNAPSHOT", description = "Two or more snapshots in the order taken.")
    List<Path> snapshots;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", description = "Only the N most suspicious groups.")
    Integer top;

    @Mixin
    HeapLoading loading;

    record Group(String className, String pathSignature, long[] counts, long growth, boolean grewEveryStep,
            long retainedSize, List<PathJson.Step> examplePath) {
    }

    record LeaksJson(List<String> snapshots, String matching, List<String> warnings, List<Group> groups) {
    }

    @Override
    public Integer call() throws Exception {
        FileSeries series = new FileSeries(snapshots, loading.cache(), loading.listener(), CancelSignal.NEVER);
        LeakReport report = LeakFinder.find(series, CancelSignal.NEVER);
        AnalyzedHeap last = report.lastSnapshot();
        RetainerView view = new RetainerView(last);
        List<LeakGroup> groups = report.groups();
        if (top != null && top < groups.size()) {
            groups = groups.subList(0, Math.max(0, top));
        }
        List<Group> rows = groups.stream().map(g -> new Group(g.className(), g.pathSignature(), g.counts(),
                g.growth(), g.grewEveryStep(), g.retainedSize(),
                PathJson.steps(last, view.shortestPath(g.exampleNode())))).toList();
        PrintStream out = System.out;
        for (String warning : report.warnings()) {
            System.err.println("heapscope: warning: " + warning);
        }
        if (json) {
            Json.print(new LeaksJson(snapshots.stream().map(Paths::absolute).toList(), report.matching(),
                    report.warnings(), rows), out);
            return 0;
        }
        if (rows.isEmpty()) {
            out.println("No group of objects grew across these " + snapshots.size() + " snapshots.");
        }
        int rank = 1;
        for (Group row : rows) {
            out.println(rank++ + ". " + row.className() + "  " + Arrays.toString(row.counts()) + "  retains "
                    + Sizes.bytes(row.retainedSize()) + " bytes" + (row.grewEveryStep() ? "" : "  (not every step)"));
            out.println("   " + row.pathSignature());
        }
        return 0;
    }
}
