package heapscope.parser.read;

import heapscope.parser.graph.HeapFormat;
import heapscope.parser.store.Columns;
import java.util.Locale;

/**
 * How many bytes of Java heap opening a dump will take, from counts a reader knows before it allocates the graph
 * (a V8 header's {@code node_count} and {@code edge_count}, an HPROF first pass's object count and edge bound), using
 * the engine's bytes per node and per edge (README, Memory): the graph's arrays, what the analyses add, and the
 * working arrays at the peak (the dominator tree). {@link #check} compares the peak with what this JVM can still
 * give, so a file that cannot fit is refused before it is read into memory, with the {@code -Xmx} that would do.
 *
 * <p>The figures are also what a caller needs to decide where big arrays should live (on or off the heap):
 * {@link #graphBytes}, {@link #analysisBytes} and {@link #peakBytes}. Immutable and thread-safe; no IO.
 */
public final class MemoryEstimate {
    /** Graph per node: type 1, name 4, id 4, self size 2, first edge 4 (README, Memory). */
    static final int GRAPH_BYTES_PER_NODE = 15;
    /** HPROF adds 4 for the content hash and 4 for the record offset each object keeps. */
    static final int HPROF_EXTRA_BYTES_PER_NODE = 8;
    /** Graph per edge: type and name or index 4, target 4. */
    static final int GRAPH_BYTES_PER_EDGE = 8;
    /**
     * The analyses' arrays per node: first retainer 4, DOM state 1, distance 4, dominator 4, retained size 2, class 4,
     * dominator-tree children 8.
     */
    static final int ANALYSIS_BYTES_PER_NODE = 27;
    /** The retainers (reverse edges). */
    static final int ANALYSIS_BYTES_PER_EDGE = 4;
    /** At the peak (dominators): the 8 of the 20 working bytes per node that do not stay, and 3 bits per edge. */
    static final int PEAK_WORKING_BYTES_PER_NODE = 8;
    static final double PEAK_WORKING_BYTES_PER_EDGE = 3 / 8.0;
    /** While an HPROF graph is built: the sorted id index (12 per object) and, when the edges are trimmed, a copy. */
    static final int HPROF_INDEX_BYTES_PER_NODE = 12;
    /** The rest of the process besides the arrays: buffers, class names, strings of a small dump, the app itself. */
    static final long BASE_BYTES = 32L << 20;
    /** Headroom for the collector: big arrays need contiguous space, and the strings are not counted per node. */
    static final double HEADROOM = 1.15;
    /**
     * Off the heap, the heap holds fewer but still huge node arrays, and nearly only them: the 7.9 GB dump under
     * {@code -Xmx6g}, with 34 bytes per object still on the heap, ran out with 4.44 GB live of 6.14 GB, a 511 MB
     * array finding no contiguous room. Half as much again keeps such a file from being started and dying minutes
     * later.
     */
    static final double OFF_HEAP_HEADROOM = 1.5;
    /**
     * Off the heap ({@link Columns#offHeap}), what stays on it: per node the type (1), name (4), self size (2) and
     * first edge (4) of the graph, an HPROF object's content hash (4), the DOM state (1), retained size (2) and class
     * (4) of the analyses; per edge 2 of the 3 working bits. The ids, the record offsets, the first retainers,
     * distances, dominators and dominator-tree children (24 per node, 28 for HPROF), the edges (targets, types and
     * names, retainers: 12 per edge), the dominator algorithm's five working arrays (20 per node) and, while an HPROF
     * dump is read, its sorted id index (12 per object) are mapped.
     */
    static final int OFF_HEAP_GRAPH_BYTES_PER_NODE = GRAPH_BYTES_PER_NODE - 4;
    static final int OFF_HEAP_HPROF_EXTRA_BYTES_PER_NODE = HPROF_EXTRA_BYTES_PER_NODE - 4;
    static final int OFF_HEAP_ANALYSIS_BYTES_PER_NODE = ANALYSIS_BYTES_PER_NODE - 20;
    static final int OFF_HEAP_GRAPH_BYTES_PER_EDGE = 0;
    static final double OFF_HEAP_WORKING_BYTES_PER_EDGE = 2 / 8.0;
    /** The system property that says where the big arrays go: {@code auto} (the default), {@code on}, {@code off}. */
    public static final String OFF_HEAP_PROPERTY = "heapscope.offheap";

    private final HeapFormat format;
    private final long nodes;
    private final long edges;
    /** Whether the counts are projected from part of the file rather than counted. */
    private final boolean projected;
    /** Whether the figures are for the big arrays off the heap. */
    private final boolean offHeap;

