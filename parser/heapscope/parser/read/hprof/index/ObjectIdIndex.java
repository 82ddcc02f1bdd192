package heapscope.parser.read.hprof.index;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import heapscope.parser.store.LongColumn;
import java.util.Arrays;

/**
 * Object id (address) to object index in file order, for every object record of the dump: the ids sorted, the file
 * index of each sorted id, and a directory of buckets over the address range so a lookup binary-searches only a few
 * entries. Ids are addresses, so they are positive as signed longs. 12 bytes per object plus about half a byte for the
 * directory; a hash map with the same content (hppc {@code LongIntHashMap}) would take 16 to 24. The 12 bytes are
 * where the {@link Columns} given say: off the heap, when the dump's graph will not fit on it, they are mapped (but for
 * dumps whose ids are not a few ascending runs, which are sorted on the heap). When an id occurs twice, the first
 * record wins.
 *
 * <p>Built once, read-only afterwards (then thread-safe). No IO.
 */
public final class ObjectIdIndex {
    private final LongColumn sortedIds;
    /** File index by position in {@link #sortedIds}; null when the file order is already sorted. */
    private final IntColumn fileIndexBySorted;
    private final long minId;
    private final int bucketShift;
    /** First position in {@link #sortedIds} of each bucket; one more entry than there are buckets. */
    private final int[] bucketStart;
    private final int duplicateCount;

    private ObjectIdIndex(LongColumn sortedIds, IntColumn fileIndexBySorted, int duplicateCount) {
        this.sortedIds = sortedIds;
        this.fileIndexBySorted = fileIndexBySorted;
        this.duplicateCount = duplicateCount;
        int n = sortedIds.length();
        this.minId = n == 0 ? 0 : sortedIds.get(0);
        long span = n == 0 ? 0 : sortedIds.get(n - 1) - minId;
        int bucketBits = Math.max(1, Math.min(26, 64 - Long.numberOfLeadingZeros(Math.max(1, n / 8))));
        int spanBits = 64 - Long.numberOfLeadingZeros(span);
        this.bucketShift = Math.max(0, spanBits - bucketBits);
        int buckets = (int) (span >>> bucketShift) + 1;
        this.bucketStart = new int[buckets + 1];
        int position = 0;
        for (int b = 0; b < buckets; b++) {
            bucketStart[b] = position;
            while (position < n && ((sortedIds.get(position) - minId) >>> bucketShift) == b) {
                position++;
            }
        }
        bucketStart[buckets] = n;
    }

    /** Sorts the ids given in file order; {@code idsInFileOrder} is left as it was. */
    public static ObjectIdIndex build(long[] idsInFileOrder, CancelSignal cancel) {
        PagedLongArray paged = new PagedLongArray();
        for (long id : idsInFileOrder) {
            paged.add(id);
        }
        return build(paged, Columns.ON_HEAP, cancel);
    }

