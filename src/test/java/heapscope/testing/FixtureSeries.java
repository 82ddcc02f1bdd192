package heapscope.testing;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import java.nio.file.Path;
import java.util.List;

/** A series of fixture snapshots served from the test-wide cache of loaded heaps ({@link Fixtures#load}). */
public record FixtureSeries(List<Path> files) implements SnapshotSeries {
    @Override
    public int size() {
        return files.size();
    }

    @Override
    public String label(int k) {
        return files.get(k).getFileName().toString();
    }

    @Override
    public AnalyzedHeap heap(int k) {
        return Fixtures.load(files.get(k));
    }

    @Override
    public long maxJsObjectId(int k) {
        return heap(k).maxJsObjectId();
    }
}
