package heapscope.app.cli;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.HeapFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command that opens a heap shares, and the opening itself: phases go to stderr when
 * {@code --progress} is on (the default when a terminal is attached).
 */
final class HeapLoading {
    @Option(names = "--progress", negatable = true,
            description = "Print each phase to stderr (default: when run in a terminal).")
    Boolean progress;

    /** Opens and analyses the file; the reader's warnings (e.g. a dump cut short) go to stderr. */
    AnalyzedHeap load(Path file, ProgressListener timer) throws HeapFileException, IOException {
        AnalyzedHeap heap = HeapLoader.load(file, timer, CancelSignal.NEVER);
        for (String warning : heap.graph().fileNotes().warnings()) {
            System.err.println("heapscope: warning: " + file.getFileName() + ": " + warning);
        }
        return heap;
    }

    /** The files as a series that loads each snapshot when asked, through {@link #load} (so warnings are shown). */
    SnapshotSeries series(List<Path> files) {
        ProgressListener listener = listener();
        return new SnapshotSeries() {
            @Override
            public int size() {
                return files.size();
            }

            @Override
            public String label(int k) {
                return files.get(k).getFileName().toString();
            }

            @Override
            public AnalyzedHeap heap(int k) throws HeapFileException, IOException {
                return load(files.get(k), listener);
            }

            @Override
            public long maxJsObjectId(int k) throws HeapFileException, IOException {
                return HeapFiles.maxJsObjectId(files.get(k));
            }
        };
    }

    ProgressListener listener() {
        boolean show = progress != null ? progress : System.console() != null;
        return show ? new StderrProgress() : ProgressListener.NO_OP;
    }
}