    /**
     * Sorts the ids given in file order. The common case (HotSpot's: a few long ascending runs) merges straight from
     * the pages into the sorted array, so the ids are never held twice in one piece; the caller can drop the pages
     * afterwards. The sorted ids and their file indexes go where {@code columns} say.
     */
    public static ObjectIdIndex build(PagedLongArray idsInFileOrder, Columns columns, CancelSignal cancel) {
        long count = idsInFileOrder.size();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " objects");
        }
        int n = (int) count;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = idsInFileOrder.get(i - 1) < idsInFileOrder.get(i);
        }
        if (sorted) {
            LongColumn ids = columns.longs(n);
            for (int i = 0; i < n; i++) {
                ids.set(i, idsInFileOrder.get(i));
            }
            return new ObjectIdIndex(ids, null, 0);
        }
        cancel.throwIfCanceled();
        Sorted merged = sortWithFileIndex(idsInFileOrder, n, columns);
        cancel.throwIfCanceled();
        int duplicates = 0;
        for (int i = 1; i < n; i++) {
            if (merged.ids.get(i) == merged.ids.get(i - 1)) {
                duplicates++;
            }
        }
        return new ObjectIdIndex(merged.ids, merged.fileIndexes, duplicates);
    }

    /** Ids in ascending order and the file index of each. */
    private record Sorted(LongColumn ids, IntColumn fileIndexes) {
    }

    /** Ascending runs at least this long are merged as they are; elements of shorter runs are sorted first. */
    private static final int LONG_RUN = 4096;
    /** More long runs than this and a general sort is faster than merging. */
    private static final int MAX_MERGED_RUNS = 64;

    /**
     * Sorts the first {@code n} {@code ids} and gives each sorted id's original position. HotSpot writes class
     * records first (scattered addresses) and then objects in heap order, so the ids are a few long ascending
     * runs: those are merged with the (sorted) rest in one pass, into arrays where {@code columns} say. Otherwise a
     * general sort is used, on the Java heap.
     */
    private static Sorted sortWithFileIndex(PagedLongArray ids, int n, Columns columns) {
        int[] runStarts = new int[MAX_MERGED_RUNS + 1];
        int longRuns = 0;
        int shortElements = 0;
        int runStart = 0;
        boolean general = false;
        for (int i = 1; i <= n && !general; i++) {
            if (i == n || ids.get(i) <= ids.get(i - 1)) {
                if (i - runStart >= LONG_RUN) {
                    if (longRuns == MAX_MERGED_RUNS) {
                        general = true;
                    } else {
                        runStarts[longRuns++] = runStart;
                    }
                } else {
                    shortElements += i - runStart;
                }
                runStart = i;
            }
        }
        if (general || shortElements > n / 4) {
            long[] all = new long[n];
            ids.copyTo(all, 0);
            int[] positions = new int[n];
            sortGeneral(all, positions);
            return new Sorted(LongColumn.of(all), IntColumn.of(positions));
        }
        return mergeRuns(ids, n, runStarts, longRuns, shortElements, columns);
    }

    /** Merges the long ascending runs and the sorted elements of the short ones into new columns. */
    private static Sorted mergeRuns(PagedLongArray ids, int n, int[] runStarts, int longRuns, int shortElements,
            Columns columns) {
        // Gather the elements of short runs, with their positions, and sort them (they are few).
        long[] shortIds = new long[shortElements];
        int[] shortPositions = new int[shortElements];
        int[] runEnds = new int[longRuns];
        int s = 0;
        int run = 0;
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || ids.get(i) <= ids.get(i - 1)) {
                if (run < longRuns && runStarts[run] == runStart) {
                    runEnds[run++] = i;
                } else {
                    for (int j = runStart; j < i; j++) {
                        shortIds[s] = ids.get(j);
                        shortPositions[s] = j;
                        s++;
                    }
                }
                runStart = i;
            }
        }
        sortGeneral(shortIds, shortPositions, true);
        // k-way merge; ties go to the lower file position (the first record with an id wins).
        LongColumn sorted = columns.longs(n);
        IntColumn positions = columns.ints(n);
        int[] cursor = java.util.Arrays.copyOf(runStarts, longRuns);
        int shortCursor = 0;
        for (int out = 0; out < n; out++) {
            int best = -1;
            long bestId = Long.MAX_VALUE;
            int bestPosition = Integer.MAX_VALUE;
            for (int r = 0; r < longRuns; r++) {
                int c = cursor[r];
                if (c < runEnds[r]) {
                    long id = ids.get(c);
                    if (id < bestId || id == bestId && c < bestPosition) {
                        best = r;
                        bestId = id;
                        bestPosition = c;
                    }
                }
            }
            if (shortCursor < shortElements && (shortIds[shortCursor] < bestId
                    || shortIds[shortCursor] == bestId && shortPositions[shortCursor] < bestPosition)) {
                sorted.set(out, shortIds[shortCursor]);
                positions.set(out, shortPositions[shortCursor]);
                shortCursor++;
            } else {
                sorted.set(out, bestId);
                positions.set(out, bestPosition);
                cursor[best]++;
            }
        }
        return new Sorted(sorted, positions);
    }

    private static void sortGeneral(long[] ids, int[] positions) {
        for (int i = 0; i < ids.length; i++) {
            positions[i] = i;
        }
        sortGeneral(ids, positions, false);
    }

    /**
     * Sorts ids carrying positions (given, or their indexes when {@code positionsGiven} is false). When the ids
     * span less than 2^31 alignment units (a heap below 16 GB at 8-byte alignment), the id offset and the index
     * are packed into one long and sorted in place; otherwise a radix sort with temporaries is used.
     */
    private static void sortGeneral(long[] ids, int[] positions, boolean positionsGiven) {
        int n = ids.length;
        if (n == 0) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long bits = 0;
        for (long id : ids) {
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        for (long id : ids) {
            bits |= id - min;
        }
        int shift = bits == 0 ? 0 : Long.numberOfTrailingZeros(bits);
        long span = (max - min) >>> shift;
        if (min >= 0 && span >>> 31 == 0) {
            int[] original = positionsGiven ? positions.clone() : null;
            for (int i = 0; i < n; i++) {
                ids[i] = (((ids[i] - min) >>> shift) << 32) | i;
            }
            java.util.Arrays.sort(ids);
            for (int i = 0; i < n; i++) {
                long packed = ids[i];
                int index = (int) packed;
                positions[i] = original == null ? index : original[index];
                ids[i] = ((packed >>> 32) << shift) + min;
            }
            return;
        }
        if (!positionsGiven) {
            for (int i = 0; i < n; i++) {
                positions[i] = i;
            }
        }
        radixSort(ids, positions);
    }

    /** LSD radix sort of unsigned longs carrying their positions, 16 bits per pass (stable). */
    private static void radixSort(long[] ids, int[] positions) {
        int n = ids.length;
        long[] idsTemp = new long[n];
        int[] positionsTemp = new int[n];
        long[] fromIds = ids;
        int[] fromPositions = positions;
        long[] toIds = idsTemp;
        int[] toPositions = positionsTemp;
        int[] counts = new int[1 << 16];
        for (int pass = 0; pass < 4; pass++) {
            int shift = pass * 16;
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) (fromIds[i] >>> shift) & 0xffff]++;
            }
            int sum = 0;
            for (int b = 0; b < counts.length; b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int at = counts[(int) (fromIds[i] >>> shift) & 0xffff]++;
                toIds[at] = fromIds[i];
                toPositions[at] = fromPositions[i];
            }
            long[] swapIds = fromIds;
            fromIds = toIds;
            toIds = swapIds;
            int[] swapPositions = fromPositions;
            fromPositions = toPositions;
            toPositions = swapPositions;
        }
        // After an even number of passes the result is back in the caller's arrays.
    }

    int size() {
        return sortedIds.length();
    }

    public int duplicateCount() {
        return duplicateCount;
    }

    /** The file index of the object with this id, or -1 when no object record has it. */
    public int fileIndexOf(long id) {
        long offset = id - minId;
        if (offset < 0 || sortedIds.length() == 0) {
            return -1;
        }
        long bucket = offset >>> bucketShift;
        if (bucket >= bucketStart.length - 1) {
            return -1;
        }
        int low = bucketStart[(int) bucket];
        int high = bucketStart[(int) bucket + 1] - 1;
        LongColumn ids = sortedIds;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long value = ids.get(mid);
            if (value < id) {
                low = mid + 1;
            } else if (value > id) {
                high = mid - 1;
            } else {
                if (fileIndexBySorted == null) {
                    return mid;
                }
                while (mid > 0 && ids.get(mid - 1) == id) {
                    mid--;
                }
                return fileIndexBySorted.get(mid);
            }
        }
        return -1;
    }

    /** The smallest id greater than {@code id}, or -1 when there is none (used to measure address gaps). */
    public long nextIdAfter(long id) {
        int low = 0;
        int high = sortedIds.length();
        while (low < high) { // the first position whose id is greater
            int mid = (low + high) >>> 1;
            if (sortedIds.get(mid) <= id) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < sortedIds.length() ? sortedIds.get(low) : -1;
    }
}
