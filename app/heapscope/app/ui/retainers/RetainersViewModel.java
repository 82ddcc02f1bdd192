package heapscope.app.ui.retainers;

import heapscope.app.ui.common.Children;
import heapscope.app.ui.common.HeapChildren;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.NodeSelection;

/**
 * The Retainers pane: for the selected object, what points at it, closest first, each retainer expanding into its
 * own retainers; the chain of closest retainers is expanded up to {@link #AUTO_EXPAND_LEVELS} levels, stopping at a
 * GC root's child (distance 1) as DevTools does; an object met again on its own path is a cycle and is not expanded.
 */
public final class RetainersViewModel {
    /** DevTools' {@code expandRetainersChain(20)}. */
    public static final int AUTO_EXPAND_LEVELS = 20;

    private final MainWindowViewModel main;

    public RetainersViewModel(MainWindowViewModel main) {
        this.main = main;
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** The retainers of the selected object, or null for none selected. */
    public Children retainers(NodeSelection selection) {
        if (selection == null || !selection.snapshot().isReady()) {
            return null;
        }
        Children children = HeapChildren.retainers(selection.snapshot().rows(), selection.node(), new int[0]);
        return children != null ? children : (sort, cancel) -> Children.of(java.util.List.of());
    }

    /** Whether the auto-expansion goes on past a retainer at this raw distance. */
    public static boolean expandsPast(int distance) {
        return distance > 1;
    }
}
