package heapscope.parser.analysis;

import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.model.HeapStatistics;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.CanceledException;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;
import java.util.BitSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs the analyses over a heap graph, one named phase after another, in DevTools' order (HeapSnapshot.ts
 * {@code initialize}). Each phase reads the graph and earlier phases' arrays and returns new arrays, except where
 * DevTools too changes the graph in place: DOM state renames detached nodes, shallow sizes replace self sizes, and
 * derived class names are appended to the string table once naming has joined. Transient work arrays (such as the
 * dominator algorithm's) come from a shared scratch pool and go when their last user ends. The same phases run for
 * V8 and HPROF graphs. Stateless; runs on the caller's thread, with class naming on one helper
 * thread beside it (the caller's thread waits for it; cancellation reaches both). No IO.
 */
public final class HeapAnalyzer {
    private HeapAnalyzer() {
    }

    public static AnalyzedHeap analyze(HeapGraph graph, ProgressListener listener, CancelSignal cancel) {
        Scratch scratch = new Scratch(graph.nodeCount());
        listener.phaseStarted(Phase.PROPAGATING_DOM_STATE);
        ByteColumn domStates = ByteColumn.of(DomState.propagate(graph));

        // Class names depend on the graph alone (after DOM renames): they are worked out on a second core while the
        // phases below run; the string table stays unchanged until they are joined.
        DerivedNames derivedNames = new DerivedNames(graph.strings());
        FutureTask<ClassNames.Naming> naming = new FutureTask<>(
                () -> ClassNames.compute(graph, derivedNames, cancel));
        Thread namingThread = new Thread(naming, "heapscope-class-names");
        namingThread.setDaemon(true);
        namingThread.start();

        listener.phaseStarted(Phase.BUILDING_RETAINERS);
        RetainerIndex retainers = RetainerIndex.build(graph, cancel);

        listener.phaseStarted(Phase.CALCULATING_FLAGS);
        BitSet pageOwned = PageOwnership.mark(graph, scratch, cancel);
        WeakMapEdgeNames weakMaps = WeakMapEdgeNames.of(graph);
        UserRoots userRoots = new UserRoots(graph);

        listener.phaseStarted(Phase.CALCULATING_SHALLOW_SIZES);
        NodeSizes shallow = ShallowSizes.compute(graph, userRoots, scratch, cancel);

        listener.phaseStarted(Phase.CALCULATING_DISTANCES);
        IntColumn distances = new DistanceCalculator(graph, userRoots, weakMaps, cancel).compute(null, scratch);

        // DevTools counts every node of a V8 snapshot; HPROF garbage (objects no GC root reaches) is kept apart.
        BitSet uncounted = graph.format() == HeapFormat.HPROF ? unreachable(distances) : null;

        listener.phaseStarted(Phase.BUILDING_DOMINATOR_TREE);
        BitSet essential = EssentialEdges.compute(graph, pageOwned, weakMaps, uncounted, cancel);
        DominatorTree dominatorTree = DominatorTree.build(graph, retainers, essential, scratch, cancel);
        essential = null;

        listener.phaseStarted(Phase.CALCULATING_RETAINED_SIZES);
        NodeSizes retained = RetainedSizes.compute(dominatorTree, shallow, uncounted);
        IntColumn dominators = dominatorTree.dominatorByNode();
        scratch.give(dominatorTree.nodeByDfsOrder());
        dominatorTree = null;
        // The children lists take the last of the working memory, which then goes.
        DominatedNodes dominated = DominatedNodes.build(dominators, graph.nodeCount(), graph.rootOrdinal(), scratch,
                graph.columns());
        scratch = null;

        listener.phaseStarted(Phase.CALCULATING_OBJECT_NAMES);
        ClassNames.Naming names = join(naming);
        derivedNames.appendAll();
        ClassTable classes = ClassTable.build(graph, names.classNames());

        listener.phaseStarted(Phase.CALCULATING_STATISTICS);
        // DevTools' total: the root's retained size plus the native bytes V8 attributes to no node.
        long totalSize = retained.get(graph.rootOrdinal()) + graph.extraNativeBytes();
        HeapStatistics statistics = StatisticsCalculator.compute(graph, shallow, retainers, uncounted, totalSize);
        long maxJsObjectId = graph.maxJsObjectId();

        return new AnalyzedHeap(graph, retainers, domStates, shallow, distances, dominators, dominated, retained,
                uncounted, weakMaps, classes, names.definitions(), statistics, maxJsObjectId);
    }

    /** The result of work on another thread; its exceptions (such as a cancellation) rethrown here. */
    private static <T> T join(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CanceledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static BitSet unreachable(IntColumn distances) {
        BitSet result = new BitSet(distances.length());
        for (int node = 0; node < distances.length(); node++) {
            if (distances.get(node) == Distances.NO_DISTANCE) {
                result.set(node);
            }
        }
        return result;
    }
}
