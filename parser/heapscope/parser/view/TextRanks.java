package heapscope.parser.view;

import heapscope.parser.graph.StringTable;
import heapscope.parser.progress.CancelSignal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntUnaryOperator;

/**
 * Ranks the strings a sort will compare: each distinct string decoded once, sorted by text, so that comparing two
 * names becomes comparing two ints. Stateless. No IO.
 */
final class TextRanks {
    private TextRanks() {
    }

    /**
     * The rank of each string index in text order, for the strings {@code stringAt(0..count-1)}; entries of other
     * strings are 0.
     */
    static int[] of(StringTable strings, int count, IntUnaryOperator stringAt, CancelSignal cancel) {
        int[] rank = new int[strings.size()];
        boolean[] seen = new boolean[rank.length];
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            int s = stringAt.applyAsInt(i);
            if (!seen[s]) {
                seen[s] = true;
                distinct++;
            }
        }
        cancel.throwIfCanceled();
        int[] used = new int[distinct];
        String[] texts = new String[distinct];
        int at = 0;
        for (int s = 0; s < seen.length; s++) {
            if (seen[s]) {
                used[at] = s;
                texts[at] = strings.get(s);
                at++;
            }
        }
        Integer[] order = new Integer[distinct];
        for (int i = 0; i < distinct; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> texts[i]));
        for (int r = 0; r < distinct; r++) {
            rank[used[order[r]]] = r;
        }
        return rank;
    }
}
