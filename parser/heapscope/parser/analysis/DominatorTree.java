package heapscope.parser.analysis;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The immediate dominator of every node and the order in which a DFS from the root first reached it, computed over
 * the essential edges. Semidominators come from the Lengauer–Tarjan algorithm in its simple form (path compression,
 * no balancing): T. Lengauer, R. E. Tarjan, "A fast algorithm for finding dominators in a flowgraph", ACM TOPLAS
 * 1(1):121–141, 1979. Immediate dominators then come from the semidominators by the "SNCA" step (each node's idom is
 * the nearest ancestor of its DFS parent whose number is at most its semidominator's: L. Georgiadis, R. E. Tarjan,
 * "Finding dominators revisited", SODA 2004), which needs no buckets: five arrays instead of seven, and the dominator
 * tree is unique, so the result is the one DevTools' Lengauer–Tarjan gives. Variable names are the paper's
 * ({@code semi}, {@code label}, {@code ancestor}); arrays are indexed by vertex number = ordinal + 1 so that 0 can
 * mean "none", as in the paper and in DevTools.
 *
 * <p>Like DevTools ({@code calculateDominatorsAndRetainedSizes}), nodes the DFS from the root does not reach are made
 * children of the root: first those with no essential retainer at all (their subtrees are searched from them), then,
 * one by one, whatever is left (cliques that only retain one another). Both the DFS and path compression are
 * iterative with preallocated stacks: heap graphs are millions of nodes deep.
 *
 * <p>Immutable once built; thread-safe. No IO.
 */
public final class DominatorTree {
    private final int nodeCount;
    private final IntColumn dominatorByNode;
    private final IntColumn nodeByDfsOrder;

    private DominatorTree(int nodeCount, IntColumn dominatorByNode, IntColumn nodeByDfsOrder) {
        this.nodeCount = nodeCount;
        this.dominatorByNode = dominatorByNode;
        this.nodeByDfsOrder = nodeByDfsOrder;
    }

    int nodeCount() {
        return nodeCount;
    }

    /**
     * Immediate dominator ordinal by node ordinal, in the first {@code nodeCount} entries (the array is the
     * algorithm's own, one longer, on the heap or mapped as the graph's {@code columns()} say); the root is its own
     * dominator.
     */
    public IntColumn dominatorByNode() {
        return dominatorByNode;
    }

    /**
     * Node ordinals in DFS preorder from the root, in the first {@code nodeCount} entries: every node comes after its
     * dominator. One of the scratch arrays (on the heap or mapped), needed only to accumulate retained sizes.
     */
    IntColumn nodeByDfsOrder() {
        return nodeByDfsOrder;
    }

    static DominatorTree build(HeapGraph graph, RetainerIndex retainers, BitSet essentialEdges, Scratch scratch,
            CancelSignal cancel) {
        return new Builder(graph, retainers, essentialEdges, scratch, cancel).run();
    }

    /**
     * One run of the algorithm, on arrays from the analysis' {@link Scratch}. Memory is the peak of the whole
     * analysis here, so arrays are reused: {@code nextEdge} serves the DFS, then becomes {@code ancestor}; once the
     * semidominators are known, {@code label} holds each vertex's DFS number and {@code parent} becomes the
     * immediate dominator; the compression stack grows as needed (compression keeps paths short). Five arrays of
     * {@code nodeCount + 1} ints, two of them the results; columns where the graph's {@code columns()} say, so that
     * off the heap this peak of the analysis is mapped.
     */
    private static final class Builder {
        private final int nodeCount;
        private final IntColumn firstEdge;
        private final IntColumn targets;
        private final BitSet essential;
        private final IntColumn firstRetainerSlot;
        private final IntColumn retainerSources;
        private final BitSet essentialSlots;
        private final Scratch scratch;
        private final CancelSignal cancel;
        private final int root;
        private IntColumn parent;
        private IntColumn ancestor;
        private IntColumn vertex;
        private IntColumn label;
        private IntColumn semi;
        private IntColumn nextEdge;
        private int[] compressionStack = new int[1024];
        private int n;

        Builder(HeapGraph graph, RetainerIndex retainers, BitSet essential, Scratch scratch, CancelSignal cancel) {
            this.nodeCount = graph.nodeCount();
            this.firstEdge = graph.firstEdgeIndex();
            this.targets = graph.edgeTargets();
            this.essential = essential;
            this.firstRetainerSlot = retainers.firstRetainerSlot();
            this.retainerSources = retainers.retainerSources();
            this.essentialSlots = retainers.slotsOf(graph, essential, scratch);
            this.scratch = scratch;
            this.cancel = cancel;
            this.root = graph.rootOrdinal() + 1;
            Columns columns = graph.columns();
            parent = scratch.takeColumn(true, columns);
            vertex = scratch.takeColumn(false, columns);
            label = scratch.takeColumn(false, columns);
            semi = scratch.takeColumn(true, columns);
            nextEdge = scratch.takeColumn(false, columns);
        }

