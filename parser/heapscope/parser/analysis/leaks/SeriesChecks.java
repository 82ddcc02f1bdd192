package heapscope.parser.analysis.leaks;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.UserRoots;
import heapscope.parser.analysis.matching.ObjectMatching;
import heapscope.parser.graph.FieldValue;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Warns when the snapshots of a series cannot be one process's, in the order they were taken. V8: object ids only grow
 * within a process, and its global objects keep their ids. Java dumps: the header says when each was written, a live
 * thread keeps its native handle ({@code Thread.eetop}) for its whole life, and dumps of one process share most of
 * their objects. Single-threaded; reads the fields of thread objects from Java dumps.
 */
final class SeriesChecks {
    /** A step whose newer dump matched fewer of the older dump's objects than this share is suspicious. */
    private static final double FEW_MATCHED = 0.2;

    private final List<String> labels;
    private final List<String> warnings = new ArrayList<>();
    private long previousMaxId = -1;
    private long previousCreated;
    private Set<Long> firstGlobals;
    private Set<Long> previousThreadHandles;

    SeriesChecks(List<String> labels) {
        this.labels = labels;
    }

    void add(int k, AnalyzedHeap heap) {
        if (heap.format() == HeapFormat.V8_HEAPSNAPSHOT) {
            addV8(k, heap);
        } else {
            addJava(k, heap);
        }
    }

    /** A Java step's matching: a newer dump that matched almost nothing of the older is another process's. */
    void matched(int k, AnalyzedHeap older, ObjectMatching matching) {
        if (matching.matchedCount() < FEW_MATCHED * older.graph().nodeCount()) {
            warnings.add(labels.get(k) + " shares only " + matching.matchedCount() + " of " + labels.get(k - 1)
                    + "'s " + older.graph().nodeCount() + " objects: the dumps may not come from one process");
        }
    }

    private void addV8(int k, AnalyzedHeap heap) {
        long maxId = heap.maxJsObjectId();
        if (maxId < previousMaxId) {
            warnings.add(labels.get(k) + " has older object ids than the snapshot before it: the snapshots are not in"
                    + " the order they were taken");
        }
        previousMaxId = maxId;
        Set<Long> globals = globalObjectIds(heap.graph());
        if (firstGlobals == null) {
            firstGlobals = globals;
        } else if (!globals.equals(firstGlobals)) {
            warnings.add(labels.get(k) + " does not share its global objects' ids with " + labels.get(0)
                    + ": the snapshots may not come from one process, and id-based results would be wrong");
        }
    }

    private void addJava(int k, AnalyzedHeap heap) {
        long created = heap.graph().createdMillis();
        if (created > 0 && previousCreated > 0 && created < previousCreated) {
            warnings.add(labels.get(k) + " was written before " + labels.get(k - 1) + " (the dumps' headers say so):"
                    + " the dumps are not in the order they were taken");
        }
        if (created > 0) {
            previousCreated = created;
        }
        Set<Long> handles = threadHandles(heap);
        if (previousThreadHandles != null && !handles.isEmpty() && !previousThreadHandles.isEmpty()
                && handles.stream().noneMatch(previousThreadHandles::contains)) {
            warnings.add(labels.get(k) + " has no thread of " + labels.get(k - 1) + " (no native thread handle in"
                    + " common): the dumps come from different processes");
        }
        previousThreadHandles = handles;
    }

    /** The native handles ({@code eetop}) of the live threads the dump roots. */
    private static Set<Long> threadHandles(AnalyzedHeap heap) {
        HeapGraph graph = heap.graph();
        Set<Long> handles = new HashSet<>();
        int root = graph.rootOrdinal();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        for (int e = firstEdge.get(root); e < firstEdge.get(root + 1); e++) {
            int group = targets.get(e);
            if (!graph.nodeName(group).equals("(GC roots: thread)")) {
                continue;
            }
            for (int t = firstEdge.get(group); t < firstEdge.get(group + 1); t++) {
                for (FieldValue field : graph.objectFields(targets.get(t))) {
                    if (field.name().equals("eetop") && field.value() instanceof Long handle && handle != 0) {
                        handles.add(handle);
                    }
                }
            }
        }
        return handles;
    }

    /** The ids of the root's user roots (V8's global objects), the same in every snapshot of a process. */
    private static Set<Long> globalObjectIds(HeapGraph graph) {
        UserRoots userRoots = new UserRoots(graph);
        Set<Long> ids = new HashSet<>();
        int root = graph.rootOrdinal();
        for (int e = graph.firstEdgeIndex().get(root); e < graph.firstEdgeIndex().get(root + 1); e++) {
            int target = graph.edgeTarget(e);
            if (userRoots.isUserRoot(target)) {
                ids.add(graph.nodeId(target));
            }
        }
        return ids;
    }

    List<String> warnings() {
        return warnings;
    }
}
