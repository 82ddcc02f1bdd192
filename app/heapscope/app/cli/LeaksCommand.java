package heapscope.app.cli;

import heapscope.app.Json;
import heapscope.parser.FileSeries;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.analysis.leaks.LeakFinder;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.Units;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heapscope leaks S1 S2 ... SN [--json]}: the automatic leak report over snapshots of one process, in the order
 * they were taken. Exit codes as {@link HeapscopeCommand}; the JSON is meant for CI jobs that fail on a leak.
 */
@Command(name = "leaks", description = "Containers whose retained size kept growing across snapshots S1..SN, each "
        + "with what it holds, most suspicious first; growth in the runtime's own tables is listed apart.")
final class LeaksCommand implements Callable<Integer> {
    /** How many of a suspect's held classes the text output names. */
    private static final int HELD_SHOWN = 4;

    @Parameters(arity = "2..*", paramLabel = "SNAPSHOT", description = "Two or more snapshots in the order taken.")
    List<Path> snapshots;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", description = "Only the N most suspicious entries.")
    Integer top;

    @Mixin
    HeapLoading loading;

    record Held(String className, long[] countBySnapshot, long added, long addedBytes) {
    }

    record Suspect(String name, String containerClass, String path, int instances, long[] retainedSizes, long growth,
            boolean grewEveryStep, List<Held> held, List<PathJson.Step> examplePath) {
    }

    record LeaksJson(List<String> snapshots, String matching, List<String> warnings, List<Suspect> suspects,
            List<Suspect> runtimeGrowth) {
    }

    @Override
    public Integer call() throws Exception {
        FileSeries series = new FileSeries(snapshots, loading.cache(), loading.listener(), CancelSignal.NEVER);
        LeakReport report = LeakFinder.find(series, loading.listener(), CancelSignal.NEVER);
        List<String> warnings = new ArrayList<>(series.readerWarnings());
        warnings.addAll(report.warnings());
        HeapLoading.printWarnings(warnings);
        AnalyzedHeap last = report.lastSnapshot();
        RetainerView view = new RetainerView(last);
        List<LeakSuspect> suspects = report.suspects();
        if (top != null && top < suspects.size()) {
            suspects = suspects.subList(0, top);
        }
        List<Suspect> rows = suspects.stream().map(s -> row(s, last, view)).toList();
        List<Suspect> runtime = report.runtimeGrowth().stream().map(s -> row(s, last, view)).toList();
        PrintStream out = System.out;
        if (json) {
            Json.print(new LeaksJson(snapshots.stream().map(Paths::absolute).toList(), report.matching(), warnings,
                    rows, runtime), out);
            return 0;
        }
        if (rows.isEmpty()) {
            out.println("Nothing kept growing across these " + snapshots.size() + " snapshots.");
        }
        int rank = 1;
        for (Suspect row : rows) {
            print(rank++ + ". ", row, out);
        }
        if (!runtime.isEmpty()) {
            out.println();
            out.println("Runtime growth (the runtime's own tables, not leaks): " + runtime.size() + " "
                    + (runtime.size() == 1 ? "entry" : "entries") + ", together +"
                    + Units.count(runtime.stream().mapToLong(Suspect::growth).sum()) + " bytes; --json lists them.");
        }
        return 0;
    }

    private static Suspect row(LeakSuspect s, AnalyzedHeap last, RetainerView view) {
        List<Held> held = s.held().stream().map(c -> new Held(c.className(), c.countBySnapshot(), c.added(),
                c.addedBytes())).toList();
        return new Suspect(s.name(), s.containerClass(), s.path(), s.instances(), s.retainedSizes(), s.growth(),
                s.grewEveryStep(), held, PathJson.steps(last, view.shortestPath(s.exampleNode())));
    }

    /** Two or three lines per suspect: name and growth, its path, what it holds. */
    private static void print(String prefix, Suspect row, PrintStream out) {
        List<String> sizes = new ArrayList<>();
        for (long size : row.retainedSizes()) {
            sizes.add(size < 0 ? "?" : Units.count(size));
        }
        out.println(prefix + row.name() + "  (" + row.containerClass() + (row.instances() > 1 ? " \u00d7"
                + row.instances() : "") + ")  retained " + String.join(" \u2192 ", sizes) + "  (+"
                + Units.count(row.growth()) + (row.grewEveryStep() ? ", every step)" : ")"));
        out.println("   " + row.path());
        List<String> held = new ArrayList<>();
        for (Held h : row.held()) {
            if (h.added() > 0 && held.size() < HELD_SHOWN) {
                held.add(String.format(Locale.ROOT, "+%,d %s", h.added(), h.className()));
            }
        }
        if (!held.isEmpty()) {
            out.println("   holds " + String.join(", ", held));
        }
    }
}
