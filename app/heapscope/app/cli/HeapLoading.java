package heapscope.app.cli;

import heapscope.parser.FileSeries;
import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import heapscope.parser.cache.AnalysisCache;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command that opens a heap shares, and the opening itself: phases go to stderr when
 * {@code --progress} is on (the default when a terminal is attached); the analysis cache is used unless
 * {@code --no-cache} says not to.
 */
final class HeapLoading {
    @Option(names = "--progress", negatable = true,
            description = "Print each phase to stderr (default: when run in a terminal).")
    Boolean progress;

    @Option(names = "--no-cache", description = "Neither read nor write the analysis cache (see heapscope cache).")
    boolean noCache;

    /** Opens and analyses the file; the reader's warnings (e.g. a dump cut short) go to stderr. */
    AnalyzedHeap load(Path file, ProgressListener timer) throws HeapFileException, IOException {
        AnalyzedHeap heap = HeapLoader.load(file, cache(), timer, CancelSignal.NEVER);
        printWarnings(warnings(file, heap));
        return heap;
    }

    /**
     * The files as a series that loads each snapshot when asked, one at a time (it waits for the cache to write one
     * file's analysis before it opens the next); the reader's warnings go to stderr as each file is loaded.
     */
    SnapshotSeries series(List<Path> files) {
        return new FileSeries(files, cache(), listener(), CancelSignal.NEVER,
                warning -> printWarnings(List.of(warning)));
    }

    /** The user's analysis cache, notes to stderr; disabled with {@code --no-cache}. */
    AnalysisCache cache() {
        return noCache ? AnalysisCache.disabled()
                : AnalysisCache.standard(note -> System.err.println("heapscope: note: " + note));
    }

    /** The reader's warnings about a file, each as {@code FILE: sentence}, as the JSON of several files lists them. */
    static List<String> warnings(Path file, AnalyzedHeap heap) {
        return heap.graph().fileNotes().warnings().stream().map(w -> file.getFileName() + ": " + w).toList();
    }

    /** Warnings that name their file go to stderr as {@code heapscope: warning: FILE: sentence}. */
    static void printWarnings(List<String> warnings) {
        for (String warning : warnings) {
            System.err.println("heapscope: warning: " + warning);
        }
    }

    ProgressListener listener() {
        boolean show = progress != null ? progress : System.console() != null;
        return show ? new StderrProgress() : ProgressListener.NO_OP;
    }
}
