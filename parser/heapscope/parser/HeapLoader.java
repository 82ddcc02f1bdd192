package heapscope.parser;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.HeapAnalyzer;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.HeapFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a heap file of any supported format and analyses it: what the CLI and the desktop app call. Runs on the
 * caller's thread; reads the file once, read-only.
 */
public final class HeapLoader {
    private HeapLoader() {
    }

    public static AnalyzedHeap load(Path file, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        return HeapAnalyzer.analyze(HeapFiles.read(file, listener, cancel), listener, cancel);
    }
}
