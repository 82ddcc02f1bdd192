package heapscope.parser.analysis.matching;

import com.carrotsearch.hppc.IntArrayList;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.store.IntColumn;

/**
 * Pairs the links of two chains of one class (a linked list's nodes, a hand-made list, a hash bucket) that start at
 * two objects in the same place: each chain is followed along a field that points to the same class, and the two
 * sequences of values are aligned (longest common subsequence), so that links inserted or removed in the middle do not
 * shift the rest. Equal links that the alignment pairs are matched. Single-threaded. No IO.
 *
 * <p>Memory: the two chains' links while it runs, and a byte per cell of the alignment table, which is kept below
 * {@value #MAX_TABLE_CELLS} cells by aligning only what lies before the common end of long chains.
 */
final class Chains {
    private static final int MAX_LINKS = 1 << 20;
    private static final long MAX_TABLE_CELLS = 1 << 22;

    private final Correspondence c;
    private final MatchState state;
    private final HeapGraph older;
    private final HeapGraph newer;
    private final IntArrayList olderLinks = new IntArrayList();
    private final IntArrayList newerLinks = new IntArrayList();

    Chains(Correspondence c, MatchState state) {
        this.c = c;
        this.state = state;
        this.older = c.olderGraph;
        this.newer = c.newerGraph;
    }

    /** Aligns the chains that start at the two objects, along each field of theirs that points to their class. */
    void alignFrom(int olderStart, int newerStart) {
        IntColumn firstEdge = newer.firstEdgeIndex();
        IntColumn targets = newer.edgeTargets();
        for (int e = firstEdge.get(newerStart); e < firstEdge.get(newerStart + 1); e++) {
            if (newer.edgeType(e) == EdgeType.PROPERTY && c.olderClassOfNewer(targets.get(e)) == c.olderClass(olderStart)) {
                int name = c.olderString(newer.edgeNameIndex(e));
                if (name >= 0) {
                    follow(older, olderStart, name, true, olderLinks);
                    follow(newer, newerStart, newer.edgeNameIndex(e), false, newerLinks);
                    align();
                }
            }
        }
    }

    /** The unmatched links from {@code start} along the field named {@code name}, within one class. */
    private void follow(HeapGraph graph, int start, int name, boolean olderSide, IntArrayList links) {
        links.clear();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        IntColumn classes = (olderSide ? c.older : c.newer).classes().classByNode();
        int node = start;
        while (node >= 0 && links.size() < MAX_LINKS
                && !(olderSide ? state.isOlderMatched(node) : state.isNewerMatched(node))) {
            links.add(node);
            int next = -1;
            for (int e = firstEdge.get(node); e < firstEdge.get(node + 1); e++) {
                if (graph.edgeType(e) == EdgeType.PROPERTY && graph.edgeNameIndex(e) == name
                        && classes.get(targets.get(e)) == classes.get(node)) {
                    next = targets.get(e);
                    break;
                }
            }
            node = next == start ? -1 : next;
        }
    }

    private void align() {
        IntColumn olderHashes = older.contentHashes();
        IntColumn newerHashes = newer.contentHashes();
        int n = olderLinks.size();
        int m = newerLinks.size();
        // No common head to pair: the chains start at two objects whose values differ (that is why they are aligned).
        int tail = 0;
        while (tail < n && tail < m
                && olderHashes.get(olderLinks.get(n - 1 - tail)) == newerHashes.get(newerLinks.get(m - 1 - tail))) {
            pair(n - 1 - tail, m - 1 - tail);
            tail++;
        }
        int rows = n - tail;
        int columns = m - tail;
        if (rows > 0 && columns > 0 && (long) rows * columns <= MAX_TABLE_CELLS) {
            alignRest(rows, columns, olderHashes, newerHashes);
        }
    }

    /** Longest common subsequence of what precedes the common tail, by dynamic programming from the end. */
    private void alignRest(int rows, int columns, IntColumn olderHashes, IntColumn newerHashes) {
        int[] below = new int[columns + 1];
        int[] current = new int[columns + 1];
        byte[] moves = new byte[rows * columns]; // 0 take both, 1 skip older, 2 skip newer
        for (int i = rows - 1; i >= 0; i--) {
            int olderHash = olderHashes.get(olderLinks.get(i));
            current[columns] = 0;
            for (int j = columns - 1; j >= 0; j--) {
                if (olderHash == newerHashes.get(newerLinks.get(j))) {
                    current[j] = below[j + 1] + 1;
                    moves[i * columns + j] = 0;
                } else if (below[j] >= current[j + 1]) {
                    current[j] = below[j];
                    moves[i * columns + j] = 1;
                } else {
                    current[j] = current[j + 1];
                    moves[i * columns + j] = 2;
                }
            }
            int[] swap = below;
            below = current;
            current = swap;
        }
        int i = 0;
        int j = 0;
        while (i < rows && j < columns) {
            byte move = moves[i * columns + j];
            if (move == 0) {
                pair(i++, j++);
            } else if (move == 1) {
                i++;
            } else {
                j++;
            }
        }
    }

    private void pair(int olderIndex, int newerIndex) {
        state.match(olderLinks.get(olderIndex), newerLinks.get(newerIndex), MatchRule.ELEMENT);
    }
}
