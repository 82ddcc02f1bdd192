package heapscope.app.ui.comparison;

import heapscope.app.ui.common.Children;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.HeapChildren;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotComparer;
import heapscope.parser.analysis.matching.MatchedComparer;
import heapscope.parser.analysis.matching.ObjectMatcher;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.DiffRows;
import heapscope.parser.view.NodeList;
import heapscope.parser.view.NodeRow;
import heapscope.parser.view.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The Comparison: the engine's {@link SnapshotComparer} between a base snapshot and the shown one (DevTools' six
 * columns; for HPROF dumps the engine's {@link MatchedComparer} over the object matching), filtered by the class box and sorted by the engine; a class expands into its new instances (from the
 * shown snapshot) followed by its deleted ones (from the base), each expanding into its references.
 */
public final class ComparisonViewModel {
    private final MainWindowViewModel main;
    /** Comparisons made so far, per target heap and base heap (weakly held: closed snapshots drop theirs). */
    private final Map<AnalyzedHeap, Map<AnalyzedHeap, List<ClassDiff>>> cache = new WeakHashMap<>();

    public ComparisonViewModel(MainWindowViewModel main) {
        this.main = main;
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** The snapshots the shown one can be compared with: the other loaded snapshots of the same format. */
    public List<Snapshot> bases(Snapshot target) {
        if (target == null || !target.isReady()) {
            return List.of();
        }
        HeapFormat format = target.format();
        return main.snapshots().stream().filter(s -> s != target && s.isReady() && s.format() == format).toList();
    }

    /** How objects are matched: by V8 id, or (HPROF, whose ids are addresses that move) by class counts. */
    public static String matching(Snapshot target) {
        return target != null && target.format() == HeapFormat.HPROF
                ? "HPROF: matched class by class, no instances (addresses move between dumps)"
                : "";
    }

    /** DevTools' default base: the snapshot before the shown one, else the first other one. */
    public Snapshot defaultBase(Snapshot target) {
        List<Snapshot> bases = bases(target);
        Snapshot best = null;
        for (Snapshot s : bases) {
            if (s.number() < target.number() && (best == null || s.number() > best.number())) {
                best = s;
            }
        }
        return best != null ? best : bases.isEmpty() ? null : bases.get(0);
    }

    /** The class rows of target against base, or null when either is not ready. */
    public Children classes(Snapshot base, Snapshot target) {
        if (base == null || target == null || !base.isReady() || !target.isReady()) {
            return null;
        }
        String classText = main.classFilterProperty().get();
        return (sort, cancel) -> {
            List<Children.Child> children = new ArrayList<>();
            for (ClassDiff diff : DiffRows.sorted(DiffRows.filtered(compare(base, target, cancel), classText),
                    sort)) {
                children.add(new Children.Child(new GridRow.DiffRow(diff), instances(base, target, diff)));
            }
            return Children.of(children);
        };
    }

    /** The engine's comparison, computed once per pair. */
    public List<ClassDiff> compare(Snapshot base, Snapshot target, CancelSignal cancel) {
        AnalyzedHeap b = base.heap();
        AnalyzedHeap t = target.heap();
        synchronized (cache) {
            List<ClassDiff> known = cache.getOrDefault(t, Map.of()).get(b);
            if (known != null) {
                return known;
            }
        }
        List<ClassDiff> diffs = t.format() == HeapFormat.HPROF
                ? MatchedComparer.compare(b, t, ObjectMatcher.match(b, t, cancel))
                : SnapshotComparer.compare(b, t, cancel);
        synchronized (cache) {
            cache.computeIfAbsent(t, k -> new WeakHashMap<>()).put(b, diffs);
        }
        return diffs;
    }

    /** New instances (target) then deleted ones (base), each list sorted by the grid's column. */
    static Children instances(Snapshot base, Snapshot target, ClassDiff diff) {
        if (diff.newNodes().length + diff.deletedNodes().length == 0) {
            return null;
        }
        return (sort, cancel) -> {
            Sort bySize = sort;
            NodeList added = NodeList.of(target.rows(), diff.newNodes(), bySize, cancel);
            NodeList deleted = NodeList.of(base.rows(), diff.deletedNodes(), bySize, cancel);
            return new Children.Rows() {
                @Override
                public int size() {
                    return added.size() + deleted.size();
                }

                @Override
                public List<Children.Child> page(int begin, int count) {
                    List<Children.Child> page = new ArrayList<>();
                    int end = (int) Math.min(size(), (long) begin + count);
                    if (begin < added.size()) {
                        for (NodeRow node : added.page(begin, Math.min(end, added.size()) - begin).rows()) {
                            page.add(new Children.Child(new GridRow.DiffInstance(node, true),
                                    HeapChildren.outgoing(target.rows(), node)));
                        }
                    }
                    int from = Math.max(begin, added.size()) - added.size();
                    int to = end - added.size();
                    if (to > from) {
                        for (NodeRow node : deleted.page(from, to - from).rows()) {
                            page.add(new Children.Child(new GridRow.DiffInstance(node, false),
                                    HeapChildren.outgoing(base.rows(), node)));
                        }
                    }
                    return page;
                }
            };
        };
    }
}
