package heapscope.parser.model;

import heapscope.parser.analysis.AnalyzedHeap;
import java.util.List;

/**
 * What the leak finder found over a series of snapshots: suspects, most suspicious first.
 *
 * @param snapshots the snapshots' labels in series order
 * @param matching how objects were matched across snapshots: {@code "v8-object-id"} (V8: objects allocated between
 *     the first and the second-to-last snapshot, by id) or {@code "structural"} (HPROF: by class and retainer path,
 *     since addresses move between dumps)
 * @param warnings what looks wrong with the series (files out of order, from different processes)
 * @param lastSnapshot the last snapshot, which the groups' example nodes belong to
 */
public record LeakReport(List<String> snapshots, String matching, List<LeakGroup> groups, List<String> warnings,
        AnalyzedHeap lastSnapshot) {
}
