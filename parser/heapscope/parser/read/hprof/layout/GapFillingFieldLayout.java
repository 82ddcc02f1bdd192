package heapscope.parser.read.hprof.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HotSpot's field layout since JDK 15 (JDK-8237767, {@code FieldLayoutBuilder}): the superclass's fields keep their
 * offsets; the class's own primitive fields, widest first, and then its references each go into the smallest free
 * gap that fits them at their natural alignment (gaps in the superclass's block and the header's tail included), or
 * at the end. Only sizes matter for where the next field goes, so fields of equal width are interchangeable.
 * {@code @Contended} padding is not simulated: the file does not record annotations.
 *
 * <p>Stateless; no IO.
 */
final class GapFillingFieldLayout {
    private static final int EMPTY = 0;
    private static final int USED = 1;

    private GapFillingFieldLayout() {
    }

    /** The fields of a class (its own and inherited) at their offsets, and where the instance's fields end. */
    record Fields(int[] offsets, int[] sizes, int end) {
    }

    /**
     * Lays out the fields a class declares after those of its superclass.
     *
     * @param headerSize object header size (where the first field may go)
     * @param inherited the superclass's laid-out fields, or null for a class without superclass
     * @param ownSizes the sizes of the primitive fields the class declares
     * @param ownReferences how many reference fields the class declares
     * @param referenceSize size of a reference in the heap (4 with compressed oops)
     */
    static Fields layout(int headerSize, Fields inherited, int[] ownSizes, int ownReferences, int referenceSize) {
        List<int[]> blocks = new ArrayList<>(); // {offset, size, kind}
        blocks.add(new int[] {0, headerSize, USED});
        if (inherited != null) {
            int n = inherited.offsets.length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(inherited.offsets[a], inherited.offsets[b]));
            for (int i : order) {
                int[] last = blocks.get(blocks.size() - 1);
                int lastEnd = last[0] + last[1];
                int offset = inherited.offsets[i];
                if (offset > lastEnd) {
                    blocks.add(new int[] {lastEnd, offset - lastEnd, EMPTY});
                }
                blocks.add(new int[] {offset, inherited.sizes[i], USED});
            }
        }
        int[] tail = blocks.get(blocks.size() - 1);
        blocks.add(new int[] {tail[0] + tail[1], Integer.MAX_VALUE, EMPTY});

        int[] descending = descending(ownSizes);
        int[] references = new int[ownReferences];
        Arrays.fill(references, referenceSize);
        int own = descending.length + ownReferences;
        int[] ownOffsets = new int[own];
        int[] ownFieldSizes = new int[own];
        add(blocks, descending, ownOffsets, 0);
        add(blocks, references, ownOffsets, descending.length);
        System.arraycopy(descending, 0, ownFieldSizes, 0, descending.length);
        System.arraycopy(references, 0, ownFieldSizes, descending.length, ownReferences);
        int end = blocks.get(blocks.size() - 1)[0];
        int inheritedCount = inherited == null ? 0 : inherited.offsets.length;
        int[] offsets = new int[inheritedCount + own];
        int[] sizes = new int[inheritedCount + own];
        if (inherited != null) {
            System.arraycopy(inherited.offsets, 0, offsets, 0, inheritedCount);
            System.arraycopy(inherited.sizes, 0, sizes, 0, inheritedCount);
        }
        System.arraycopy(ownOffsets, 0, offsets, inheritedCount, own);
        System.arraycopy(ownFieldSizes, 0, sizes, inheritedCount, own);
        return new Fields(offsets, sizes, end);
    }

    /**
     * HotSpot's static field layout in a class's mirror: references first, contiguous at {@code start} (the size
     * of a {@code java.lang.Class} instance), then primitives widest first, each appended at the end at its
     * alignment. (The static layout's search start is its last block, so {@code FieldLayout::add} only appends:
     * the gap before the first long is not refilled.) Returns the end offset.
     */
    static int staticsEnd(int start, int[] primitiveSizes, int references, int referenceSize) {
        int end = start + references * referenceSize;
        for (int size : descending(primitiveSizes)) {
            end = (end + size - 1) / size * size + size;
        }
        return end;
    }

    /**
     * HotSpot's {@code FieldLayout::add}: each field goes into the smallest empty block (header excluded, scanning
     * from the end) that fits it aligned, else at the end; after a failed search, fields of the same size go
     * straight to the end. Writes each field's offset to {@code offsets[from + i]}.
     */
    private static void add(List<int[]> blocks, int[] sizes, int[] offsets, int from) {
        boolean lastSearchSucceeded = false;
        int lastSize = 0;
        for (int i = 0; i < sizes.length; i++) {
            int size = sizes[i];
            int candidate;
            if (size == lastSize && !lastSearchSucceeded) {
                candidate = blocks.size() - 1;
            } else {
                lastSize = size;
                candidate = -1;
                lastSearchSucceeded = true;
                for (int c = blocks.size() - 2; c > 0; c--) {
                    int[] b = blocks.get(c);
                    if (b[2] == EMPTY && fits(b, size) && (candidate < 0 || b[1] < blocks.get(candidate)[1])) {
                        candidate = c;
                    }
                }
                if (candidate < 0) {
                    candidate = blocks.size() - 1;
                    lastSearchSucceeded = false;
                }
            }
            offsets[from + i] = insert(blocks, candidate, size);
        }
    }

    private static int[] descending(int[] sizes) {
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            int t = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = t;
        }
        return sorted;
    }

    private static boolean fits(int[] block, int size) {
        int misalignment = block[0] % size;
        int adjustment = misalignment == 0 ? 0 : size - misalignment;
        return (long) block[1] >= (long) size + adjustment;
    }

    /** Puts a field of {@code size} (aligned to its size) at the start of empty block {@code at}; returns its offset. */
    private static int insert(List<int[]> blocks, int at, int size) {
        int[] slot = blocks.get(at);
        int misalignment = slot[0] % size;
        if (misalignment != 0) {
            int adjustment = size - misalignment;
            blocks.add(at, new int[] {slot[0], adjustment, EMPTY});
            at++;
            slot[0] += adjustment;
            slot[1] -= adjustment;
        }
        int offset = slot[0];
        blocks.add(at, new int[] {offset, size, USED});
        slot[0] += size;
        if (slot[1] != Integer.MAX_VALUE) {
            slot[1] -= size;
            if (slot[1] == 0) {
                blocks.remove(at + 1);
            }
        }
        return offset;
    }
}
