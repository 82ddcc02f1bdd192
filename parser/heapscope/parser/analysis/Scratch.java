package heapscope.parser.analysis;

import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Working memory the analysis phases share: int arrays of {@code nodeCount + 1} entries (one per node, plus one for
 * the dominator algorithm's 1-based numbering), taken by a phase and given back when it ends, so that the next phase
 * reuses them. Without it each phase would allocate its own queues, stacks and the dominator algorithm's arrays, and
 * the garbage (tens of bytes per node) would sit in the heap until the collector got round to it, which is what a
 * process's peak memory is made of. One length for all keeps every array usable by every phase; a phase that keeps an
 * array as its result simply does not give it back. Lives for one analysis; not thread-safe. No IO.
 */
final class Scratch {
    private final int length;
    private final List<int[]> free = new ArrayList<>();
    /** Mapped working columns given back, for later phases off the heap: their pages are in memory already. */
    private final List<IntColumn> freeMapped = new ArrayList<>();

    Scratch(int nodeCount) {
        this.length = nodeCount + 1;
    }

    /** An array of {@code nodeCount + 1} ints, all 0 when {@code zeroed}, else with stale contents. */
    int[] take(boolean zeroed) {
        if (free.isEmpty()) {
            return new int[length];
        }
        int[] array = free.remove(free.size() - 1);
        if (zeroed) {
            Arrays.fill(array, 0);
        }
        return array;
    }

    /**
     * A working array where {@code columns} says: one of this pool's on the heap; off it one of the pool's mapped
     * columns or a new one, and the pool's free arrays are let go, since the phases that go off the heap are those
     * that would not fit beside them.
     */
    IntColumn takeColumn(boolean zeroed, Columns columns) {
        if (!columns.offHeap()) {
            return IntColumn.of(take(zeroed));
        }
        free.clear();
        if (freeMapped.isEmpty()) {
            return columns.ints(length);
        }
        IntColumn column = freeMapped.remove(freeMapped.size() - 1);
        if (zeroed) {
            column.fill(0);
        }
        return column;
    }

    /** Gives arrays back for later phases; the caller must not use them any more. */
    void give(int[]... arrays) {
        for (int[] array : arrays) {
            if (array != null) {
                free.add(array);
            }
        }
    }

    /** Gives columns back for later phases; the caller must not use them any more. */
    void give(IntColumn... columns) {
        for (IntColumn column : columns) {
            if (column == null) {
                continue;
            }
            if (column.onHeap()) {
                free.add(column.array());
            } else {
                freeMapped.add(column);
            }
        }
    }
}
