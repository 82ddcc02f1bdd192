package heapscope.app.ui.dominators;

import heapscope.app.ui.common.Children;
import heapscope.app.ui.common.HeapChildren;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.view.NodeRow;

/**
 * Dominators: the dominator tree from the snapshot root, each object expanding into the objects it alone keeps
 * alive, largest retained size first, read by pages from the engine.
 */
public final class DominatorsViewModel {
    private final MainWindowViewModel main;

    public DominatorsViewModel(MainWindowViewModel main) {
        this.main = main;
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** The top-level rows for the snapshot, or null when it is not ready. */
    public Children top(Snapshot snapshot) {
        if (snapshot == null || !snapshot.isReady()) {
            return null;
        }
        NodeRow root = snapshot.rows().row(snapshot.heap().graph().rootOrdinal());
        return HeapChildren.dominated(snapshot.rows(), root);
    }
}
