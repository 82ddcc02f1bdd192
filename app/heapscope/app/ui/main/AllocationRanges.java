package heapscope.app.ui.main;

import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.model.ObjectBirths;
import java.util.List;

/**
 * How a format tells which objects of the viewed snapshot were allocated between two snapshots of its series: the
 * engine filter behind "Objects allocated between Snapshot i and Snapshot j". V8 snapshots carry ids that one process
 * never reuses, so a range of ids is a range of time (DevTools' rule). Java dumps have addresses instead, which move;
 * the engine matches each dump's objects to the dump before it, and the births that come of it say in which snapshot
 * each object first appeared ({@link SeriesBirths}).
 */
interface AllocationRanges {
    /** Whether ranges can be offered while {@code viewed} is shown (for Java, once its births are known). */
    boolean offered(List<Snapshot> series, Snapshot viewed);

    /** Whether this snapshot can bound a range (loaded, and of this format). */
    boolean usable(Snapshot snapshot);

    /**
     * The objects of {@code viewed} allocated after snapshot {@code first} (0: from the start) up to snapshot
     * {@code last} (1-based positions in {@code series}); null when that cannot be told yet.
     */
    NodeFilter between(List<Snapshot> series, int first, int last, Snapshot viewed);

    /** DevTools' rule: ids in (largest JS object id of snapshot {@code first}, that of snapshot {@code last}]. */
    AllocationRanges V8_IDS = new AllocationRanges() {
        @Override
        public boolean offered(List<Snapshot> series, Snapshot viewed) {
            return usable(viewed);
        }

        @Override
        public boolean usable(Snapshot snapshot) {
            return snapshot.isReady() && snapshot.format() == HeapFormat.V8_HEAPSNAPSHOT;
        }

        @Override
        public NodeFilter between(List<Snapshot> series, int first, int last, Snapshot viewed) {
            long min = first == 0 ? 0 : series.get(first - 1).heap().maxJsObjectId();
            return new NodeFilter.AllocatedBetween(min, series.get(last - 1).heap().maxJsObjectId());
        }
    };

    /** Java dumps: by the births the object matching gave the viewed dump. */
    static AllocationRanges javaBirths(SeriesBirths births) {
        return new AllocationRanges() {
            @Override
            public boolean offered(List<Snapshot> series, Snapshot viewed) {
                return births.of(series, viewed) != null;
            }

            @Override
            public boolean usable(Snapshot snapshot) {
                return snapshot.isReady() && snapshot.format() == HeapFormat.HPROF;
            }

            @Override
            public NodeFilter between(List<Snapshot> series, int first, int last, Snapshot viewed) {
                ObjectBirths known = births.of(series, viewed);
                return known == null ? null : new NodeFilter.FirstSeenBetween(known, first, last);
            }
        };
    }
}
