package heapscope.app.cli;

import heapscope.parser.view.Units;
import heapscope.app.Json;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.PhaseTimer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heapscope info FILE [--json]}: counts, heap total, the wall time of each phase, peak heap and resident
 * memory, and the engine's bytes per node and per edge. Exit codes as {@link HeapscopeCommand}.
 */
@Command(name = "info", description = "Counts, heap total, time per phase and memory used to open the file.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A .heapsnapshot or .hprof file, plain or gzip-compressed.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    HeapLoading loading;

    record PhaseJson(String phase, String label, long millis) {
    }

    /** A fact the reader noted about the file (the HPROF reader's object layout and its evidence, ...). */
    record DetailJson(String label, String text) {
    }

    record InfoJson(String file, String format, long fileSize, int nodeCount, int edgeCount, int stringCount,
            long totalSize, long maxJsObjectId, List<PhaseJson> phases, long totalMillis, long peakHeapBytes,
            long peakRssBytes, long engineBytes, long offHeapBytes, double bytesPerNode, double bytesPerEdge, UnreachableJson unreachable,
            List<DetailJson> details, List<String> warnings) {
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        PhaseTimer timer = new PhaseTimer(loading.listener());
        AnalyzedHeap heap = loading.load(file, timer);
        List<PhaseJson> phases = timer.finish().stream()
                .map(t -> new PhaseJson(t.phase().name(), t.phase().label(), t.millis())).toList();
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        int nodes = heap.graph().nodeCount();
        int edges = heap.graph().edgeCount();
        long engineBytes = heap.retainedBytes();
        long stringBytes = heap.graph().strings().retainedBytes();
        // Bytes per node/edge of the arrays proper: strings are counted apart, edge arrays per edge, the rest per node.
        long edgeBytes = heap.edgeBytes();
        double perEdge = edges == 0 ? 0 : (double) edgeBytes / edges;
        double perNode = nodes == 0 ? 0 : (double) (engineBytes - stringBytes - edgeBytes) / nodes;
        InfoJson info = new InfoJson(Paths.absolute(file), heap.format().jsonName(),
                Files.size(file), nodes, edges, heap.graph().strings().size(), heap.totalSize(), heap.maxJsObjectId(),
                phases, totalMillis, ProcessMemory.peakHeapBytes(), ProcessMemory.peakRssBytes(), engineBytes,
                heap.offHeapBytes(), round(perNode), round(perEdge), UnreachableJson.of(heap, false),
                heap.graph().fileNotes().details().stream()
                        .map(d -> new DetailJson(d.label(), d.text())).toList(),
                heap.graph().fileNotes().warnings());
        if (json) {
            Json.print(info, System.out);
        } else {
            printText(info, System.out);
        }
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void printText(InfoJson info, PrintStream out) {
        out.println("File:          " + info.file() + " (" + Units.count(info.fileSize()) + " bytes, " + info.format()
                + ")");
        out.println("Nodes:         " + Units.count(info.nodeCount()));
        out.println("Edges:         " + Units.count(info.edgeCount()));
        out.println("Strings:       " + Units.count(info.stringCount()));
        out.println("Total size:    " + Units.count(info.totalSize()) + " bytes");
        TextTable table = new TextTable("Phase", "ms");
        for (PhaseJson phase : info.phases()) {
            table.row(phase.label(), Long.toString(phase.millis()));
        }
        table.row("Total", Long.toString(info.totalMillis()));
        table.print(out);
        out.println("Peak heap:     " + Units.count(info.peakHeapBytes()) + " bytes");
        out.println("Peak RSS:      " + Units.count(info.peakRssBytes()) + " bytes");
        out.println(String.format(Locale.ROOT, "Engine memory: %s bytes (%.1f bytes/node + %.1f bytes/edge + strings)",
                Units.count(info.engineBytes()), info.bytesPerNode(), info.bytesPerEdge()));
        out.println("Off the heap:  " + (info.offHeapBytes() == 0 ? "nothing (every array on the Java heap)"
                : Units.count(info.offHeapBytes()) + " bytes of it in mapped files (the largest arrays)"));
        if (info.unreachable() != null) {
            out.println(info.unreachable().describe());
        }
        for (DetailJson detail : info.details()) {
            out.println(detail.label() + ": " + detail.text());
        }
        for (String warning : info.warnings()) {
            out.println("Warning: " + warning);
        }
    }
}
