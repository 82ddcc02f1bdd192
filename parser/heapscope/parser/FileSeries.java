package heapscope.parser;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import heapscope.parser.cache.AnalysisCache;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A series of heap files, loaded one at a time when an analysis asks for them and not kept: a long series costs the
 * memory of the snapshots in use, not of all (it waits for the analysis cache to write one file's analysis before it
 * opens the next). Keeps the readers' warnings, and hands each to a listener as its file is loaded. Not thread-safe.
 * Reads each file read-only.
 */
public final class FileSeries implements SnapshotSeries {
    private final List<Path> files;
    private final AnalysisCache cache;
    private final ProgressListener listener;
    private final CancelSignal cancel;
    private final Consumer<String> onWarning;
    private final Set<String> readerWarnings = new LinkedHashSet<>();

    public FileSeries(List<Path> files, ProgressListener listener, CancelSignal cancel) {
        this(files, AnalysisCache.disabled(), listener, cancel);
    }

    public FileSeries(List<Path> files, AnalysisCache cache, ProgressListener listener, CancelSignal cancel) {
        this(files, cache, listener, cancel, warning -> { });
    }

    /** Also gives {@code onWarning} each new reader warning ({@code FILE: sentence}) as soon as its file is loaded. */
    public FileSeries(List<Path> files, AnalysisCache cache, ProgressListener listener, CancelSignal cancel,
            Consumer<String> onWarning) {
        this.files = List.copyOf(files);
        this.cache = cache;
        this.listener = listener;
        this.cancel = cancel;
        this.onWarning = onWarning;
    }

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
        AnalysisCache.finishWrites();
        AnalyzedHeap heap = HeapLoader.load(files.get(k), cache, listener, cancel);
        for (String warning : heap.graph().fileNotes().warnings()) {
            String text = label(k) + ": " + warning;
            if (readerWarnings.add(text)) {
                onWarning.accept(text);
            }
        }
        return heap;
    }

    /**
     * What the readers warned about the files loaded so far (a dump cut short, ...), each as {@code FILE: sentence},
     * once each however often a file was loaded.
     */
    public List<String> readerWarnings() {
        return List.copyOf(readerWarnings);
    }

    @Override
    public long maxJsObjectId(int k) throws HeapFileException, IOException {
        return HeapLoader.maxJsObjectId(files.get(k), cache);
    }
}
