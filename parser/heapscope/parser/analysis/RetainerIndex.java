package heapscope.parser.analysis;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.BitSet;

/**
 * Reverse edges in CSR layout: the retainers of node {@code n} are the slots {@code firstRetainerSlot.get(n)} to
 * {@code firstRetainerSlot.get(n + 1) - 1}, each holding the ordinal of the retaining node (one slot per edge, so a node
 * that points twice at {@code n} fills two slots). Only the source is stored, 4 bytes per edge: the edge itself is
 * found again by scanning the source's outgoing edges for the target (see {@link #forEachRetainingEdge}), which only
 * the Retainers view needs.
 *
 * <p>Slots of one target are filled in reverse edge order, as DevTools' {@code buildRetainers} does. Immutable once
 * built; thread-safe. No IO.
 */
public final class RetainerIndex {
    private final IntColumn firstRetainerSlot;
    private final IntColumn retainerSources;

    RetainerIndex(IntColumn firstRetainerSlot, IntColumn retainerSources) {
        this.firstRetainerSlot = firstRetainerSlot;
        this.retainerSources = retainerSources;
    }

    static RetainerIndex build(HeapGraph graph, CancelSignal cancel) {
        int nodeCount = graph.nodeCount();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        IntColumn first = graph.columns().ints(nodeCount + 1);
        for (int e = 0, edges = targets.length(); e < edges; e++) {
            CsrLists.count(first, targets.get(e));
        }
        CsrLists.sumCounts(first, nodeCount);
        IntColumn sources = graph.columns().ints(targets.length());
        for (int source = 0; source < nodeCount; source++) {
            if ((source & 0xFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            for (int e = firstEdge.get(source), end = firstEdge.get(source + 1); e < end; e++) {
                CsrLists.place(first, targets.get(e), sources, source);
            }
        }
        CsrLists.closeSlices(first, nodeCount, targets.length());
        return new RetainerIndex(first, sources);
    }

    /** First retainer slot by node ordinal; {@code nodeCount + 1} entries (on the heap or mapped). */
    public IntColumn firstRetainerSlot() {
        return firstRetainerSlot;
    }

    /** Retaining node ordinal by retainer slot (on the heap or mapped, as the graph's {@code columns()}). */
    public IntColumn retainerSources() {
        return retainerSources;
    }

    public int retainerCount(int ordinal) {
        return firstRetainerSlot.get(ordinal + 1) - firstRetainerSlot.get(ordinal);
    }

    /** Receives one retaining edge: its source node and the edge index within the source's edges. */
    @FunctionalInterface
    public interface RetainingEdgeVisitor {
        void visit(int sourceOrdinal, int edgeIndex);
    }

    /**
     * Calls the visitor once per edge pointing at {@code target}, in slot order: sources from last to first, the
     * edges of one source from last to first.
     */
    public void forEachRetainingEdge(HeapGraph graph, int target, RetainingEdgeVisitor visitor) {
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        int previousSource = -1;
        for (int slot = firstRetainerSlot.get(target), end = firstRetainerSlot.get(target + 1); slot < end; slot++) {
            int source = retainerSources.get(slot);
            if (source == previousSource) {
                continue;
            }
            previousSource = source;
            for (int e = firstEdge.get(source + 1) - 1, edgesStart = firstEdge.get(source); e >= edgesStart; e--) {
                if (targets.get(e) == target) {
                    visitor.visit(source, e);
                }
            }
        }
    }

    /**
     * Projects a set of edge indexes onto retainer slots: slot {@code s} is set when the edge it stands for is in
     * {@code edges}. Replays the fill order of {@link #build}, with an int per node of scratch memory.
     */
    BitSet slotsOf(HeapGraph graph, BitSet edges, Scratch scratch) {
        int nodeCount = graph.nodeCount();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        IntColumn next = scratch.takeColumn(false, graph.columns());
        for (int n = 0; n < nodeCount; n++) {
            next.set(n, firstRetainerSlot.get(n + 1));
        }
        BitSet slots = new BitSet(retainerSources.length());
        for (int source = 0; source < nodeCount; source++) {
            for (int e = firstEdge.get(source), end = firstEdge.get(source + 1); e < end; e++) {
                int target = targets.get(e);
                int slot = next.get(target) - 1;
                next.set(target, slot);
                if (edges.get(e)) {
                    slots.set(slot);
                }
            }
        }
        scratch.give(next);
        return slots;
    }

    long retainedBytes() {
        return 4L * firstRetainerSlot.length() + sourceBytes();
    }

    /** What {@link #retainedBytes} has in mapped files off the Java heap. */
    long offHeapBytes() {
        return retainedBytes() - firstRetainerSlot.heapBytes() - retainerSources.heapBytes();
    }

    /** The part that grows with the edges: one source per edge. */
    long sourceBytes() {
        return 4L * retainerSources.length();
    }
}
