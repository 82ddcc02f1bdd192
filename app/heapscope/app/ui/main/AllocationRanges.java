package heapscope.app.ui.main;

import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.NodeFilter;

/**
 * How a format tells which objects of a snapshot were allocated between two earlier snapshots of its series: the
 * engine filter behind "Objects allocated between Snapshot i and Snapshot j". V8 snapshots carry ids that one process
 * never reuses, so a range of ids is a range of time (DevTools' rule). HPROF dumps have addresses instead, which move;
 * their ranges come from the engine's object matching across dumps, and plug in here as a second implementation.
 */
interface AllocationRanges {
    /** Whether this snapshot can bound a range (loaded, and of this format). */
    boolean usable(Snapshot snapshot);

    /** The objects allocated after {@code lower} (null: from the start) up to {@code upper}. */
    NodeFilter between(Snapshot lower, Snapshot upper);

    /** The ranges of a format, or null when the format has none (yet). */
    static AllocationRanges of(HeapFormat format) {
        return format == HeapFormat.V8_HEAPSNAPSHOT ? V8_IDS : null;
    }

    /** DevTools' rule: ids in (largest JS object id of {@code lower}, that of {@code upper}]. */
    AllocationRanges V8_IDS = new AllocationRanges() {
        @Override
        public boolean usable(Snapshot snapshot) {
            return snapshot.isReady() && snapshot.format() == HeapFormat.V8_HEAPSNAPSHOT;
        }

        @Override
        public NodeFilter between(Snapshot lower, Snapshot upper) {
            long min = lower == null ? 0 : lower.heap().maxJsObjectId();
            return new NodeFilter.AllocatedBetween(min, upper.heap().maxJsObjectId());
        }
    };
}
