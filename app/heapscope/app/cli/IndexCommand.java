package heapscope.app.cli;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.cache.DumpIdentity;
import heapscope.parser.cache.PortableIndex;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.read.HeapFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heapscope index DUMP [-o FILE]}: analyses a dump and writes the portable index, one file that the app and
 * every command open instead of the dump (for the server to laptop workflow). Uses the analysis cache when it holds
 * the dump, but does not add to it. Exit codes as {@link HeapscopeCommand}.
 */
@Command(name = "index", description = "Analyses a dump and writes its portable index: one file, a fraction of the"
        + " dump's size, that the app and every command open instead of the dump.")
final class IndexCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DUMP", description = "A .heapsnapshot or .hprof file, plain or gzip-compressed.")
    Path dump;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the index (default: DUMP's name + " + PortableIndex.EXTENSION
                    + " in the current folder).")
    Path output;

    @Mixin
    HeapLoading loading;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        if (PortableIndex.isIndex(dump)) {
            throw new HeapFileException(dump, "already a Heapscope index; give the dump it was made from");
        }
        Path index = output != null ? output : Path.of(dump.getFileName() + PortableIndex.EXTENSION);
        if (Files.exists(index) && !PortableIndex.isIndex(index)) {
            throw new HeapFileException(index, "exists and is not a Heapscope index: choose another name with -o");
        }
        DumpIdentity identity = DumpIdentity.of(dump);
        AnalyzedHeap heap = HeapLoader.load(dump, loading.cache().readOnly(), loading.listener(), CancelSignal.NEVER);
        for (String warning : heap.graph().fileNotes().warnings()) {
            System.err.println("heapscope: warning: " + dump.getFileName() + ": " + warning);
        }
        long bytes = PortableIndex.write(heap, identity, index, CancelSignal.NEVER);
        System.out.println(String.format(Locale.ROOT, "Wrote %s: %,.1f MB, %.0f%% of the dump's %,.1f MB, in %.1f s.",
                Paths.absolute(index), bytes / 1e6, 100.0 * bytes / identity.size(), identity.size() / 1e6,
                (System.nanoTime() - start) / 1e9));
        System.out.println("Open it with heapscope like the dump itself." + (heap.format() == HeapFormat.HPROF
                ? " Field values of objects are read from the dump: keep the dump beside the index to see them." : ""));
        return 0;
    }
}
