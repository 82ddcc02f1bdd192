package heapscope.app.ui.common;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.view.EdgeList;
import heapscope.parser.view.EdgeRow;
import heapscope.parser.view.NodeList;
import heapscope.parser.view.NodeRow;
import heapscope.parser.view.NodeRows;
import heapscope.parser.view.RetainerList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The children the heap grids share, each a thin adapter over an engine view provider: an object's outgoing
 * references (Containment, Summary instances), the objects it dominates (Dominators), and its retainers (Retainers,
 * with cycles cut).
 */
public final class HeapChildren {
    private HeapChildren() {
    }

    /** An object's references, each expandable into the target's references; null when it has none. */
    public static Children outgoing(NodeRows rows, NodeRow node) {
        if (EdgeList.outgoingCount(rows.heap(), node.ordinal()) == 0) {
            return null;
        }
        return (sort, cancel) -> {
            EdgeList list = EdgeList.outgoing(rows, node.ordinal(), sort, cancel);
            return paged(list.size(), (begin, count) -> list.page(begin, count).rows(),
                    edge -> new Children.Child(new GridRow.NodeItem(edge), outgoing(rows, edge.node())),
                    key -> key.startsWith(GridRow.EDGE_KEY)
                            ? list.indexOf(Integer.parseInt(key.substring(GridRow.EDGE_KEY.length()))) : -1);
        };
    }

    /** The objects a node immediately dominates, largest first; null when it dominates none. */
    public static Children dominated(NodeRows rows, NodeRow node) {
        AnalyzedHeap heap = rows.heap();
        if (NodeList.dominatedCount(heap, node.ordinal()) == 0) {
            return null;
        }
        return (sort, cancel) -> nodes(NodeList.dominatedBy(rows, node.ordinal(), sort, cancel),
                child -> dominated(rows, child));
    }

    /** A list of objects as rows, each with the children {@code childrenOf} gives it. */
    public static Children.Rows nodes(NodeList list, Function<NodeRow, Children> childrenOf) {
        return paged(list.size(), (begin, count) -> list.page(begin, count).rows(),
                node -> new Children.Child(new GridRow.NodeItem(node), childrenOf.apply(node)),
                key -> key.startsWith(GridRow.NODE_KEY)
                        ? list.indexOf(Integer.parseInt(key.substring(GridRow.NODE_KEY.length()))) : -1);
    }

    /**
     * The retainers of a node as the engine's {@link RetainerView} ranks them; each retainer expands into its own
     * retainers. {@code path} holds the ordinals from the selected object down to {@code node}: a retainer already on
     * it is a cycle and does not expand. The view is used by one thread at a time (it is locked while listing).
     */
    public static Children retainers(NodeRows rows, RetainerView view, NodeRow node, int[] path) {
        if (!RetainerList.hasRetainers(rows.heap(), node.ordinal())) {
            return null;
        }
        int[] here = java.util.Arrays.copyOf(path, path.length + 1);
        here[path.length] = node.ordinal();
        return (sort, cancel) -> {
            RetainerList list;
            synchronized (view) {
                list = RetainerList.of(rows, view, node.ordinal(), sort, cancel);
            }
            return paged(list.size(), (begin, count) -> list.page(begin, count).rows(), row -> {
                EdgeRow edge = row.edge();
                boolean cycle = contains(here, edge.node().ordinal());
                return new Children.Child(new GridRow.NodeItem(edge.node(), edge, cycle, row.ignored(),
                        row.unreachable()), cycle ? null : retainers(rows, view, edge.node(), here));
            }, key -> -1);
        };
    }

    /** One page of an engine list's rows. */
    @FunctionalInterface
    private interface PageOfRows<T> {
        List<T> page(int begin, int count);
    }

    /**
     * An engine list, {@code size} rows long, as grid children: each row of a page made a child by {@code toChild};
     * {@code indexOf} finds a row's position by its key.
     */
    private static <T> Children.Rows paged(int size, PageOfRows<T> rows, Function<T, Children.Child> toChild,
            ToIntFunction<String> indexOf) {
        return new Children.Rows() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public List<Children.Child> page(int begin, int count) {
                List<Children.Child> page = new ArrayList<>();
                for (T row : rows.page(begin, count)) {
                    page.add(toChild.apply(row));
                }
                return page;
            }

            @Override
            public int indexOf(String key) {
                return indexOf.applyAsInt(key);
            }
        };
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
