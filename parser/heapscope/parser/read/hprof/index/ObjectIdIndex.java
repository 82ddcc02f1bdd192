package heapscope.parser.read.hprof.index;

import heapscope.parser.progress.CancelSignal;
import java.util.Arrays;

/**
 * Object id (address) to object index in file order, for every object record of the dump: the ids sorted, the file
 * index of each sorted id, and a directory of buckets over the address range so a lookup binary-searches only a few
 * entries. Ids are addresses, so they are positive as signed longs. 12 bytes per object plus about half a byte for the directory; a hash map with the same content (hppc
 * {@code LongIntHashMap}) would take 16 to 24. When an id occurs twice, the first record wins.
 *
 * <p>Built once, read-only afterwards (then thread-safe). No IO.
 */
public final class ObjectIdIndex {
    private final long[] sortedIds;
    /** File index by position in {@link #sortedIds}; null when the file order is already sorted. */
    private final int[] fileIndexBySorted;
    private final long minId;
    private final int bucketShift;
    /** First position in {@link #sortedIds} of each bucket; one more entry than there are buckets. */
    private final int[] bucketStart;
    private final int duplicateCount;

    private ObjectIdIndex(long[] sortedIds, int[] fileIndexBySorted, int duplicateCount) {
        this.sortedIds = sortedIds;
        this.fileIndexBySorted = fileIndexBySorted;
        this.duplicateCount = duplicateCount;
        int n = sortedIds.length;
        this.minId = n == 0 ? 0 : sortedIds[0];
        long span = n == 0 ? 0 : sortedIds[n - 1] - minId;
        int bucketBits = Math.max(1, Math.min(26, 64 - Long.numberOfLeadingZeros(Math.max(1, n / 8))));
        int spanBits = 64 - Long.numberOfLeadingZeros(span);
        this.bucketShift = Math.max(0, spanBits - bucketBits);
        int buckets = (int) (span >>> bucketShift) + 1;
        this.bucketStart = new int[buckets + 1];
        int position = 0;
        for (int b = 0; b < buckets; b++) {
            bucketStart[b] = position;
            while (position < n && ((sortedIds[position] - minId) >>> bucketShift) == b) {
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
        return build(paged, cancel);
    }

    /**
     * Sorts the ids given in file order. The common case (HotSpot's: a few long ascending runs) merges straight from
     * the pages into the sorted array, so the ids are never held twice in one piece; the caller can drop the pages
     * afterwards.
     */
    public static ObjectIdIndex build(PagedLongArray idsInFileOrder, CancelSignal cancel) {
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
            long[] ids = new long[n];
            idsInFileOrder.copyTo(ids, 0);
            return new ObjectIdIndex(ids, null, 0);
        }
        cancel.throwIfCanceled();
        int[] fileIndexBySorted = new int[n];
        long[] sortedIds = sortWithFileIndex(idsInFileOrder, fileIndexBySorted);
        cancel.throwIfCanceled();
        int duplicates = 0;
        for (int i = 1; i < n; i++) {
            if (sortedIds[i] == sortedIds[i - 1]) {
                duplicates++;
            }
        }
        return new ObjectIdIndex(sortedIds, fileIndexBySorted, duplicates);
    }

    /** Ascending runs at least this long are merged as they are; elements of shorter runs are sorted first. */
    private static final int LONG_RUN = 4096;
    /** More long runs than this and a general sort is faster than merging. */
    private static final int MAX_MERGED_RUNS = 64;

    /**
     * Sorts {@code ids} and writes each sorted id's original position into {@code positions}. HotSpot writes class
     * records first (scattered addresses) and then objects in heap order, so the ids are a few long ascending
     * runs: those are merged with the (sorted) rest in one pass. Otherwise a general sort is used.
     */
    private static long[] sortWithFileIndex(PagedLongArray ids, int[] positions) {
        int n = positions.length;
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
            sortGeneral(all, positions);
            return all;
        }
        return mergeRuns(ids, positions, runStarts, longRuns, shortElements);
    }

    /** Merges the long ascending runs and the sorted elements of the short ones into new arrays. */
    private static long[] mergeRuns(PagedLongArray ids, int[] positions, int[] runStarts, int longRuns,
            int shortElements) {
        int n = positions.length;
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
        long[] sorted = new long[n];
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
                sorted[out] = shortIds[shortCursor];
                positions[out] = shortPositions[shortCursor];
                shortCursor++;
            } else {
                sorted[out] = bestId;
                positions[out] = bestPosition;
                cursor[best]++;
            }
        }
        return sorted;
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
        return sortedIds.length;
    }

    public int duplicateCount() {
        return duplicateCount;
    }

    /** The file index of the object with this id, or -1 when no object record has it. */
    public int fileIndexOf(long id) {
        long offset = id - minId;
        if (offset < 0 || sortedIds.length == 0) {
            return -1;
        }
        long bucket = offset >>> bucketShift;
        if (bucket >= bucketStart.length - 1) {
            return -1;
        }
        int low = bucketStart[(int) bucket];
        int high = bucketStart[(int) bucket + 1] - 1;
        long[] ids = sortedIds;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long value = ids[mid];
            if (value < id) {
                low = mid + 1;
            } else if (value > id) {
                high = mid - 1;
            } else {
                if (fileIndexBySorted == null) {
                    return mid;
                }
                while (mid > 0 && ids[mid - 1] == id) {
                    mid--;
                }
                return fileIndexBySorted[mid];
            }
        }
        return -1;
    }

    /** The smallest id greater than {@code id}, or -1 when there is none (used to measure address gaps). */
    public long nextIdAfter(long id) {
        int at = Arrays.binarySearch(sortedIds, id);
        int next = at >= 0 ? at + 1 : -at - 1;
        while (next < sortedIds.length && sortedIds[next] == id) {
            next++;
        }
        return next < sortedIds.length ? sortedIds[next] : -1;
    }

    long retainedBytes() {
        return 8L * sortedIds.length + (fileIndexBySorted == null ? 0 : 4L * fileIndexBySorted.length)
                + 4L * bucketStart.length;
    }
}
