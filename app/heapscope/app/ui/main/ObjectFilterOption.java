package heapscope.app.ui.main;

import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.NodeFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the object filter drop-down, as DevTools builds it from the series: all objects, objects allocated
 * before Snapshot 1, and between Snapshot i and Snapshot j, applied to the snapshot being viewed. Only ranges that end
 * at or before the viewed snapshot are offered: objects allocated after it cannot be in it, so a later range would
 * always be empty. Which objects fall in a range is the format's business ({@link AllocationRanges}): V8 ids, or for
 * Java dumps the births the object matching gives them.
 *
 * <p>After them come the filters that select objects of the viewed snapshot by what they are: DevTools' duplicated
 * strings and objects retained by detached DOM nodes (V8), and the unreachable objects an HPROF dump still holds.
 *
 * @param first the 1-based snapshot number of the lower bound (0 for "before")
 * @param last the 1-based snapshot number of the upper bound (0 for all objects and the named filters)
 * @param named the engine filter of an option that does not depend on the series, or null for an allocation range
 */
public record ObjectFilterOption(String label, int first, int last, NodeFilter named) {
    public static final ObjectFilterOption ALL = new ObjectFilterOption("All objects", 0, 0, null);
    /** With more snapshots than this, only the ranges from Snapshot 1 and between neighbours are offered. */
    private static final int ALL_SPANS_UP_TO = 8;

    /** "Objects allocated between Snapshot i and Snapshot j" (i = 0: "before Snapshot j"). */
    public static ObjectFilterOption between(int i, int j) {
        String label = i == 0 ? "Objects allocated before Snapshot " + j
                : "Objects allocated between Snapshot " + i + " and Snapshot " + j;
        return new ObjectFilterOption(label, i, j, null);
    }

    /** The options offered while {@code viewed} is shown (null: only "All objects"), its format's ranges given. */
    static List<ObjectFilterOption> forSeries(List<Snapshot> series, Snapshot viewed, AllocationRanges ranges) {
        List<ObjectFilterOption> options = new ArrayList<>();
        options.add(ALL);
        if (viewed == null || !viewed.isReady()) {
            return options;
        }
        int k = series.indexOf(viewed) + 1;
        if (k > 0 && ranges.offered(series, viewed)) {
            if (ranges.usable(series.get(0))) {
                options.add(between(0, 1));
            }
            for (int j = 2; j <= k; j++) {
                if (ranges.usable(series.get(j - 2)) && ranges.usable(series.get(j - 1))) {
                    options.add(between(j - 1, j));
                }
            }
            // Wider spans, e.g. "between Snapshot 1 and Snapshot N-1" (what leaked over several repetitions).
            for (int i = 1; i <= k; i++) {
                for (int j = i + 2; j <= k; j++) {
                    if ((series.size() <= ALL_SPANS_UP_TO || i == 1) && ranges.usable(series.get(i - 1))
                            && ranges.usable(series.get(j - 1))) {
                        options.add(between(i, j));
                    }
                }
            }
        }
        if (viewed.format() == HeapFormat.V8_HEAPSNAPSHOT) {
            options.add(new ObjectFilterOption("Duplicated strings", 0, 0, new NodeFilter.DuplicatedStrings()));
            options.add(new ObjectFilterOption("Objects retained by detached DOM nodes", 0, 0,
                    new NodeFilter.DetachedDom()));
        } else {
            options.add(new ObjectFilterOption("Unreachable objects (garbage the dump still holds)", 0, 0,
                    new NodeFilter.Unreachable()));
            options.add(new ObjectFilterOption("All objects, unreachable ones included", 0, 0,
                    new NodeFilter.AllIncludingUnreachable()));
        }
        return options;
    }

    /** Whether this option is an allocation range of the series. */
    public boolean isRange() {
        return named == null && last > 0;
    }

    /** The engine's filter for this option on {@code viewed}; ALL when the option does not apply to it. */
    NodeFilter toFilter(List<Snapshot> series, Snapshot viewed, AllocationRanges ranges) {
        if (named != null) {
            return named;
        }
        if (!isRange() || viewed == null || !viewed.isReady() || last > series.size()
                || last > series.indexOf(viewed) + 1) {
            return NodeFilter.ALL;
        }
        if (!ranges.usable(series.get(last - 1)) || (first > 0 && !ranges.usable(series.get(first - 1)))) {
            return NodeFilter.ALL;
        }
        NodeFilter filter = ranges.between(series, first, last, viewed);
        return filter == null ? NodeFilter.ALL : filter;
    }

    @Override
    public String toString() {
        return label;
    }
}
