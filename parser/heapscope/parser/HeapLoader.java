package heapscope.parser;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.HeapAnalyzer;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.HeapFiles;
import heapscope.parser.read.MemoryEstimate;
import heapscope.parser.read.NotEnoughMemoryException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a heap file of any supported format and analyses it: what the CLI and the desktop app call. Runs on the
 * caller's thread; reads the file read-only (a pipe once, see {@link HeapFiles#read}).
 *
 * <p>Memory: the readers refuse a file whose {@link MemoryEstimate} does not fit before they allocate its graph; should
 * the JVM still run out while reading or analysing, the {@link OutOfMemoryError} becomes a
 * {@link NotEnoughMemoryException} (a {@link HeapFileException} with the heap that would do). What the failed open
 * allocated is unreachable by then, so the caller (and the app's other snapshots) can go on.
 */
public final class HeapLoader {
    private HeapLoader() {
    }

    public static AnalyzedHeap load(Path file, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        HeapGraph graph;
        try {
            graph = HeapFiles.read(file, listener, cancel);
        } catch (OutOfMemoryError e) {
            throw NotEnoughMemoryException.ranOut(file, null, e);
        }
        MemoryEstimate estimate = MemoryEstimate.forGraph(graph.format(), graph.nodeCount(), graph.edgeCount());
        try {
            return HeapAnalyzer.analyze(graph, listener, cancel);
        } catch (OutOfMemoryError e) {
            graph = null; // let the graph go before the message is made
            throw NotEnoughMemoryException.ranOut(file, estimate, e);
        }
    }
}
