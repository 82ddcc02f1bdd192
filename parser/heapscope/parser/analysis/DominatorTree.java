package heapscope.parser.analysis;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
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
    private final int[] dominatorByNode;
    private final int[] nodeByDfsOrder;

    private DominatorTree(int nodeCount, int[] dominatorByNode, int[] nodeByDfsOrder) {
        this.nodeCount = nodeCount;
        this.dominatorByNode = dominatorByNode;
        this.nodeByDfsOrder = nodeByDfsOrder;
    }

    int nodeCount() {
        return nodeCount;
    }

    /**
     * Immediate dominator ordinal by node ordinal, in the first {@code nodeCount} entries (the array is the
     * algorithm's own, one longer); the root is its own dominator.
     */
    public int[] dominatorByNode() {
        return dominatorByNode;
    }

    /**
     * Node ordinals in DFS preorder from the root, in the first {@code nodeCount} entries: every node comes after its
     * dominator. One of the scratch arrays, needed only to accumulate retained sizes.
     */
    int[] nodeByDfsOrder() {
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
     * {@code nodeCount + 1} ints; two of them are the results.
     */
    private static final class Builder {
        private final int nodeCount;
        private final int[] firstEdge;
        private final int[] targets;
        private final BitSet essential;
        private final int[] firstRetainerSlot;
        private final int[] retainerSources;
        private final BitSet essentialSlots;
        private final Scratch scratch;
        private final CancelSignal cancel;
        private final int root;
        private int[] parent;
        private int[] ancestor;
        private int[] vertex;
        private int[] label;
        private int[] semi;
        private int[] nextEdge;
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
            parent = scratch.take(true);
            vertex = scratch.take(false);
            label = scratch.take(false);
            semi = scratch.take(true);
            nextEdge = scratch.take(false);
        }

        DominatorTree run() {
            dfs(root);
            if (n < nodeCount) {
                for (int v = 1; v <= nodeCount; v++) {
                    if (semi[v] == 0 && hasOnlyNonEssentialRetainers(v - 1)) {
                        parent[v] = root;
                        dfs(v);
                    }
                }
            }
            if (n < nodeCount) {
                for (int v = 1; v <= nodeCount; v++) {
                    if (semi[v] == 0) {
                        parent[v] = root;
                        semi[v] = ++n;
                        vertex[n] = v;
                        label[v] = v;
                    }
                }
            }
            computeSemidominators();
            // The results by ordinal, each shifted down over its own array: vertex v's entry moves to v - 1.
            int[] dominatorByNode = computeImmediateDominators();
            int[] order = vertex;
            for (int i = 1; i <= nodeCount; i++) {
                dominatorByNode[i - 1] = dominatorByNode[i] - 1;
                order[i - 1] = vertex[i] - 1;
            }
            scratch.give(ancestor, label, semi);
            return new DominatorTree(nodeCount, dominatorByNode, order);
        }

        private boolean hasOnlyNonEssentialRetainers(int ordinal) {
            for (int slot = firstRetainerSlot[ordinal]; slot < firstRetainerSlot[ordinal + 1]; slot++) {
                if (essentialSlots.get(slot)) {
                    return false;
                }
            }
            return true;
        }

        /** Iterative DFS numbering; {@code nextEdge} remembers, per vertex, where to resume scanning its edges. */
        private void dfs(int start) {
            nextEdge[start] = firstEdge[start - 1];
            int v = start;
            while (v != 0) {
                if (semi[v] == 0) {
                    semi[v] = ++n;
                    vertex[n] = v;
                    label[v] = v;
                    if ((n & 0xFFFF) == 0) {
                        cancel.throwIfCanceled();
                    }
                }
                int next = parent[v];
                int edgesEnd = firstEdge[v];
                for (; nextEdge[v] < edgesEnd; nextEdge[v]++) {
                    int e = nextEdge[v];
                    if (!essential.get(e)) {
                        continue;
                    }
                    int w = targets[e] + 1;
                    if (semi[w] == 0) {
                        parent[w] = v;
                        nextEdge[w] = firstEdge[w - 1];
                        next = w;
                        break;
                    }
                }
                v = next;
            }
        }

        /** Lengauer–Tarjan's step 2: semidominators, vertices in decreasing DFS number. */
        private void computeSemidominators() {
            ancestor = nextEdge;
            nextEdge = null;
            Arrays.fill(ancestor, 0);
            for (int i = n; i >= 2; i--) {
                if ((i & 0xFFFF) == 0) {
                    cancel.throwIfCanceled();
                }
                int w = vertex[i];
                int wOrdinal = w - 1;
                boolean orphan = true;
                for (int slot = firstRetainerSlot[wOrdinal]; slot < firstRetainerSlot[wOrdinal + 1]; slot++) {
                    if (!essentialSlots.get(slot)) {
                        continue;
                    }
                    orphan = false;
                    int u = eval(retainerSources[slot] + 1);
                    if (semi[u] < semi[w]) {
                        semi[w] = semi[u];
                    }
                }
                if (orphan) {
                    // A node without essential retainers has the root as its only predecessor.
                    semi[w] = semi[root];
                }
                ancestor[w] = parent[w]; // link(parent[w], w)
            }
        }

        /**
         * The SNCA step, vertices in increasing DFS number: idom(w) starts as w's DFS parent and climbs the
         * dominators already found until its DFS number is at most semi(w). Returns idom by vertex, over parent[].
         */
        private int[] computeImmediateDominators() {
            int[] number = label; // labels are done with: keep each vertex's DFS number in their place
            for (int i = 1; i <= n; i++) {
                number[vertex[i]] = i;
            }
            int[] idom = parent;
            idom[root] = root;
            for (int i = 2; i <= n; i++) {
                if ((i & 0xFFFF) == 0) {
                    cancel.throwIfCanceled();
                }
                int w = vertex[i];
                int d = idom[w];
                while (number[d] > semi[w]) {
                    d = idom[d];
                }
                idom[w] = d;
            }
            return idom;
        }

        private int eval(int v) {
            if (ancestor[v] == 0) {
                return v;
            }
            compress(v);
            return label[v];
        }

        private void compress(int v) {
            int top = 0;
            while (ancestor[ancestor[v]] != 0) {
                if (++top == compressionStack.length) {
                    compressionStack = Arrays.copyOf(compressionStack, 2 * top);
                }
                compressionStack[top] = v;
                v = ancestor[v];
            }
            while (top > 0) {
                int w = compressionStack[top--];
                if (semi[label[ancestor[w]]] < semi[label[w]]) {
                    label[w] = label[ancestor[w]];
                }
                ancestor[w] = ancestor[ancestor[w]];
            }
        }
    }
}