        DominatorTree run() {
            dfs(root);
            if (n < nodeCount) {
                for (int v = 1; v <= nodeCount; v++) {
                    if (semi.get(v) == 0 && hasOnlyNonEssentialRetainers(v - 1)) {
                        parent.set(v, root);
                        dfs(v);
                    }
                }
            }
            if (n < nodeCount) {
                for (int v = 1; v <= nodeCount; v++) {
                    if (semi.get(v) == 0) {
                        parent.set(v, root);
                        semi.set(v, ++n);
                        vertex.set(n, v);
                        label.set(v, v);
                    }
                }
            }
            computeSemidominators();
            // The results by ordinal, each shifted down over its own array: vertex v's entry moves to v - 1.
            IntColumn idom = computeImmediateDominators();
            IntColumn order = vertex;
            for (int i = 1; i <= nodeCount; i++) {
                idom.set(i - 1, idom.get(i) - 1);
                order.set(i - 1, vertex.get(i) - 1);
            }
            scratch.give(ancestor, label, semi);
            return new DominatorTree(nodeCount, idom, order);
        }

        private boolean hasOnlyNonEssentialRetainers(int ordinal) {
            for (int slot = firstRetainerSlot.get(ordinal); slot < firstRetainerSlot.get(ordinal + 1); slot++) {
                if (essentialSlots.get(slot)) {
                    return false;
                }
            }
            return true;
        }

        /** Iterative DFS numbering; {@code nextEdge} remembers, per vertex, where to resume scanning its edges. */
        private void dfs(int start) {
            IntColumn semi = this.semi; // locals: the hot loop below then loads no field
            IntColumn parent = this.parent;
            IntColumn nextEdge = this.nextEdge;
            IntColumn firstEdge = this.firstEdge;
            IntColumn targets = this.targets;
            nextEdge.set(start, firstEdge.get(start - 1));
            int v = start;
            while (v != 0) {
                if (semi.get(v) == 0) {
                    semi.set(v, ++n);
                    vertex.set(n, v);
                    label.set(v, v);
                    if ((n & 0xFFFF) == 0) {
                        cancel.throwIfCanceled();
                    }
                }
                int next = parent.get(v);
                int edgesEnd = firstEdge.get(v);
                int e = nextEdge.get(v);
                for (; e < edgesEnd; e++) {
                    if (!essential.get(e)) {
                        continue;
                    }
                    int w = targets.get(e) + 1;
                    if (semi.get(w) == 0) {
                        parent.set(w, v);
                        nextEdge.set(w, firstEdge.get(w - 1));
                        next = w;
                        break;
                    }
                }
                nextEdge.set(v, e);
                v = next;
            }
        }

        /** Lengauer–Tarjan's step 2: semidominators, vertices in decreasing DFS number. */
        private void computeSemidominators() {
            ancestor = nextEdge;
            nextEdge = null;
            ancestor.fill(0);
            IntColumn semi = this.semi; // locals: the hot loop below then loads no field
            IntColumn vertex = this.vertex;
            for (int i = n; i >= 2; i--) {
                if ((i & 0xFFFF) == 0) {
                    cancel.throwIfCanceled();
                }
                int w = vertex.get(i);
                int wOrdinal = w - 1;
                boolean orphan = true;
                int semiW = semi.get(w);
                for (int slot = firstRetainerSlot.get(wOrdinal); slot < firstRetainerSlot.get(wOrdinal + 1); slot++) {
                    if (!essentialSlots.get(slot)) {
                        continue;
                    }
                    orphan = false;
                    int u = eval(retainerSources.get(slot) + 1);
                    semiW = Math.min(semiW, semi.get(u));
                }
                // A node without essential retainers has the root as its only predecessor.
                semi.set(w, orphan ? semi.get(root) : semiW);
                ancestor.set(w, parent.get(w)); // link(parent[w], w)
            }
        }

        /**
         * The SNCA step, vertices in increasing DFS number: idom(w) starts as w's DFS parent and climbs the
         * dominators already found until its DFS number is at most semi(w). Returns idom by vertex, over parent[].
         */
        private IntColumn computeImmediateDominators() {
            IntColumn number = label; // labels are done with: keep each vertex's DFS number in their place
            for (int i = 1; i <= n; i++) {
                number.set(vertex.get(i), i);
            }
            IntColumn idom = parent;
            idom.set(root, root);
            for (int i = 2; i <= n; i++) {
                if ((i & 0xFFFF) == 0) {
                    cancel.throwIfCanceled();
                }
                int w = vertex.get(i);
                int semiW = semi.get(w);
                int d = idom.get(w);
                while (number.get(d) > semiW) {
                    d = idom.get(d);
                }
                idom.set(w, d);
            }
            return idom;
        }

        private int eval(int v) {
            if (ancestor.get(v) == 0) {
                return v;
            }
            compress(v);
            return label.get(v);
        }

        private void compress(int v) {
            IntColumn ancestor = this.ancestor; // locals: the hot loops below then load no field
            IntColumn label = this.label;
            IntColumn semi = this.semi;
            int top = 0;
            while (ancestor.get(ancestor.get(v)) != 0) {
                if (++top == compressionStack.length) {
                    compressionStack = Arrays.copyOf(compressionStack, 2 * top);
                }
                compressionStack[top] = v;
                v = ancestor.get(v);
            }
            while (top > 0) {
                int w = compressionStack[top--];
                int a = ancestor.get(w);
                int labelA = label.get(a);
                if (semi.get(labelA) < semi.get(label.get(w))) {
                    label.set(w, labelA);
                }
                ancestor.set(w, ancestor.get(a));
            }
        }
    }
}
