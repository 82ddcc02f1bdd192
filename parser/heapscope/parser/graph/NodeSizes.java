package heapscope.parser.graph;

import com.carrotsearch.hppc.IntLongHashMap;

/**
 * A size in bytes per node ordinal, in 4 bytes instead of a long's 8: nearly every object, and nearly every retained
 * size, is below 2 GiB. The few that are not (a huge array, the root of a big heap) are kept in a side table, marked
 * by a negative entry. Used for the self, shallow and retained sizes. Filled by one thread (the reader, then the
 * analysis); reads are thread-safe once it is done. No IO.
 */
public final class NodeSizes {
    private final int[] small;
    private final IntLongHashMap large;

    public NodeSizes(int length) {
        this(new int[length], new IntLongHashMap());
    }

    private NodeSizes(int[] small, IntLongHashMap large) {
        this.small = small;
        this.large = large;
    }

    public long get(int node) {
        int size = small[node];
        return size >= 0 ? size : large.get(node);
    }

    public void set(int node, long size) {
        if (size >= 0 && size <= Integer.MAX_VALUE) {
            if (small[node] < 0) {
                large.remove(node);
            }
            small[node] = (int) size;
        } else {
            small[node] = -1;
            large.put(node, size);
        }
    }

    public void add(int node, long bytes) {
        set(node, get(node) + bytes);
    }

    /** An independent copy, for a phase that derives one size column from another. */
    public NodeSizes copy() {
        return new NodeSizes(small.clone(), large.clone());
    }

    public long retainedBytes() {
        return 4L * small.length + 12L * large.size();
    }
}
