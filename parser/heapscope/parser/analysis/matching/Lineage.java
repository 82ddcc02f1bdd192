package heapscope.parser.analysis.matching;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import heapscope.parser.model.ObjectBirths;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * When each object of a series of Java heap dumps first appeared: every dump is matched to the one before it
 * ({@link ObjectMatcher}), and an object's first snapshot is that of the object it matched, or its own snapshot when it
 * matched none. What DevTools' "Objects allocated between Snapshot i and Snapshot j" reads from V8 ids, Java dumps get
 * from this. Stateless; runs on the caller's thread.
 */
public final class Lineage {
    private Lineage() {
    }

    /** The births of the first snapshot of a series: every object is there from snapshot 1 on. */
    public static ObjectBirths first(AnalyzedHeap heap) {
        byte[] first = new byte[heap.graph().nodeCount()];
        Arrays.fill(first, (byte) 1);
        return new ObjectBirths(1, first);
    }

    /** The births of the snapshot after {@code previous}, from the matching of the two. */
    public static ObjectBirths next(ObjectBirths previous, ObjectMatching matching) {
        int snapshot = previous.snapshot() + 1;
        byte[] first = new byte[matching.newerNodeCount()];
        for (int node = 0; node < first.length; node++) {
            int older = matching.olderOf(node);
            first[node] = (byte) (older < 0 ? snapshot : previous.firstSnapshot(older));
        }
        return new ObjectBirths(snapshot, first);
    }

    /** The last snapshot of a series, analysed, with its births and the matching of each step. */
    public record Last(AnalyzedHeap heap, ObjectBirths births, List<ObjectMatching> steps) {
    }

    /**
     * Matches a series through to its last snapshot, loading each snapshot in turn and holding two at a time.
     *
     * @throws IllegalArgumentException when the series has more than {@link ObjectBirths#MAX_SNAPSHOTS} snapshots
     */
    public static Last ofLast(SnapshotSeries series, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        if (series.size() > ObjectBirths.MAX_SNAPSHOTS) {
            throw new IllegalArgumentException("a series of at most " + ObjectBirths.MAX_SNAPSHOTS + " snapshots");
        }
        AnalyzedHeap heap = series.heap(0);
        ObjectBirths births = first(heap);
        List<ObjectMatching> steps = new ArrayList<>();
        for (int k = 1; k < series.size(); k++) {
            AnalyzedHeap next = series.heap(k);
            listener.phaseStarted(Phase.MATCHING_OBJECTS);
            ObjectMatching matching = ObjectMatcher.match(heap, next, cancel);
            births = next(births, matching);
            steps.add(matching);
            heap = next;
        }
        return new Last(heap, births, steps);
    }
}
