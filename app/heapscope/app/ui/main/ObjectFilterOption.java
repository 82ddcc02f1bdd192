package heapscope.app.ui.main;

import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.NodeFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the object filter drop-down, as DevTools builds it from the series: all objects, objects allocated
 * before Snapshot 1, and between Snapshot i and Snapshot j. The bounds are the snapshots' largest JS object ids
 * ("before Snapshot 1" = (0, max1]; "between i and j" = (max_i, max_j]), applied to the snapshot being viewed.
 *
 * <p>After them come the filters that select objects of the viewed snapshot by what they are: DevTools' duplicated
 * strings and objects retained by detached DOM nodes (V8), and the unreachable objects an HPROF dump still holds.
 *
 * @param first the 1-based snapshot number of the lower bound (0 for "before")
 * @param last the 1-based snapshot number of the upper bound (0 for all objects)
 * @param named the engine filter of an option that does not depend on the series, or null for an allocation range
 */
public record ObjectFilterOption(String label, int first, int last, NodeFilter named) {
    public static final ObjectFilterOption ALL = new ObjectFilterOption("All objects", 0, 0, null);

    /** The options the series offers: allocation ranges between V8 snapshots that are loaded. */
    public static List<ObjectFilterOption> forSeries(List<Snapshot> series) {
        List<ObjectFilterOption> options = new ArrayList<>();
        options.add(ALL);
        int n = series.size();
        if (n > 0 && usable(series.get(0))) {
            options.add(new ObjectFilterOption("Objects allocated before Snapshot 1", 0, 1, null));
        }
        for (int j = 2; j <= n; j++) {
            if (usable(series.get(j - 2)) && usable(series.get(j - 1))) {
                options.add(between(j - 1, j));
            }
        }
        // Wider spans, e.g. "between Snapshot 1 and Snapshot N-1" (what leaked over several repetitions).
        for (int i = 1; i <= n; i++) {
            for (int j = i + 2; j <= n; j++) {
                if ((n <= 8 || i == 1) && usable(series.get(i - 1)) && usable(series.get(j - 1))) {
                    options.add(between(i, j));
                }
            }
        }
        if (series.stream().anyMatch(ObjectFilterOption::usable)) {
            options.add(new ObjectFilterOption("Duplicated strings", 0, 0, new NodeFilter.DuplicatedStrings()));
            options.add(new ObjectFilterOption("Objects retained by detached DOM nodes", 0, 0,
                    new NodeFilter.DetachedDom()));
        }
        if (series.stream().anyMatch(s -> s.isReady() && s.format() == HeapFormat.HPROF)) {
            options.add(new ObjectFilterOption("Unreachable objects (garbage the dump still holds)", 0, 0,
                    new NodeFilter.Unreachable()));
            options.add(new ObjectFilterOption("All objects, unreachable ones included", 0, 0,
                    new NodeFilter.AllIncludingUnreachable()));
        }
        return options;
    }

    private static ObjectFilterOption between(int i, int j) {
        return new ObjectFilterOption("Objects allocated between Snapshot " + i + " and Snapshot " + j, i, j, null);
    }

    private static boolean usable(Snapshot s) {
        return s.isReady() && s.format() == HeapFormat.V8_HEAPSNAPSHOT;
    }

    /** The engine's filter for this option in this series; ALL when the option no longer applies. */
    public NodeFilter toFilter(List<Snapshot> series) {
        if (named != null) {
            return named;
        }
        if (last == 0 || last > series.size() || first > series.size()) {
            return NodeFilter.ALL;
        }
        Snapshot upper = series.get(last - 1);
        if (!usable(upper) || (first > 0 && !usable(series.get(first - 1)))) {
            return NodeFilter.ALL;
        }
        long min = first == 0 ? 0 : series.get(first - 1).heap().maxJsObjectId();
        return new NodeFilter.AllocatedBetween(min, upper.heap().maxJsObjectId());
    }

    @Override
    public String toString() {
        return label;
    }
}
