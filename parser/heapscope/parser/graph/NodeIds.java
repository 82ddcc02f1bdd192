package heapscope.parser.graph;

import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Node ids by ordinal, in 4 bytes each. V8 snapshot ids are uint32. HPROF ids are 64-bit addresses, set in file
 * order, where the high 32 bits change rarely (a heap below 32 GiB with compressed oops has one or two high words; a
 * larger heap changes it at a few region boundaries): only the low words are kept per node, and the high word in a
 * table of the ordinals where it changes. Ids whose high word changes too often for that (more than one run per 64
 * nodes) are kept whole in 8 bytes. Written by the builder in ordinal order, read-only afterwards. No IO but
 * {@link #save} and {@link #load}.
 */
public final class NodeIds {
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    /** Low 32 bits of every id (on the heap or mapped, see {@link Columns}); null once the ids are kept whole. */
    private IntColumn low;
    /** For 64-bit ids: the first ordinal of each run of one high word, and that word; null for V8's 32-bit ids. */
    private int[] runStarts;
    private int[] runHighs;
    private int runCount;
    /** Whole ids, when the high word changes too often; null before. */
    private long[] whole;

    NodeIds(int capacity, boolean narrow) {
        this(capacity, narrow, Columns.ON_HEAP);
    }

    NodeIds(int capacity, boolean narrow, Columns columns) {
        this.low = columns.ints(capacity);
        if (!narrow) {
            runStarts = new int[4];
            runHighs = new int[4];
        }
    }

    private NodeIds(IntColumn low, int[] runStarts, int[] runHighs, long[] whole) {
        this.low = low;
        this.runStarts = runStarts;
        this.runHighs = runHighs;
        this.runCount = runStarts == null ? 0 : runStarts.length;
        this.whole = whole;
    }

    public long get(int ordinal) {
        if (runStarts == null) {
            return low.get(ordinal) & UINT32_MAX;
        }
        if (whole != null) {
            return whole[ordinal];
        }
        return ((long) runHighs[runOf(ordinal)] << 32) | (low.get(ordinal) & UINT32_MAX);
    }

    /** The run holding {@code ordinal}: a short scan for the usual few runs (synthetic nodes, then the heap). */
    private int runOf(int ordinal) {
        if (runCount <= 8) {
            int run = runCount - 1;
            while (runStarts[run] > ordinal) {
                run--;
            }
            return run;
        }
        int at = Arrays.binarySearch(runStarts, 0, runCount, ordinal);
        return at >= 0 ? at : -at - 2;
    }

    /** Sets the id of {@code ordinal}; ordinals come in increasing order. */
    void set(int ordinal, long id) {
        if (runStarts == null) {
            if (id < 0 || id > UINT32_MAX) {
                throw new GraphFormatException("node " + ordinal + " has id " + id
                        + ", which is not a 32-bit unsigned id");
            }
            low.set(ordinal, (int) id);
        } else if (whole != null) {
            whole[ordinal] = id;
        } else {
            int high = (int) (id >>> 32);
            if (runCount == 0 || runHighs[runCount - 1] != high) {
                startRun(ordinal, high);
            }
            if (whole != null) {
                whole[ordinal] = id;
            } else {
                low.set(ordinal, (int) id);
            }
        }
    }

    private void startRun(int ordinal, int high) {
        if (runCount >= Math.max(16, low.length() / 64)) {
            keepWhole(ordinal);
            return;
        }
        if (runCount == runStarts.length) {
            runStarts = Arrays.copyOf(runStarts, runCount * 2);
            runHighs = Arrays.copyOf(runHighs, runCount * 2);
        }
        runStarts[runCount] = ordinal;
        runHighs[runCount] = high;
        runCount++;
    }

    /** Moves the ids set before {@code ordinal} to 8 bytes each. */
    private void keepWhole(int ordinal) {
        long[] ids = new long[low.length()];
        for (int i = 0; i < ordinal; i++) {
            ids[i] = get(i);
        }
        whole = ids;
        low = null;
        runStarts = new int[0];
        runHighs = new int[0];
        runCount = 0;
    }

    long retainedBytes() {
        return whole != null ? 8L * whole.length : 4L * low.length() + 8L * runCount;
    }

    /** What {@link #retainedBytes} has in mapped files off the Java heap. */
    long offHeapBytes() {
        return low == null ? 0 : 4L * low.length() - low.heapBytes();
    }

    void save(ArraySink sink, String name) throws IOException {
        if (whole != null) {
            sink.longs(name + ".whole", whole);
            return;
        }
        sink.ints(name + ".low", low, low.length());
        if (runStarts != null) {
            sink.ints(name + ".runStarts", runStarts, runCount);
            sink.ints(name + ".runHighs", runHighs, runCount);
        }
    }

    static NodeIds load(ArraySource source, String name, int length, Columns columns) throws IOException {
        if (source.has(name + ".whole")) {
            long[] whole = source.longs(name + ".whole");
            StoreFormatException.check(whole.length == length, name + " holds another number of ids than nodes");
            return new NodeIds(null, new int[0], new int[0], whole);
        }
        IntColumn low = source.intColumn(name + ".low", columns);
        StoreFormatException.check(low.length() == length, name + " holds another number of ids than nodes");
        if (!source.has(name + ".runStarts")) {
            return new NodeIds(low, null, null, null);
        }
        int[] runStarts = source.ints(name + ".runStarts");
        int[] runHighs = source.ints(name + ".runHighs");
        StoreFormatException.check(runStarts.length == runHighs.length && runStarts.length > 0
                && runStarts[0] == 0, name + ": the high words do not start at the first node");
        for (int i = 1; i < runStarts.length; i++) {
            StoreFormatException.check(runStarts[i] > runStarts[i - 1] && runStarts[i] < length,
                    name, ": the high words are out of order");
        }
        return new NodeIds(low, runStarts, runHighs, null);
    }
}
