package heapscope.parser.analysis.leaks;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.matching.ObjectMatching;
import heapscope.parser.graph.HeapGraph;
import java.util.Arrays;

/**
 * Which object of the previous snapshot an object of the current one is: by V8 object id, or by the object matching of
 * Java dumps. Immutable; thread-safe. No IO.
 */
interface Identity {
    /** The previous snapshot's ordinal of the same object, or -1 for an object new since then. */
    int previous(int currentOrdinal);

    static Identity of(ObjectMatching matching) {
        return matching::olderOf;
    }

    /**
     * By V8 id: the previous snapshot's ids sorted with their ordinals, packed into a long each (ids are 32-bit), so a
     * lookup is a binary search. 8 bytes per node of the previous snapshot.
     */
    static Identity byId(AnalyzedHeap previous, AnalyzedHeap current) {
        HeapGraph before = previous.graph();
        long[] idAndOrdinal = new long[before.nodeCount()];
        for (int node = 0; node < idAndOrdinal.length; node++) {
            idAndOrdinal[node] = before.nodeId(node) << 32 | node;
        }
        Arrays.sort(idAndOrdinal);
        HeapGraph after = current.graph();
        return node -> {
            long id = after.nodeId(node);
            int at = Arrays.binarySearch(idAndOrdinal, id << 32);
            at = at < 0 ? -at - 1 : at;
            return at < idAndOrdinal.length && idAndOrdinal[at] >>> 32 == id ? (int) idAndOrdinal[at] : -1;
        };
    }
}
