package heapscope.parser.analysis.matching;

import com.carrotsearch.hppc.IntArrayList;
import heapscope.parser.store.IntColumn;
import java.util.Arrays;

/**
 * Splits two lists of objects, one per dump, into groups of one class and one content hash, and hands each group that
 * has members on both sides to a visitor, each side's members in list order. Objects of a class the older dump lacks
 * are left out. Sorting packs a 32-bit key (class and hash mixed) with the list position into one long per object, so
 * a group costs no objects; the rare groups that share a key by collision are split again by exact class and hash.
 *
 * <p>Memory: 8 bytes per listed object while it runs. Single-threaded. No IO.
 */
final class ContentGroups {
    /** Receives one group: positions into the older and the newer list, ascending. */
    interface Visitor {
        void group(int[] olderPositions, int olderCount, int[] newerPositions, int newerCount);
    }

    private ContentGroups() {
    }

    static void visit(Correspondence c, IntArrayList olderNodes, IntArrayList newerNodes, Visitor visitor) {
        IntColumn olderHashes = c.olderGraph.contentHashes();
        IntColumn newerHashes = c.newerGraph.contentHashes();
        long[] older = new long[olderNodes.size()];
        for (int i = 0; i < older.length; i++) {
            int node = olderNodes.get(i);
            older[i] = pack(key(c.olderClass(node), olderHashes.get(node)), i);
        }
        long[] newer = new long[newerNodes.size()];
        int newerCount = 0;
        for (int i = 0; i < newer.length; i++) {
            int node = newerNodes.get(i);
            int olderClass = c.olderClassOfNewer(node);
            if (olderClass >= 0) {
                newer[newerCount++] = pack(key(olderClass, newerHashes.get(node)), i);
            }
        }
        Arrays.sort(older);
        Arrays.sort(newer, 0, newerCount);
        int[] olderPositions = new int[16];
        int[] newerPositions = new int[16];
        int i = 0;
        int j = 0;
        while (i < older.length && j < newerCount) {
            int olderKey = (int) (older[i] >>> 32);
            int newerKey = (int) (newer[j] >>> 32);
            if (olderKey != newerKey) {
                if (olderKey < newerKey) { // the signed order Arrays.sort gave the packed longs
                    i++;
                } else {
                    j++;
                }
                continue;
            }
            int iEnd = i;
            while (iEnd < older.length && (int) (older[iEnd] >>> 32) == olderKey) {
                iEnd++;
            }
            int jEnd = j;
            while (jEnd < newerCount && (int) (newer[jEnd] >>> 32) == newerKey) {
                jEnd++;
            }
            if (olderPositions.length < iEnd - i) {
                olderPositions = new int[iEnd - i];
            }
            if (newerPositions.length < jEnd - j) {
                newerPositions = new int[jEnd - j];
            }
            visitRun(c, olderNodes, older, i, iEnd, newerNodes, newer, j, jEnd, olderPositions, newerPositions,
                    visitor);
            i = iEnd;
            j = jEnd;
        }
    }

    /** Visits the objects sharing one key, split by exact class and hash when a collision mixed them. */
    private static void visitRun(Correspondence c, IntArrayList olderNodes, long[] older, int iFrom, int iTo,
            IntArrayList newerNodes, long[] newer, int jFrom, int jTo, int[] olderPositions, int[] newerPositions,
            Visitor visitor) {
        IntColumn olderHashes = c.olderGraph.contentHashes();
        IntColumn newerHashes = c.newerGraph.contentHashes();
        boolean[] olderDone = new boolean[iTo - iFrom];
        boolean[] newerDone = new boolean[jTo - jFrom];
        for (int first = 0; first < olderDone.length; first++) {
            if (olderDone[first]) {
                continue;
            }
            int node = olderNodes.get((int) older[iFrom + first]);
            int cls = c.olderClass(node);
            int hash = olderHashes.get(node);
            int olderCount = 0;
            for (int k = first; k < olderDone.length; k++) {
                int other = olderNodes.get((int) older[iFrom + k]);
                if (!olderDone[k] && c.olderClass(other) == cls && olderHashes.get(other) == hash) {
                    olderDone[k] = true;
                    olderPositions[olderCount++] = (int) older[iFrom + k];
                }
            }
            int newerCount = 0;
            for (int k = 0; k < newerDone.length; k++) {
                int other = newerNodes.get((int) newer[jFrom + k]);
                if (!newerDone[k] && c.olderClassOfNewer(other) == cls && newerHashes.get(other) == hash) {
                    newerDone[k] = true;
                    newerPositions[newerCount++] = (int) newer[jFrom + k];
                }
            }
            if (newerCount > 0) {
                visitor.group(olderPositions, olderCount, newerPositions, newerCount);
            }
        }
    }

    private static int key(int olderClass, int hash) {
        long x = ((long) olderClass << 32 | (hash & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
        return (int) (x >>> 32);
    }

    private static long pack(int key, int position) {
        return (long) key << 32 | position;
    }
}