    private MemoryEstimate(HeapFormat format, long nodes, long edges, boolean projected, boolean offHeap) {
        this.format = format;
        this.nodes = Math.max(0, nodes);
        this.edges = Math.max(0, edges);
        this.projected = projected;
        this.offHeap = offHeap;
    }

    private MemoryEstimate(HeapFormat format, long nodes, long edges, boolean projected) {
        this(format, nodes, edges, projected, false);
    }

    /** A V8 snapshot with the counts its header announces. */
    public static MemoryEstimate forV8(long nodeCount, long edgeCount) {
        return new MemoryEstimate(HeapFormat.V8_HEAPSNAPSHOT, nodeCount, edgeCount, false);
    }

    /** An HPROF dump after the first pass: its objects and the bound of their references. */
    public static MemoryEstimate forHprof(long objectCount, long edgeBound) {
        return new MemoryEstimate(HeapFormat.HPROF, objectCount, edgeBound, false);
    }

    /**
     * An HPROF dump during its first pass: the objects and edges counted so far scaled to the whole file by the
     * fraction of it read. HotSpot writes symbols and classes first, so early projections fall short, never over.
     */
    public static MemoryEstimate forHprofProjected(long objectsSoFar, long edgesSoFar, double fractionRead) {
        double scale = 1 / Math.max(fractionRead, 1e-6);
        return new MemoryEstimate(HeapFormat.HPROF, (long) (objectsSoFar * scale), (long) (edgesSoFar * scale),
                true);
    }

    /** A graph of either format whose counts are known. */
    public static MemoryEstimate forGraph(HeapFormat format, long nodeCount, long edgeCount) {
        return new MemoryEstimate(format, nodeCount, edgeCount, false);
    }

    public long nodes() {
        return nodes;
    }

    public long edges() {
        return edges;
    }

    /** The same counts with the big arrays off the heap: its figures are what stays on the Java heap then. */
    public MemoryEstimate offHeap() {
        return new MemoryEstimate(format, nodes, edges, projected, true);
    }

    /** The graph's arrays once built (on the Java heap). */
    public long graphBytes() {
        long perNode = offHeap
                ? OFF_HEAP_GRAPH_BYTES_PER_NODE + (format == HeapFormat.HPROF ? OFF_HEAP_HPROF_EXTRA_BYTES_PER_NODE : 0)
                : GRAPH_BYTES_PER_NODE + (format == HeapFormat.HPROF ? HPROF_EXTRA_BYTES_PER_NODE : 0);
        return nodes * perNode + edges * (offHeap ? OFF_HEAP_GRAPH_BYTES_PER_EDGE : GRAPH_BYTES_PER_EDGE);
    }

    /** What the analyses keep beside the graph once a snapshot is open (on the Java heap). */
    public long analysisBytes() {
        return offHeap ? nodes * OFF_HEAP_ANALYSIS_BYTES_PER_NODE
                : nodes * ANALYSIS_BYTES_PER_NODE + edges * ANALYSIS_BYTES_PER_EDGE;
    }

    /**
     * The most the open needs at once on the Java heap: the larger of building the graph and the analyses' peak,
     * with headroom.
     */
    public long peakBytes() {
        long analysisPeak = offHeap
                ? graphBytes() + analysisBytes() + (long) (edges * OFF_HEAP_WORKING_BYTES_PER_EDGE)
                : graphBytes() + analysisBytes() + nodes * PEAK_WORKING_BYTES_PER_NODE
                        + (long) (edges * PEAK_WORKING_BYTES_PER_EDGE);
        // Off the heap the HPROF reader's id index and the edge arrays it fills are mapped.
        long buildPeak = format == HeapFormat.HPROF && !offHeap
                ? graphBytes() + nodes * HPROF_INDEX_BYTES_PER_NODE + edges * GRAPH_BYTES_PER_EDGE
                : graphBytes();
        return (long) (Math.max(analysisPeak, buildPeak) * (offHeap ? OFF_HEAP_HEADROOM : HEADROOM)) + BASE_BYTES;
    }

    /**
     * Where to put this file's big arrays while it is read and analysed: on the Java heap when its peak fits there
     * (the fastest), else off it when what then stays on the heap fits; the system property
     * {@value #OFF_HEAP_PROPERTY} ({@code on}, {@code off}) forces either. Counts {@code heldForThisFile} bytes in
     * use for this file as free (see {@link #check(long)}).
     *
     * @throws TooLarge when neither fits
     */
    public Columns columns(long heldForThisFile) {
        String mode = System.getProperty(OFF_HEAP_PROPERTY, "auto");
        if ("off".equals(mode)) {
            check(heldForThisFile);
            return Columns.ON_HEAP;
        }
        if (!"on".equals(mode) && fits(peakBytes(), heldForThisFile)) {
            return Columns.ON_HEAP;
        }
        offHeap().check(heldForThisFile);
        return Columns.offHeapInCacheFolder();
    }

