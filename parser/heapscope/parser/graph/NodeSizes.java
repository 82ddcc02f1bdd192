package heapscope.parser.graph;

import com.carrotsearch.hppc.IntLongHashMap;
import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.CharColumn;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;

/**
 * A size in bytes per node ordinal, in 2 bytes instead of a long's 8: nearly every object, and most retained sizes,
 * are below 64 KiB. The few that are not (a big array, an object that holds much) are kept in a side table, marked by
 * {@code 0xFFFF}. A heap where that table would cost more than 2 more bytes per node would (a long chain, where every
 * link retains the rest) switches to 4 bytes per node, with only sizes of 2 GiB and more in the table. Used for the
 * self, shallow and retained sizes. Filled by one thread (the reader, then the analysis); reads are thread-safe once
 * it is done. Restored from a cache entry, the sizes are mapped read-only where they are stored. No IO but
 * {@link #save}, {@link #load} and the page faults of a mapping.
 */
public final class NodeSizes {
    /** In {@code narrow}: the size is in {@code large}. */
    private static final char IN_TABLE = 0xFFFF;
    /** In {@code wide}: the size is in {@code large}. */
    private static final int WIDE_IN_TABLE = -1;

    /** Sizes below 64 KiB - 1, while the table is small; null once widened. */
    private CharColumn narrow;
    /** Sizes below 2 GiB, once widened; null before. */
    private IntColumn wide;
    private final IntLongHashMap large;
    /** Table entries at which {@code narrow} is widened: from then on a table entry costs more than narrow saves. */
    private final int widenAt;

    public NodeSizes(int length) {
        this(CharColumn.of(new char[length]), null, new IntLongHashMap());
    }

    private NodeSizes(CharColumn narrow, IntColumn wide, IntLongHashMap large) {
        this.narrow = narrow;
        this.wide = wide;
        this.large = large;
        this.widenAt = Math.max(1024, length() / 16);
    }

    private int length() {
        return narrow != null ? narrow.length() : wide.length();
    }

    public long get(int node) {
        if (narrow != null) {
            char size = narrow.get(node);
            return size != IN_TABLE ? size : large.get(node);
        }
        int size = wide.get(node);
        return size != WIDE_IN_TABLE ? size : large.get(node);
    }

    public void set(int node, long size) {
        if (narrow != null) {
            boolean inTable = narrow.get(node) == IN_TABLE;
            if (size >= 0 && size < IN_TABLE) {
                if (inTable) {
                    large.remove(node);
                }
                narrow.set(node, (char) size);
                return;
            }
            if (inTable || large.size() < widenAt) {
                narrow.set(node, IN_TABLE);
                large.put(node, size);
                return;
            }
            widen();
        }
        boolean inTable = wide.get(node) == WIDE_IN_TABLE;
        if (size >= 0 && size <= Integer.MAX_VALUE) {
            if (inTable) {
                large.remove(node);
            }
            wide.set(node, (int) size);
        } else {
            wide.set(node, WIDE_IN_TABLE);
            large.put(node, size);
        }
    }

    public void add(int node, long bytes) {
        set(node, get(node) + bytes);
    }

    /** Moves to 4 bytes per node, keeping in the table only the sizes that 4 bytes cannot hold. */
    private void widen() {
        int[] sizes = new int[narrow.length()];
        for (int node = 0; node < sizes.length; node++) {
            char size = narrow.get(node);
            if (size != IN_TABLE) {
                sizes[node] = size;
                continue;
            }
            long value = large.get(node);
            if (value >= 0 && value <= Integer.MAX_VALUE) {
                sizes[node] = (int) value;
                large.remove(node);
            } else {
                sizes[node] = WIDE_IN_TABLE;
            }
        }
        wide = IntColumn.of(sizes);
        narrow = null;
    }

    /** An independent copy, for a phase that derives one size column from another. */
    public NodeSizes copy() {
        return new NodeSizes(narrow == null ? null : CharColumn.of(narrow.toArray()),
                wide == null ? null : IntColumn.of(wide.toArray(wide.length())), large.clone());
    }

    public long retainedBytes() {
        return (narrow != null ? 2L : 4L) * length() + 12L * large.size();
    }

    /** The part of {@link #retainedBytes} in mappings off the Java heap (sizes restored from a cache entry). */
    public long offHeapBytes() {
        boolean mapped = narrow != null ? !narrow.onHeap() : !wide.onHeap();
        return mapped ? (narrow != null ? 2L : 4L) * length() : 0;
    }

    /** Stores the sizes as arrays named {@code name.*}. */
    public void save(ArraySink sink, String name) throws IOException {
        if (narrow != null) {
            sink.chars(name + ".narrow", narrow);
        } else {
            sink.ints(name + ".wide", wide, wide.length());
        }
        int[] nodes = large.keys().toArray();
        java.util.Arrays.sort(nodes);
        long[] sizes = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            sizes[i] = large.get(nodes[i]);
        }
        sink.ints(name + ".largeNodes", nodes);
        sink.longs(name + ".largeSizes", sizes);
    }

    /** The sizes {@link #save} stored, checked to be {@code length} long and complete. */
    public static NodeSizes load(ArraySource source, String name, int length) throws IOException {
        CharColumn narrow = source.has(name + ".narrow") ? source.charColumn(name + ".narrow") : null;
        IntColumn wide = narrow == null ? source.intColumn(name + ".wide", Columns.ON_HEAP) : null;
        int[] nodes = source.ints(name + ".largeNodes");
        long[] sizes = source.longs(name + ".largeSizes");
        StoreFormatException.check((narrow != null ? narrow.length() : wide.length()) == length,
                name + " holds another number of sizes than there are nodes");
        StoreFormatException.check(nodes.length == sizes.length, name + ": large sizes without their nodes");
        int marked = 0;
        for (int node = 0; node < length && !source.trusted(); node++) {
            if (narrow != null ? narrow.get(node) == IN_TABLE : wide.get(node) == WIDE_IN_TABLE) {
                marked++;
            } else {
                StoreFormatException.check(narrow != null || wide.get(node) >= 0, name, ": a size is negative");
            }
        }
        IntLongHashMap large = new IntLongHashMap(nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            int node = nodes[i];
            StoreFormatException.check(node >= 0 && node < length && (narrow != null ? narrow.get(node) == IN_TABLE
                    : wide.get(node) == WIDE_IN_TABLE), name, ": a large size of a node that has its size inline");
            large.put(node, sizes[i]);
        }
        StoreFormatException.check(source.trusted() || large.size() == marked, name
                + ": nodes whose size is missing");
        return new NodeSizes(narrow, wide, large);
    }
}
