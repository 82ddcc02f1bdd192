package heapscope.parser.model;

import heapscope.parser.analysis.AnalyzedHeap;
import java.util.List;

/**
 * What the leak finder found over a series of snapshots of one process.
 *
 * @param snapshots the snapshots' labels in series order
 * @param matching how objects were followed across snapshots: {@code "v8-object-id"} (V8 ids) or
 *     {@code "structural"} (Java dumps: the object matching)
 * @param suspects the leaks, most suspicious first: those that grew at every step, then by retained growth
 * @param runtimeGrowth growth inside the runtime's own tables (class loading, constant pools, interned strings,
 *     method handles; V8's code and system objects): shown apart, not as leaks
 * @param warnings what looks wrong with the series (files out of order, from different processes, damaged)
 * @param lastSnapshot the last snapshot, which the suspects' nodes belong to
 */
public record LeakReport(List<String> snapshots, String matching, List<LeakSuspect> suspects,
        List<LeakSuspect> runtimeGrowth, List<String> warnings, AnalyzedHeap lastSnapshot) {
}
