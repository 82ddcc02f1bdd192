package heapscope.app.ui.summary;

import heapscope.app.ui.common.Children;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapChildren;
import heapscope.app.ui.common.RowPath;
import heapscope.app.ui.common.SummaryCache;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
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
        NodeFilter filter = main.filterProperty().get();
        String classText = main.classFilterProperty().get();
        return (sort, cancel) -> {
            SummaryCache.Entry entry = cache.get(rows.heap(), filter, cancel);
            List<Children.Child> children = new ArrayList<>();
            for (ClassAggregate row : ClassRows.sorted(ClassRows.filtered(entry.rows(), classText), sort)) {
                children.add(new Children.Child(new GridRow.ClassRow(row), instances(rows, row, entry)));
            }
            return Children.of(children);
        };
    }

    /**
     * Where the Summary shows an object ({@code ordinal} ≥ 0) or a class: its class row, then the object among the
     * instances. Runs in the background (the Summary's rows may have to be computed).
     */
    public RowPath pathTo(Snapshot snapshot, int ordinal, int classId, CancelSignal cancel) {
        NodeRows rows = snapshot.rows();
        NodeFilter filter = main.filterProperty().get();
        String filterLabel = main.filterOptionProperty().get().label();
        SummaryCache.Entry entry = cache.get(rows.heap(), filter, cancel);
        int wanted = ordinal >= 0 ? rows.heap().classes().classByNode().get(ordinal) : classId;
        String className = rows.heap().classes().name(wanted);
        ClassAggregate row = entry.rows().stream().filter(r -> r.classId() == wanted).findFirst().orElse(null);
        String object = ordinal >= 0 ? rows.row(ordinal).label() : className;
        if (row == null || (ordinal >= 0 && !entry.filter(rows.heap(), cancel).accepts(ordinal))) {
            return RowPath.missing(object + " is not among \u201c" + filterLabel
                    + "\u201d; choose All objects to see it.");
        }
        List<ClassAggregate> shown = ClassRows.filtered(List.of(row), main.classFilterProperty().get());
        if (shown.isEmpty()) {
            return RowPath.missing(className + " is hidden by the class filter \u201c"
                    + main.classFilterProperty().get().strip() + "\u201d.");
        }
        GridRow classRow = new GridRow.ClassRow(row);
        return RowPath.to(ordinal >= 0 ? List.of(classRow.key(), GridRow.NODE_KEY + ordinal)
                : List.of(classRow.key()));
    }

    /** A class's instances that pass the filter, each expandable into its references. */
    static Children instances(NodeRows rows, ClassAggregate row, SummaryCache.Entry entry) {
        return (sort, cancel) -> HeapChildren.nodes(NodeList.instances(rows, row.classId(),
                entry.filter(rows.heap(), cancel), sort, cancel), node -> HeapChildren.outgoing(rows, node));
    }
}
