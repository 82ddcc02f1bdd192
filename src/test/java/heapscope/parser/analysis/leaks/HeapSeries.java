package heapscope.parser.analysis.leaks;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import java.util.List;
import java.util.function.IntFunction;

/** A series of heaps the test already holds or loads its own way: the k-th labelled {@code labels[k]}. */
record HeapSeries(List<String> labels, IntFunction<AnalyzedHeap> heaps) implements SnapshotSeries {
    @Override
    public int size() {
        return labels.size();
    }

    @Override
    public String label(int k) {
        return labels.get(k);
    }

    @Override
    public AnalyzedHeap heap(int k) {
        return heaps.apply(k);
    }

    @Override
    public long maxJsObjectId(int k) {
        return heap(k).maxJsObjectId();
    }
}
