package heapscope.app.ui.summary;

import heapscope.app.ui.common.Children;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapChildren;
import heapscope.app.ui.common.SummaryCache;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.ObjectFilterOption;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.NamedFilters;
import heapscope.parser.view.ObjectFilter;
import java.util.function.Function;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.view.ClassRows;
import heapscope.parser.view.NodeList;
import heapscope.parser.view.NodeRows;
import java.util.ArrayList;
import java.util.List;

/**
 * The Summary: one row per class (the engine's {@code ClassAggregator} under the object filter), filtered by the class
 * box and sorted by the engine; a class expands into its instances ({@code Name @id}), an instance into its
 * references ({@code name :: Target @id}).
 */
public final class SummaryViewModel {
    private final MainWindowViewModel main;
    private final SummaryCache cache;

    public SummaryViewModel(MainWindowViewModel main, SummaryCache cache) {
        this.main = main;
        this.cache = cache;
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** The class rows of the snapshot under the current filters, or null when the snapshot is not ready. */
    public Children classes(Snapshot snapshot) {
        if (snapshot == null || !snapshot.isReady()) {
            return null;
        }
        NodeRows rows = snapshot.rows();
        ObjectFilterOption option = main.filterOptionProperty().get();
        NodeFilter filter = main.filterProperty().get();
        String classText = main.classFilterProperty().get();
        Object key = option != null && option.named() != null ? option.named() : filter;
        Function<AnalyzedHeap, ObjectFilter> make = heap -> filterFor(heap, key);
        return (sort, cancel) -> {
            SummaryCache.Entry entry = cache.get(rows.heap(), key, make);
            List<Children.Child> children = new ArrayList<>();
            for (ClassAggregate row : ClassRows.sorted(ClassRows.filtered(entry.rows(), classText), sort)) {
                children.add(new Children.Child(new GridRow.ClassRow(row), instances(rows, row, entry.filter())));
            }
            return Children.of(children);
        };
    }

    private static ObjectFilter filterFor(AnalyzedHeap heap, Object key) {
        if (key == ObjectFilterOption.Named.DUPLICATED_STRINGS) {
            return ObjectFilter.ofNodes(NamedFilters.duplicatedStrings(heap, CancelSignal.NEVER));
        }
        if (key == ObjectFilterOption.Named.DETACHED_DOM) {
            return ObjectFilter.ofNodes(NamedFilters.retainedByDetachedDom(heap, CancelSignal.NEVER));
        }
        return ObjectFilter.of((NodeFilter) key);
    }

    /** A class's instances that pass the filter, each expandable into its references. */
    static Children instances(NodeRows rows, ClassAggregate row, ObjectFilter filter) {
        return (sort, cancel) -> HeapChildren.nodes(NodeList.instances(rows, row.classId(), filter, sort, cancel),
                node -> HeapChildren.outgoing(rows, node));
    }
}
