package heapscope.parser.analysis;

import heapscope.parser.store.IntColumn;

/**
 * Builds lists in CSR layout by counting sort, the way {@link RetainerIndex} and {@link DominatedNodes} both do: count
 * each key's values into {@code first[key + 1]}, {@link #sumCounts} turns the counts into slice ends, {@link #place}
 * fills each slice from its end backwards with {@code first[key + 1]} as the key's fill pointer, and once every value
 * is placed each pointer has come down to the start of its slice, so {@link #closeSlices} shifting the array by one
 * finishes it. Stateless. No IO.
 */
final class CsrLists {
    private CsrLists() {
    }

    /** Counts one more value for {@code key}. */
    static void count(IntColumn first, int key) {
        int at = key + 1;
        first.set(at, first.get(at) + 1);
    }

    /** Turns the counts of {@code keyCount} keys into the end of each key's slice. */
    static void sumCounts(IntColumn first, int keyCount) {
        for (int k = 0; k < keyCount; k++) {
            first.set(k + 1, first.get(k + 1) + first.get(k));
        }
    }

    /** Puts {@code value} in the last free slot of {@code key}'s slice; a key's values end up in reverse order. */
    static void place(IntColumn first, int key, IntColumn slots, int value) {
        int at = key + 1;
        int slot = first.get(at) - 1;
        first.set(at, slot);
        slots.set(slot, value);
    }

    /** Makes {@code first} the slice starts once all {@code total} values are placed. */
    static void closeSlices(IntColumn first, int keyCount, int total) {
        for (int k = 0; k < keyCount; k++) {
            first.set(k, first.get(k + 1));
        }
        first.set(keyCount, total);
    }
}
