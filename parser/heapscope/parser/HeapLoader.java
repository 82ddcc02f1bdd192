package heapscope.parser;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.HeapAnalyzer;
import heapscope.parser.cache.AnalysisCache;
import heapscope.parser.cache.PortableIndex;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.HeapFiles;
import heapscope.parser.read.MemoryEstimate;
import heapscope.parser.read.NotEnoughMemoryException;
import heapscope.parser.store.Columns;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a heap file of any supported format and analyses it: what the CLI and the desktop app call. A portable index
 * ({@code heapscope index}) opens as the dump it was made from; a file the analysis cache holds is read from the
 * cache, and one it does not is written to it while and after it is analysed. Runs on the caller's thread (cache
 * entries are written on the cache's own); reads the file read-only (a pipe once, see {@link HeapFiles#read}).
 *
 * <p>Memory: the readers refuse a file whose {@link MemoryEstimate} does not fit before they allocate its graph; should
 * the JVM still run out while reading or analysing, the {@link OutOfMemoryError} becomes a
 * {@link NotEnoughMemoryException} (a {@link HeapFileException} with the heap that would do). What the failed open
 * allocated is unreachable by then, so the caller (and the app's other snapshots) can go on.
 */
public final class HeapLoader {
    private HeapLoader() {
    }

    /** Opens the file without the analysis cache. */
    public static AnalyzedHeap load(Path file, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        return load(file, AnalysisCache.disabled(), listener, cancel);
    }

    /**
     * Opens the file through {@code cache}.
     *
     * @throws HeapFileException when the file is not a readable heap dump, or its heap does not fit (in the Java
     *     heap, or off it: see {@link Columns})
     */
    public static AnalyzedHeap load(Path file, AnalysisCache cache, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        try {
            return loadThrough(cache, file, listener, cancel);
        } catch (Columns.Unavailable e) {
            throw new HeapFileException(file, e.getMessage());
        }
    }

    private static AnalyzedHeap loadThrough(AnalysisCache cache, Path file, ProgressListener listener,
            CancelSignal cancel) throws HeapFileException, IOException {
        AnalysisCache.Lookup cached;
        try {
            if (PortableIndex.isIndex(file)) {
                return PortableIndex.open(file, listener);
            }
            cached = cache.lookup(file, listener);
        } catch (OutOfMemoryError e) {
            throw NotEnoughMemoryException.ranOut(file, null, e);
        }
        try (cached) {
            if (cached.heap() != null) {
                return cached.heap();
            }
            HeapGraph graph;
            try {
                graph = HeapFiles.read(file, listener, cancel);
            } catch (OutOfMemoryError e) {
                throw NotEnoughMemoryException.ranOut(file, null, e);
            }
            cached.keepGraph(graph);
            MemoryEstimate onHeap = MemoryEstimate.forGraph(graph.format(), graph.nodeCount(), graph.edgeCount());
            MemoryEstimate estimate = graph.columns().offHeap() ? onHeap.offHeap() : onHeap;
            AnalyzedHeap heap;
            try {
                heap = HeapAnalyzer.analyze(graph, listener, cancel);
            } catch (OutOfMemoryError e) {
                graph = null; // let the graph go before the message is made
                throw NotEnoughMemoryException.ranOut(file, estimate, e);
            }
            cached.keep(heap);
            return heap;
        }
    }

    /** The file's heap format: for a portable index, its dump's; else what {@link HeapFiles#detect} tells. */
    public static HeapFormat format(Path file) throws HeapFileException, IOException {
        return PortableIndex.isIndex(file) ? PortableIndex.format(file) : HeapFiles.detect(file);
    }

    /**
     * The largest JS object id of a V8 snapshot (see {@link AnalyzedHeap#maxJsObjectId}), for the allocation filters
     * that need only that bound from the other snapshots of a series: from the index or the cache when they hold the
     * file, else read from the file (without analysing it).
     */
    public static long maxJsObjectId(Path file, AnalysisCache cache) throws HeapFileException, IOException {
        AnalyzedHeap stored = PortableIndex.isIndex(file) ? PortableIndex.open(file, ProgressListener.NO_OP)
                : cache.lookup(file, ProgressListener.NO_OP).heap();
        if (stored == null) {
            return HeapFiles.maxJsObjectId(file);
        }
        if (stored.format() != HeapFormat.V8_HEAPSNAPSHOT) {
            throw new HeapFileException(file, "not a V8 heap snapshot: allocation ranges need V8 object ids");
        }
        return stored.maxJsObjectId();
    }
}
