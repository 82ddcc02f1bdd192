package heapscope.parser.analysis.matching;

import com.carrotsearch.hppc.IntArrayList;

/**
 * Pairs of objects in the same place in both dumps whose values differ: each may be one object changed in place, or
 * an old object replaced by a new one. They are decided after everything with equal values has been matched (so an
 * object that moved elsewhere unchanged is found there first), strongest place first: the same field of matched
 * holders, then the holder of a matched object, then the same slot of matched arrays. Single-threaded. No IO.
 */
final class ChangedCandidates {
    /** The kinds of place, in the order they are decided. */
    enum Place {
        FIELD, HOLDER, SLOT
    }

    private final IntArrayList[] pairs = new IntArrayList[Place.values().length];
    private final int[] heads = new int[Place.values().length];

    ChangedCandidates() {
        for (int p = 0; p < pairs.length; p++) {
            pairs[p] = new IntArrayList();
        }
    }

    void add(Place place, int older, int newer) {
        pairs[place.ordinal()].add(older, newer);
    }

    /**
     * Takes the next pair, strongest place first, into {@code pair} ({older, newer}); false when none is left.
     */
    boolean poll(int[] pair) {
        for (int p = 0; p < pairs.length; p++) {
            IntArrayList list = pairs[p];
            if (heads[p] < list.size()) {
                pair[0] = list.get(heads[p]);
                pair[1] = list.get(heads[p] + 1);
                heads[p] += 2;
                if (heads[p] == list.size()) {
                    list.clear();
                    heads[p] = 0;
                }
                return true;
            }
        }
        return false;
    }
}
