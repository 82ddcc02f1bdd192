package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.progress.CancelSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds objects by {@code @id} or by name (DevTools' search): a name query matches objects whose name contains the
 * text, ignoring case, testing each distinct name once. Only objects the Summary counts (non-zero shallow size) are
 * found by name. Stateless. No IO.
 */
public final class NodeSearch {
    /** What a name search found: the first {@code rows} (largest retained size first) of {@code total} matches. */
    public record Result(List<NodeRow> rows, int total) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    private NodeSearch() {
    }

    /** The ordinal of the object with this id, or -1. */
    public static int byId(AnalyzedHeap heap, long id) {
        return heap.graph().ordinalOfId(id);
    }

    /** Parses {@code @123} or {@code 123} as an id; -1 when the text is not one. */
    public static long parseId(String text) {
        String t = text.strip();
        if (t.startsWith("@")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(t);
    }

    public static Result byName(NodeRows rows, String text, int limit, CancelSignal cancel) {
        AnalyzedHeap heap = rows.heap();
        HeapGraph graph = heap.graph();
        String needle = text.strip().toLowerCase(Locale.ROOT);
        boolean[] matches = graph.strings().matching(s -> s.toLowerCase(Locale.ROOT).contains(needle));
        int[] names = graph.nodeNames();
        NodeSizes shallow = heap.shallowSizes();
        int total = 0;
        for (int node = 0; node < names.length; node++) {
            if ((node & 0xFFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (matches[names[node]] && shallow.get(node) > 0) {
                total++;
            }
        }
        int[] found = new int[total];
        int at = 0;
        for (int node = 0; node < names.length && at < total; node++) {
            if (matches[names[node]] && shallow.get(node) > 0) {
                found[at++] = node;
            }
        }
        NodeOrder.sort(heap, found, Sort.RETAINED_SIZE_DESCENDING, cancel);
        List<NodeRow> result = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, found.length); i++) {
            result.add(rows.row(found[i]));
        }
        return new Result(result, total);
    }
}
