package heapscope.parser.analysis.leaks;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.LongArrayList;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.graph.NodeType;
import heapscope.parser.store.ByteColumn;
import java.util.Arrays;

/**
 * The retained size, snapshot after snapshot, of every object big enough to hold a leak: in each snapshot the objects
 * retaining at least {@link #threshold} bytes start to be followed (with their size in the snapshot before, when they
 * were in it), and every followed object is carried to the next snapshot through the {@link Identity}. An object that
 * has no successor (collected, or not matched) is dropped.
 *
 * <p>Memory: a few thousand followed objects, an int and a long per snapshot each. Single-threaded. No IO.
 */
final class RetainedHistory {
    /** Objects retaining less are not followed: no leak worth a report hides in them. */
    static final long MIN_BYTES = 4096;
    /** At most this many objects are followed per snapshot, the largest first. */
    private static final int MAX_FOLLOWED = 20_000;
    static final long UNKNOWN = -1;

    private final int snapshots;
    private int snapshot;
    /** Followed objects' ordinals in the current snapshot. */
    private IntArrayList ordinals = new IntArrayList();
    /** Their retained sizes, {@code snapshots} per object, {@link #UNKNOWN} before they were followed. */
    private LongArrayList sizes = new LongArrayList();

    RetainedHistory(int snapshots) {
        this.snapshots = snapshots;
    }

    /** Starts with the first snapshot. */
    void start(AnalyzedHeap first) {
        snapshot = 0;
        follow(first, null, null);
    }

    /** Moves to the next snapshot: carries the followed objects over and follows the new big ones. */
    void step(AnalyzedHeap previous, AnalyzedHeap current, Identity identity) {
        snapshot++;
        IntIntHashMap followedByPrevious = new IntIntHashMap(ordinals.size() * 2);
        for (int i = 0; i < ordinals.size(); i++) {
            followedByPrevious.put(ordinals.get(i), i);
        }
        IntArrayList carried = new IntArrayList();
        LongArrayList carriedSizes = new LongArrayList();
        NodeSizes retained = current.retainedSizes();
        int n = current.graph().nodeCount();
        for (int node = 0; node < n; node++) {
            int before = identity.previous(node);
            int index = before < 0 ? -1 : followedByPrevious.getOrDefault(before, -1);
            if (index >= 0) {
                carried.add(node);
                for (int k = 0; k < snapshots; k++) {
                    carriedSizes.add(sizes.get(index * snapshots + k));
                }
                carriedSizes.set(carriedSizes.size() - snapshots + snapshot, retained.get(node));
            }
        }
        ordinals = carried;
        sizes = carriedSizes;
        follow(current, previous, identity);
    }

    /** Starts following the current snapshot's big objects that are not followed yet. */
    private void follow(AnalyzedHeap current, AnalyzedHeap previous, Identity identity) {
        long threshold = threshold(current);
        NodeSizes retained = current.retainedSizes();
        ByteColumn types = current.graph().nodeTypes();
        int root = current.graph().rootOrdinal();
        java.util.BitSet followed = new java.util.BitSet();
        for (int i = 0; i < ordinals.size(); i++) {
            followed.set(ordinals.get(i));
        }
        for (int node = 0; node < types.length(); node++) {
            if (node == root || types.get(node) == NodeType.SYNTHETIC || followed.get(node)
                    || retained.get(node) < threshold) {
                continue;
            }
            ordinals.add(node);
            for (int k = 0; k < snapshots; k++) {
                sizes.add(UNKNOWN);
            }
            int at = sizes.size() - snapshots;
            sizes.set(at + snapshot, retained.get(node));
            int before = identity == null ? -1 : identity.previous(node);
            if (before >= 0) {
                sizes.set(at + snapshot - 1, previous.retainedSizes().get(before));
            }
        }
    }

    /** The size an object must retain to be followed: 0.01 % of the heap, at least 4 KB, at most the 20,000th. */
    private static long threshold(AnalyzedHeap heap) {
        long threshold = Math.max(MIN_BYTES, heap.totalSize() / 10_000);
        NodeSizes retained = heap.retainedSizes();
        int n = heap.graph().nodeCount();
        LongArrayList big = new LongArrayList();
        for (int node = 0; node < n; node++) {
            long size = retained.get(node);
            if (size >= threshold) {
                big.add(size);
            }
        }
        if (big.size() <= MAX_FOLLOWED) {
            return threshold;
        }
        long[] sorted = big.toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length - MAX_FOLLOWED];
    }

    /** How many objects are followed in the current snapshot. */
    int size() {
        return ordinals.size();
    }

    /** The i-th followed object's ordinal in the current (last) snapshot. */
    int ordinal(int i) {
        return ordinals.get(i);
    }

    /** The i-th followed object's retained sizes by snapshot ({@link #UNKNOWN} before it was followed). */
    long[] sizes(int i) {
        long[] history = new long[snapshots];
        for (int k = 0; k < snapshots; k++) {
            history[k] = sizes.get(i * snapshots + k);
        }
        return history;
    }
}
