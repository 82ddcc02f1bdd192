package heapscope.parser.analysis;

import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.HeapStatistics;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A heap graph with everything the views need computed over it: retainers, distances, shallow and retained sizes, the
 * dominator tree, classes and statistics, each an array by node ordinal. Made by {@link HeapAnalyzer}; read-only
 * afterwards and safe to share between threads. No IO.
 */
public final class AnalyzedHeap {
    private final HeapGraph graph;
    private final RetainerIndex retainers;
    private final ByteColumn domStates;
    private final NodeSizes shallowSizes;
    private final IntColumn distances;
    private final IntColumn dominators;
    private final DominatedNodes dominatedNodes;
    private final NodeSizes retainedSizes;
    private final BitSet uncountedNodes;
    private final WeakMapEdgeNames weakMapEdgeNames;
    private final ClassTable classes;
    private final List<InterfaceDefinitions.Definition> interfaceDefinitions;
    private final HeapStatistics statistics;
    private final long maxJsObjectId;
    /**
     * The Summary's rows under the filters without arguments ({@link StoredSummaries#FILTERS}), made once: by the
     * first view or the cache writer that asks, or restored with the heap from a store.
     */
    private final Map<NodeFilter, List<ClassAggregate>> summaries = new ConcurrentHashMap<>();

    AnalyzedHeap(HeapGraph graph, RetainerIndex retainers, ByteColumn domStates, NodeSizes shallowSizes,
            IntColumn distances, IntColumn dominators, DominatedNodes dominatedNodes, NodeSizes retainedSizes, BitSet uncountedNodes,
            WeakMapEdgeNames weakMapEdgeNames, ClassTable classes, List<InterfaceDefinitions.Definition> interfaceDefinitions, HeapStatistics statistics,
            long maxJsObjectId) {
        this.graph = graph;
        this.retainers = retainers;
        this.domStates = domStates;
        this.shallowSizes = shallowSizes;
        this.distances = distances;
        this.dominators = dominators;
        this.dominatedNodes = dominatedNodes;
        this.retainedSizes = retainedSizes;
        this.uncountedNodes = uncountedNodes;
        this.weakMapEdgeNames = weakMapEdgeNames;
        this.classes = classes;
        this.interfaceDefinitions = interfaceDefinitions;
        this.statistics = statistics;
        this.maxJsObjectId = maxJsObjectId;
    }

    public HeapGraph graph() {
        return graph;
    }

    public RetainerIndex retainers() {
        return retainers;
    }

    /**
     * DOM link state by node ordinal: 0 unknown, 1 attached, 2 detached (on the heap, or mapped read-only from a cache
     * entry).
     */
    public ByteColumn domStates() {
        return domStates;
    }

    /** Shallow size by node ordinal, as the Summary shows it (after DevTools' re-attribution of owned arrays). */
    public NodeSizes shallowSizes() {
        return shallowSizes;
    }

    /** Raw distance by node ordinal (see {@link Distances}); on the heap or mapped, as the graph's columns. */
    public IntColumn distances() {
        return distances;
    }

    /** The node's raw distance (see {@link Distances}). */
    public int distance(int ordinal) {
        return distances.get(ordinal);
    }

    /**
     * Immediate dominator ordinal by node ordinal, in the first {@code nodeCount} entries; on the heap or mapped, as
     * the graph's columns.
     */
    public IntColumn dominators() {
        return dominators;
    }

    /** The node's immediate dominator's ordinal (the root's is itself). */
    public int dominator(int ordinal) {
        return dominators.get(ordinal);
    }

    public DominatedNodes dominatedNodes() {
        return dominatedNodes;
    }

    /** Retained size by node ordinal. */
    public NodeSizes retainedSizes() {
        return retainedSizes;
    }

    /**
     * Nodes left out of sizes and the default Summary: HPROF objects no GC root reaches (garbage the dump still
     * holds). Null for V8 snapshots, where DevTools counts every node.
     */
    public BitSet uncountedNodes() {
        return uncountedNodes;
    }

    WeakMapEdgeNames weakMapEdgeNames() {
        return weakMapEdgeNames;
    }

    public ClassTable classes() {
        return classes;
    }

    /** The plain-object interfaces inferred for this heap, most frequent first; Comparison applies them to a base. */
    List<InterfaceDefinitions.Definition> interfaceDefinitions() {
        return interfaceDefinitions;
    }

    public HeapStatistics statistics() {
        return statistics;
    }

    /** The heap total DevTools shows under a snapshot: the root's retained size plus V8's extra native bytes. */
    public long totalSize() {
        return statistics.total();
    }

    /** The largest odd (JS object) id of a V8 snapshot, the bound of DevTools' allocation filters; 0 for HPROF. */
    public long maxJsObjectId() {
        return maxJsObjectId;
    }

    public HeapFormat format() {
        return graph.format();
    }

    /** The Summary's rows under {@code filter}, made by {@code aggregate} the first time they are asked for. */
    List<ClassAggregate> summary(NodeFilter filter, Function<NodeFilter, List<ClassAggregate>> aggregate) {
        return summaries.computeIfAbsent(filter, f -> List.copyOf(aggregate.apply(f)));
    }

    /** Rows restored from a store, so that {@link #summary} does not make them again. */
    void restoreSummary(NodeFilter filter, List<ClassAggregate> rows) {
        summaries.put(filter, List.copyOf(rows));
    }

    /** Bytes that grow with the edges: the graph's edges and the retainer index's sources. */
    public long edgeBytes() {
        return graph.edgeBytes() + retainers.sourceBytes();
    }

    /** The part of {@link #retainedBytes} in mapped files off the Java heap (see {@code HeapGraph.columns()}). */
    public long offHeapBytes() {
        return graph.offHeapBytes() + retainers.offHeapBytes() + dominatedNodes.offHeapBytes()
                + distances.offHeapBytes() + dominators.offHeapBytes() + classes.classByNode().offHeapBytes()
                + domStates.offHeapBytes() + retainedSizes.offHeapBytes()
                + (shallowSizes == graph.nodeSelfSizes() ? 0 : shallowSizes.offHeapBytes());
    }

    /** Bytes held by the graph and the analyses' arrays, on the Java heap or off it. */
    public long retainedBytes() {
        int n = graph.nodeCount();
        long perNode = 1L + 4 + 4; // DOM state, distance, dominator
        return graph.retainedBytes() + retainers.retainedBytes() + perNode * n + retainedSizes.retainedBytes()
                + dominatedNodes.retainedBytes() + classes.retainedBytes() + (uncountedNodes == null ? 0 : n / 8);
    }
}
