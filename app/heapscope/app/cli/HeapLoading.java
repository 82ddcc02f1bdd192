package heapscope.app.cli;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.cache.AnalysisCache;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.IOException;
import java.nio.file.Path;
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
        for (String warning : heap.graph().fileNotes().warnings()) {
            System.err.println("heapscope: warning: " + file.getFileName() + ": " + warning);
        }
        return heap;
    }

    /** The user's analysis cache, notes to stderr; disabled with {@code --no-cache}. */
    AnalysisCache cache() {
        return noCache ? AnalysisCache.disabled()
                : AnalysisCache.standard(note -> System.err.println("heapscope: note: " + note));
    }

    ProgressListener listener() {
        boolean show = progress != null ? progress : System.console() != null;
        return show ? new StderrProgress() : ProgressListener.NO_OP;
    }
}
