package heapscope.parser.read.hprof.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.progress.CancelSignal;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ObjectIdIndexTest {
    /** Checks every id maps to the file index of its first occurrence, and absent ids to -1. */
    private static void check(long[] idsInFileOrder) {
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < idsInFileOrder.length; i++) {
            expected.putIfAbsent(idsInFileOrder[i], i);
        }
        ObjectIdIndex index = ObjectIdIndex.build(idsInFileOrder.clone(), CancelSignal.NEVER);
        for (Map.Entry<Long, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), index.fileIndexOf(e.getKey()), "id 0x" + Long.toHexString(e.getKey()));
            if (!expected.containsKey(e.getKey() + 4)) {
                assertEquals(-1, index.fileIndexOf(e.getKey() + 4));
            }
        }
        assertEquals(idsInFileOrder.length - expected.size(), index.duplicateCount());
        assertEquals(-1, index.fileIndexOf(1));
        assertEquals(-1, index.fileIndexOf(Long.MAX_VALUE));
    }

    @Test
    void idsAlreadyInAddressOrderNeedNoSort() {
        long[] ids = new long[10_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 0x7_0000_0000L + 16L * i;
        }
        check(ids);
    }

    @Test
    void classRecordsFirstThenHeapOrderRunsAreMerged() {
        // As HotSpot writes them: scattered class mirrors, then three ascending runs (parallel dump parts).
        Random random = new Random(1);
        long[] ids = new long[3 * 5000 + 300];
        int n = 0;
        for (int i = 0; i < 300; i++) {
            ids[n++] = 0x7_0000_0000L + 8L * random.nextInt(1 << 24);
        }
        for (int run = 0; run < 3; run++) {
            long base = 0x7_0000_0000L + 8L * (1 << 20) * (2 - run) + 4;
            for (int i = 0; i < 5000; i++) {
                ids[n++] = base + 24L * i;
            }
        }
        check(ids);
    }

    @Test
    void shuffledIdsWithDuplicatesUseTheGeneralSortAndKeepTheFirstRecord() {
        Random random = new Random(2);
        long[] ids = new long[20_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 0x1000 + 8L * random.nextInt(15_000); // about a quarter are repeats
        }
        check(ids);
    }

    @Test
    void idsSpanningMoreThanSixteenGigabytesUseTheRadixSort() {
        Random random = new Random(3);
        long[] ids = new long[5000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 0x10_0000_0000L + 8L * (random.nextLong() >>> 30);
        }
        check(ids);
    }
}
