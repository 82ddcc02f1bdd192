package heapscope.app.ui.tree;

import heapscope.app.ui.common.Children;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapChildren;
import heapscope.app.ui.common.RowPath;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.NodeRow;
import heapscope.parser.view.NodeRows;
import heapscope.parser.view.TreePaths;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A view of the heap as a tree from the snapshot root, largest retained size first, read by pages from the engine.
 * Two views are such trees and differ only in the children an object expands into: Containment (its outgoing
 * references, {@code name :: Target @id}) and Dominators (the objects it alone keeps alive).
 */
public final class RootTreeViewModel {
    private final MainWindowViewModel main;
    private final String gridId;
    private final BiFunction<NodeRows, NodeRow, Children> childrenOf;
    private final PathToNode pathTo;

    /** The keys of the rows from the top down to an object; empty when the tree does not reach it. */
    @FunctionalInterface
    private interface PathToNode {
        List<String> keys(AnalyzedHeap heap, int ordinal, CancelSignal cancel);
    }

    private RootTreeViewModel(MainWindowViewModel main, String gridId,
            BiFunction<NodeRows, NodeRow, Children> childrenOf, PathToNode pathTo) {
        this.main = main;
        this.gridId = gridId;
        this.childrenOf = childrenOf;
        this.pathTo = pathTo;
    }

    /** Containment: each object expands into its outgoing references. */
    public static RootTreeViewModel containment(MainWindowViewModel main) {
        return new RootTreeViewModel(main, "containment-grid", HeapChildren::outgoing,
                (heap, ordinal, cancel) -> keys(GridRow.EDGE_KEY, TreePaths.containmentPath(heap, ordinal, cancel)));
    }

    /** Dominators: each object expands into the objects it immediately dominates. */
    public static RootTreeViewModel dominators(MainWindowViewModel main) {
        return new RootTreeViewModel(main, "dominators-grid", HeapChildren::dominated,
                (heap, ordinal, cancel) -> keys(GridRow.NODE_KEY, TreePaths.dominatorChain(heap, ordinal)));
    }

    private static List<String> keys(String prefix, int[] path) {
        return Arrays.stream(path).mapToObj(i -> prefix + i).toList();
    }

    /** The keys of the rows down to the object, top first, or why this tree does not hold it. Background. */
    public RowPath pathTo(Snapshot snapshot, NodeRow node, CancelSignal cancel) {
        List<String> keys = pathTo.keys(snapshot.heap(), node.ordinal(), cancel);
        return keys.isEmpty() ? RowPath.missing(node.label() + " is not in this tree (no root reaches it).")
                : RowPath.to(keys);
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** The grid's node id, by which the window's tests and stylesheet tell the two trees apart. */
    String gridId() {
        return gridId;
    }

    /** The top-level rows for the snapshot, or null when it is not ready. */
    public Children top(Snapshot snapshot) {
        if (snapshot == null || !snapshot.isReady()) {
            return null;
        }
        NodeRow root = snapshot.rows().row(snapshot.heap().graph().rootOrdinal());
        return childrenOf.apply(snapshot.rows(), root);
    }
}
