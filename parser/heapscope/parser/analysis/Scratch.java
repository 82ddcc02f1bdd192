package heapscope.parser.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Working memory the analysis phases share: int arrays as long as the graph has nodes, taken by a phase and given
 * back when it ends, so that the next phase reuses them. Without it each phase would allocate its own queues, stacks
 * and the dominator algorithm's seven arrays, and the garbage (tens of bytes per node) would sit in the heap until the
 * collector got round to it, which is what a process's peak memory is made of. Lives for one analysis; not
 * thread-safe. No IO.
 */
final class Scratch {
    private final List<int[]> free = new ArrayList<>();

    /** An array of at least {@code length} ints, all 0 when {@code zeroed}, else with stale contents. */
    int[] take(int length, boolean zeroed) {
        for (int i = 0; i < free.size(); i++) {
            int[] array = free.get(i);
            if (array.length >= length) {
                free.remove(i);
                if (zeroed) {
                    Arrays.fill(array, 0);
                }
                return array;
            }
        }
        return new int[length];
    }

    /** Gives arrays back for later phases; the caller must not use them any more. */
    void give(int[]... arrays) {
        for (int[] array : arrays) {
            if (array != null) {
                free.add(array);
            }
        }
    }
}
