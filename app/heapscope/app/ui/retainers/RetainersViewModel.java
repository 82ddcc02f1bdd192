package heapscope.app.ui.retainers;

import heapscope.app.ui.common.Children;
import heapscope.app.ui.common.HeapChildren;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.NodeSelection;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.model.RetainerPath;
import heapscope.parser.progress.CancelSignal;
import java.util.List;
import java.util.Map;
import java.util.IdentityHashMap;

/**
 * The Retainers pane: for the selected object, what points at it, ranked by the engine's {@link RetainerView}
 * (closest first), each retainer expanding into its own retainers. The engine's shortest path to a root is expanded
 * by itself; an object met again on its own path is a cycle and is not expanded; "ignore this retainer" makes the
 * engine rank again without it. Ignored retainers are remembered per snapshot.
 */
public final class RetainersViewModel {
    private final MainWindowViewModel main;
    /** One engine view (with its ignored retainers) per open snapshot; closed snapshots' views are dropped. */
    private final Map<Snapshot, RetainerView> views = new IdentityHashMap<>();

    public RetainersViewModel(MainWindowViewModel main) {
        this.main = main;
        main.snapshots().addListener((javafx.collections.ListChangeListener<Snapshot>) c -> purge());
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** The engine's Retainers view of the selection's heap. */
    public synchronized RetainerView view(NodeSelection selection) {
        views.keySet().removeIf(s -> s.heap() == null);
        return views.computeIfAbsent(selection.snapshot(), s -> new RetainerView(s.heap()));
    }

    /** Drops the engine views of closed snapshots. */
    public synchronized void purge() {
        views.keySet().removeIf(s -> s.heap() == null);
    }

    /** The retainers of the selected object, or null for none selected. */
    public Children retainers(NodeSelection selection) {
        if (selection == null || !selection.snapshot().isReady()) {
            return null;
        }
        Children children = HeapChildren.retainers(selection.snapshot().rows(), view(selection), selection.node(),
                new int[0]);
        return children != null ? children : (sort, cancel) -> Children.of(List.of());
    }

    /**
     * The edges to expand by themselves: the engine's shortest path, without its last step (a root's child, a cycle
     * or an unreachable retainer, which DevTools leaves closed). Runs in the background.
     */
    public List<Integer> autoExpandedEdges(NodeSelection selection) {
        RetainerView view = view(selection);
        RetainerPath path;
        synchronized (view) {
            path = view.shortestPath(selection.node().ordinal());
        }
        List<RetainerEdge> steps = path.steps();
        return steps.subList(0, Math.max(0, steps.size() - 1)).stream().map(RetainerEdge::edgeIndex).toList();
    }

    /** "Ignore this retainer" (or stop ignoring it): the engine recomputes its distances. Runs in the background. */
    public void setIgnored(NodeSelection selection, int retainerOrdinal, boolean ignored, CancelSignal cancel) {
        RetainerView view = view(selection);
        synchronized (view) {
            if (ignored) {
                view.ignore(retainerOrdinal, cancel);
            } else {
                view.unignore(retainerOrdinal, cancel);
            }
        }
    }

    /** "Restore ignored retainers". */
    public void restoreAll(NodeSelection selection) {
        RetainerView view = view(selection);
        synchronized (view) {
            view.unignoreAll();
        }
    }

    /** How many retainers the user ignores in the selection's snapshot. */
    public int ignoredCount(NodeSelection selection) {
        RetainerView view = view(selection);
        synchronized (view) {
            return view.ignoredCount();
        }
    }
}
