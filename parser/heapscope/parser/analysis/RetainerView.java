package heapscope.parser.analysis;

import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.LongHashSet;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.model.RetainerPath;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Retainers view of one heap, as DevTools' Retainers pane works (HeapSnapshot.ts
 * {@code createRetainingEdgesProvider}, {@code ignoreNodeInRetainersView}; HeapSnapshotGridNodes
 * {@code expandRetainersChain}). Retainers of an object are its incoming edges except weak ones and the root's,
 * sorted by the retainer's distance, then its name, then retainer order. "Ignore this retainer" recomputes the
 * distances without the ignored nodes; retainers that can then no longer reach a root sort last, as does the other
 * half of a WeakMap key/table pair whose first half became unreachable.
 *
 * <p>Holds the ignored-retainer state of one view: not thread-safe, one instance per pane. No IO.
 */
public final class RetainerView {
    /** How far the chain is expanded by itself, as in DevTools. */
    public static final int MAX_PATH_LENGTH = 20;

    private final AnalyzedHeap heap;
    private final HeapGraph graph;
    private final BitSet ignoredNodes = new BitSet();
    private IntColumn distancesWithoutIgnored;
    private IntHashSet ignoredEdges = new IntHashSet();

    public RetainerView(AnalyzedHeap heap) {
        this.heap = heap;
        this.graph = heap.graph();
    }

    /** The retainers of {@code node}, sorted as the Retainers view lists them. */
    public List<RetainerEdge> retainers(int node) {
        List<RetainerEdge> edges = new ArrayList<>();
        int root = graph.rootOrdinal();
        heap.retainers().forEachRetainingEdge(graph, node, (source, edge) -> {
            if (source == root || graph.edgeType(edge) == EdgeType.WEAK) {
                return;
            }
            int distance = ignoredEdges.contains(edge) ? Distances.BASE_UNREACHABLE_DISTANCE : distance(source);
            edges.add(new RetainerEdge(source, edge, distance, ignoredNodes.get(source)));
        });
        // Ties keep retainer-slot order, as DevTools' sort does.
        Map<Integer, String> names = new HashMap<>();
        Comparator<Integer> byRank = Comparator.<Integer>comparingInt(i -> edges.get(i).sortDistance())
                .thenComparing(i -> names.computeIfAbsent(edges.get(i).retainerNode(),
                        n -> NodeNames.nodeName(graph, n)))
                .thenComparing(Comparator.naturalOrder());
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            ranked.add(i);
        }
        ranked.sort(byRank);
        List<RetainerEdge> sorted = new ArrayList<>(edges.size());
        for (int i : ranked) {
            sorted.add(edges.get(i));
        }
        return sorted;
    }

    /** The chain of first retainers from {@code node} towards a root, cycles cut (DevTools' auto-expansion). */
    public RetainerPath shortestPath(int node) {
        List<RetainerEdge> steps = new ArrayList<>();
        List<Integer> choices = new ArrayList<>();
        LongHashSet seen = new LongHashSet();
        seen.add(node);
        int current = node;
        while (true) {
            List<RetainerEdge> retainers = retainers(current);
            if (retainers.isEmpty()) {
                return new RetainerPath(node, steps, choices, RetainerPath.Stop.NO_RETAINERS);
            }
            RetainerEdge first = retainers.get(0);
            steps.add(first);
            choices.add(retainers.size());
            if (!seen.add(first.retainerNode())) {
                return new RetainerPath(node, steps, choices, RetainerPath.Stop.CYCLE);
            }
            if (steps.size() >= MAX_PATH_LENGTH) {
                return new RetainerPath(node, steps, choices, RetainerPath.Stop.MAX_LENGTH);
            }
            if (first.sortDistance() <= 1) {
                return new RetainerPath(node, steps, choices, RetainerPath.Stop.REACHED_ROOT);
            }
            if (first.sortDistance() >= Distances.BASE_UNREACHABLE_DISTANCE) {
                return new RetainerPath(node, steps, choices, RetainerPath.Stop.UNREACHABLE);
            }
            current = first.retainerNode();
        }
    }

    /** The retainer's distance as this view sorts by it (DevTools' {@code getDistanceForRetainersView}). */
    public int distance(int node) {
        IntColumn distances = distancesWithoutIgnored != null ? distancesWithoutIgnored : heap.distances();
        int distance = distances.get(node);
        if (distance == Distances.NO_DISTANCE) {
            return Math.max(0, heap.distance(node)) + Distances.BASE_UNREACHABLE_DISTANCE;
        }
        return distance;
    }

    /** How many retainers are ignored. */
    public int ignoredCount() {
        return ignoredNodes.cardinality();
    }

    /** "Ignore this retainer": recomputes the view's distances without it. */
    public void ignore(int node, CancelSignal cancel) {
        ignoredNodes.set(node);
        recompute(cancel);
    }

    /** "Stop ignoring this retainer". */
    public void unignore(int node, CancelSignal cancel) {
        ignoredNodes.clear(node);
        recompute(cancel);
    }

    /** "Restore ignored retainers". */
    public void unignoreAll() {
        ignoredNodes.clear();
        distancesWithoutIgnored = null;
        ignoredEdges = new IntHashSet();
    }

    private void recompute(CancelSignal cancel) {
        if (ignoredNodes.isEmpty()) {
            unignoreAll();
            return;
        }
        distancesWithoutIgnored = new DistanceCalculator(graph, new UserRoots(graph), heap.weakMapEdgeNames(), cancel)
                .compute(ignoredNodes, new Scratch(graph.nodeCount()));
        ignoredEdges = unusableWeakMapHalves(distancesWithoutIgnored);
    }

    /**
     * A WeakMap value needs both its key and its table alive: when one of the two edges comes from a node that is now
     * unreachable, the other edge (same pair, same target) is marked ignored too.
     */
    private IntHashSet unusableWeakMapHalves(IntColumn distances) {
        WeakMapEdgeNames weakMaps = heap.weakMapEdgeNames();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        // (target, pair) of ephemeron edges whose source became unreachable
        LongHashSet broken = new LongHashSet();
        for (int node = 0; node < distances.length(); node++) {
            if (distances.get(node) != Distances.NO_DISTANCE) {
                continue;
            }
            for (int e = firstEdge.get(node); e < firstEdge.get(node + 1); e++) {
                if (graph.edgeType(e) == EdgeType.INTERNAL && weakMaps.isEphemeron(graph.edgeNameIndex(e))) {
                    broken.add(((long) targets.get(e) << 32) | weakMaps.pairId(graph.edgeNameIndex(e)));
                }
            }
        }
        IntHashSet result = new IntHashSet();
        if (broken.isEmpty()) {
            return result;
        }
        for (int node = 0; node < distances.length(); node++) {
            for (int e = firstEdge.get(node); e < firstEdge.get(node + 1); e++) {
                if (graph.edgeType(e) == EdgeType.INTERNAL && weakMaps.isEphemeron(graph.edgeNameIndex(e))
                        && broken.contains(((long) targets.get(e) << 32) | weakMaps.pairId(graph.edgeNameIndex(e)))) {
                    result.add(e);
                }
            }
        }
        return result;
    }
}