    /**
     * Where to put the big arrays of this heap when it is restored already analysed (a cache entry's node and edge
     * columns are all mapped where they are stored in any case, leaving about 0.2 bytes per node on the Java heap;
     * this is for those decoded from a portable index): off the heap when
     * what the open heap holds does not fit on the Java heap, or when the system property
     * {@value #OFF_HEAP_PROPERTY} says {@code on}. Never refuses: the restore meets any shortage itself.
     */
    public Columns columnsForStored() {
        String mode = System.getProperty(OFF_HEAP_PROPERTY, "auto");
        boolean fits = fits((long) ((graphBytes() + analysisBytes()) * HEADROOM) + BASE_BYTES, 0);
        return "on".equals(mode) || !"off".equals(mode) && !fits ? Columns.offHeapInCacheFolder() : Columns.ON_HEAP;
    }

    /**
     * Whether {@code bytes} fit in what this JVM can still give; before saying no it asks for a collection once
     * (memory in use may be an earlier snapshot's garbage), unless they would not fit even in an empty heap: the
     * first pass asks again and again as its projection grows.
     */
    private static boolean fits(long bytes, long heldForThisFile) {
        if (bytes <= availableBytes() + heldForThisFile) {
            return true;
        }
        if (bytes > Runtime.getRuntime().maxMemory()) {
            return false;
        }
        System.gc();
        return bytes <= availableBytes() + heldForThisFile;
    }

    /** Bytes this JVM can still give: its maximum heap less what is in use now. */
    public static long availableBytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /** {@link #check(long)} with nothing of this file held yet. */
    public void check() {
        check(0);
    }

    /**
     * Throws {@link TooLarge} when the peak does not fit in what this JVM can still give, counting
     * {@code heldForThisFile} bytes already in use for this file (a first pass's arrays) as free, since the peak
     * includes them. Before refusing it asks for a collection once: memory in use may be an earlier snapshot's garbage.
     */
    public void check(long heldForThisFile) {
        if (!fits(peakBytes(), heldForThisFile)) {
            throw new TooLarge(this, availableBytes() + heldForThisFile);
        }
    }

    /**
     * The maximum heap that would do: what other things use now plus this peak, rounded up to a size people
     * write ({@code 768m}, {@code 3g}).
     */
    public long suggestedMaxHeapBytes() {
        Runtime runtime = Runtime.getRuntime();
        return roundUpHeap(runtime.totalMemory() - runtime.freeMemory() + peakBytes());
    }

    /** A heap size rounded up as people write them: to 256 MiB below 2 GiB, to whole GiB above. */
    public static long roundUpHeap(long bytes) {
        long step = bytes < (2L << 30) ? 256L << 20 : 1L << 30;
        return Math.max(step, (bytes + step - 1) / step * step);
    }

    /** {@code -Xmx} syntax for a size: {@code 768m}, {@code 3g}. */
    public static String xmx(long bytes) {
        return bytes % (1L << 30) == 0 ? bytes / (1L << 30) + "g" : bytes / (1L << 20) + "m";
    }

    /** Bytes for people: {@code 118 MB}, {@code 2.4 GB} (decimal units, as file managers show sizes). */
    public static String humanBytes(long bytes) {
        if (bytes < 1_000_000_000L) {
            return Math.max(1, Math.round(bytes / 1e6)) + " MB";
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** What was estimated, for messages: "2,000,000 objects and 12,600,000 references" ("about ..." if projected). */
    public String describeCounts() {
        return String.format(Locale.ROOT, "%s%,d %s and %,d references", projected ? "about " : "", nodes,
                format == HeapFormat.HPROF ? "objects" : "nodes", edges);
    }

    /**
     * The graph would not fit. Unchecked so that a reader deep in its header can raise it; the reader's entry point
     * turns it into a {@link NotEnoughMemoryException} naming the file.
     */
    public static final class TooLarge extends RuntimeException {
        private final MemoryEstimate estimate;
        private final long availableBytes;

        TooLarge(MemoryEstimate estimate, long availableBytes) {
            super("needs about " + humanBytes(estimate.peakBytes()) + " of memory");
            this.estimate = estimate;
            this.availableBytes = availableBytes;
        }

        public NotEnoughMemoryException toException(java.nio.file.Path file) {
            return NotEnoughMemoryException.beforeReading(file, estimate, availableBytes);
        }
    }
}
