package heapscope.parser.analysis;

import heapscope.parser.read.HeapFileException;
import java.io.IOException;

/**
 * Snapshots of one process in the order they were taken, for the analyses that span several (the leak report). An
 * implementation may hold every heap (the desktop app, which has them open) or load each when asked (the CLI, so that
 * a long series never holds more than two full graphs).
 */
public interface SnapshotSeries {
    int size();

    /** A name for snapshot {@code k} in reports, such as its file name. */
    String label(int k);

    /** Snapshot {@code k}, analysed; may be loaded now and dropped by the caller when done with it. */
    AnalyzedHeap heap(int k) throws HeapFileException, IOException;

    /** Snapshot {@code k}'s largest JS object id (V8), obtainable without analysing it. */
    long maxJsObjectId(int k) throws HeapFileException, IOException;
}
