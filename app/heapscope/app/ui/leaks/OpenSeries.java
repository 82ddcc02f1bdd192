package heapscope.app.ui.leaks;

import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import java.util.List;

/** The engine's series over snapshots the app already has open: nothing is loaded again. */
final class OpenSeries implements SnapshotSeries {
    private final List<Snapshot> snapshots;

    OpenSeries(List<Snapshot> snapshots) {
        this.snapshots = List.copyOf(snapshots);
    }

    @Override
    public int size() {
        return snapshots.size();
    }

    @Override
    public String label(int k) {
        return snapshots.get(k).title() + " (" + snapshots.get(k).fileName() + ")";
    }

    @Override
    public AnalyzedHeap heap(int k) {
        return snapshots.get(k).heap();
    }

    @Override
    public long maxJsObjectId(int k) {
        return snapshots.get(k).heap().maxJsObjectId();
    }
}
