package heapscope.parser;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import heapscope.parser.cache.AnalysisCache;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A series of heap files, loaded one at a time when an analysis asks for them and not kept: a long series costs the
 * memory of the snapshots in use, not of all (it waits for the analysis cache to write one file's analysis before it
 * opens the next). Reads each file read-only.
 */
public final class FileSeries implements SnapshotSeries {
    private final List<Path> files;
    private final AnalysisCache cache;
    private final ProgressListener listener;
    private final CancelSignal cancel;

    public FileSeries(List<Path> files, ProgressListener listener, CancelSignal cancel) {
        this(files, AnalysisCache.disabled(), listener, cancel);
    }

    public FileSeries(List<Path> files, AnalysisCache cache, ProgressListener listener, CancelSignal cancel) {
        this.files = List.copyOf(files);
        this.cache = cache;
        this.listener = listener;
        this.cancel = cancel;
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
        return HeapLoader.load(files.get(k), cache, listener, cancel);
    }

    @Override
    public long maxJsObjectId(int k) throws HeapFileException, IOException {
        return HeapLoader.maxJsObjectId(files.get(k), cache);
    }
}
