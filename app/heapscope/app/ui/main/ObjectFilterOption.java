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
 * @param first the 1-based snapshot number of the lower bound (0 for "before")
 * @param last the 1-based snapshot number of the upper bound (0 for all objects)
 */
public record ObjectFilterOption(String label, int first, int last) {
    public static final ObjectFilterOption ALL = new ObjectFilterOption("All objects", 0, 0);

    /** The options the series offers: allocation ranges between V8 snapshots that are loaded. */
    public static List<ObjectFilterOption> forSeries(List<Snapshot> series) {
        List<ObjectFilterOption> options = new ArrayList<>();
        options.add(ALL);
        int n = series.size();
        if (n == 0 || !usable(series.get(0))) {
            return options;
        }
        options.add(new ObjectFilterOption("Objects allocated before Snapshot 1", 0, 1));
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
        return options;
    }

    private static ObjectFilterOption between(int i, int j) {
        return new ObjectFilterOption("Objects allocated between Snapshot " + i + " and Snapshot " + j, i, j);
    }

    private static boolean usable(Snapshot s) {
        return s.isReady() && s.format() == HeapFormat.V8_HEAPSNAPSHOT;
    }

    /** The engine's filter for this option in this series; ALL when the option no longer applies. */
    public NodeFilter toFilter(List<Snapshot> series) {
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
